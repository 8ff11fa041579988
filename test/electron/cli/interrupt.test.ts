import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseState, eriktiJson, eriktiStoppedAfter } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('Ctrl-C during a long command', () => {
  it('ends the process at once and leaves the database exactly as before (the transaction is never committed)', async () => {
    const dir = tempDir();
    const db = initOfficeFile(path.join(dir, 'office.sqlite'), 'KZ-75');
    const file = path.join(dir, 'roster.csv');
    writeFileSync(file, `Фамилия;Имя;Телефон\r\n${Array.from({ length: 8000 }, (_v, i) => `Абаев;Ерлан;+7701${1_000_000 + i}`).join('\r\n')}\r\n`);
    const reference = path.join(dir, 'reference.sqlite');
    copyFileSync(db, reference);
    const started = Date.now();
    expect(eriktiJson(['roster', 'import', '--db', reference, file])).toMatchObject({ added: 8000 });
    const fullMs = Date.now() - started;
    const before = databaseState(db);

    let interrupted = 0;
    for (const fraction of [0.6, 0.4, 0.8]) {
      const { stopped } = await eriktiStoppedAfter(['roster', 'import', '--db', db, file], 'SIGINT', Math.round(fullMs * fraction));
      const after = databaseState(db);
      expect(after.integrity).toBe('ok');
      if (!stopped) break; // it finished first: the machine was faster than the reference run
      expect(after.dump).toBe(before.dump);
      interrupted++;
    }
    expect(interrupted, `no Ctrl-C landed inside the import (a full import takes ${fullMs} ms)`).toBeGreaterThan(0);
  });
});

import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseState, eriktiJson, eriktiStoppedAfter } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('Ctrl-C during a long command', () => {
  it('stops the import at its next progress point, says so, exits 130 and leaves the database exactly as before', async () => {
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
      const { code, stderr } = await eriktiStoppedAfter(['roster', 'import', '--db', db, file], 'SIGINT', Math.round(fullMs * fraction));
      const after = databaseState(db);
      expect(after.integrity).toBe('ok');
      if (code === 0) break; // it finished first: the machine was faster than the reference run
      expect(code).toBe(130);
      expect(stderr).toContain('Cancelled: nothing was changed.');
      expect(after.dump).toBe(before.dump);
      interrupted++;
    }
    expect(interrupted, `no Ctrl-C landed inside the import (a full import takes ${fullMs} ms)`).toBeGreaterThan(0);
  });
});

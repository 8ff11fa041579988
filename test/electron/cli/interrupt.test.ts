import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dump } from '../../../electron/core/dump/dump';
import { CLI_PATH, cliEnv, eriktiJson } from '../../helpers/cli';
import { testCore } from '../../helpers/core-options';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

/** Runs the built CLI's roster import and sends it SIGINT (Ctrl-C) after `ms`. */
function importInterruptedAfter(db: string, file: string, ms: number): Promise<{ interrupted: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, 'roster', 'import', '--db', db, file], { stdio: 'ignore', env: cliEnv() });
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ interrupted: signal === 'SIGINT', code });
    });
  });
}

function state(file: string): { integrity: string; dump: string } {
  const db = new Database(file, { readonly: true });
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  db.close();
  const core = testCore(file);
  try {
    return { integrity, dump: dump(core.db) };
  } finally {
    core.close();
  }
}

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
    const before = state(db);

    let interrupted = 0;
    for (const fraction of [0.6, 0.4, 0.8]) {
      const { interrupted: stopped } = await importInterruptedAfter(db, file, Math.round(fullMs * fraction));
      const after = state(db);
      expect(after.integrity).toBe('ok');
      if (!stopped) break; // it finished first: the machine was faster than the reference run
      expect(after.dump).toBe(before.dump);
      interrupted++;
    }
    expect(interrupted, `no Ctrl-C landed inside the import (a full import takes ${fullMs} ms)`).toBeGreaterThan(0);
  });
});

import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, databaseState, erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

const PASSWORD = 'backup password 2026';
const env = (password: string | null = PASSWORD) => ({ ...cliEnv(), ...(password ? { ERIKTI_BACKUP_PASSWORD: password } : {}) });

describe('erikti backup / restore', () => {
  it('round trip: back up, change, preview, restore with the current database kept aside', () => {
    const dir = tempDir();
    const db = initOfficeFile(path.join(dir, 'office.sqlite'), 'KZ-75');
    eriktiJson(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Абенов', firstName: 'Марат' })]);
    const stick = path.join(tempDir(), 'stick');
    mkdirSync(stick);
    const before = databaseState(db).dump;
    const made = eriktiJson<{ file: string; counts: { volunteers: number } }>(['backup', '--db', db, '--to', stick, '--keep', '2'], undefined, env());
    expect(made.counts.volunteers).toBe(1);
    eriktiJson(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Бекова', firstName: 'Айгерим' })]);
    const changed = databaseState(db).dump;
    expect(changed).not.toBe(before);

    const wrong = erikti(['restore', '--db', db, '--from', made.file], undefined, env('not the password'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/password is wrong/i);
    expect(databaseState(db).dump).toBe(changed);

    expect(eriktiJson(['restore', '--db', db, '--from', made.file, '--preview'], undefined, env())).toMatchObject({ office: { code: 'KZ-75' }, counts: { volunteers: 1 } });
    expect(databaseState(db).dump).toBe(changed);
    const restored = eriktiJson<{ keptAside: string }>(['restore', '--db', db, '--from', made.file], undefined, env());
    expect(databaseState(db).dump).toBe(before);
    expect(databaseState(restored.keptAside).dump).toBe(changed);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toHaveLength(1);
  });

  it('refuses without a password or with a short one', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-75');
    const stick = tempDir();
    expect(erikti(['backup', '--db', db, '--to', stick], undefined, env(null)).stderr).toMatch(/ERIKTI_BACKUP_PASSWORD/);
    expect(erikti(['backup', '--db', db, '--to', stick], undefined, env('short')).stderr).toMatch(/at least 10/);
    expect(readdirSync(stick)).toEqual([]);
  });
});

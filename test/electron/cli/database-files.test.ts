import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { english } from '../../../electron/cli/messages';
import { registerSqlFunctions } from '../../../electron/core/db/functions';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { CLI_PATH, erikti, eriktiJson } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-db';

/** Runs the tool as a user without write access (root may write anywhere, so it becomes "nobody"). */
function eriktiUnprivileged(args: string[]) {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8', cwd: '/', ...asNobody });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the database file', () => {
  it('a failed init leaves no file behind, and never removes a database that was there', () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    const bad = erikti(['init', '--db', db, '--office', 'KZ-99']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(english('error.region', { value: 'KZ-99' }));
    expect(readdirSync(dir)).toEqual([]);

    eriktiJson(['init', '--db', db, '--office', 'KZ-75']);
    const again = erikti(['init', '--db', db, '--office', 'KZ-71']);
    expect(again.stderr).toContain(english('error.officeExists'));
    expect(existsSync(db)).toBe(true);
    expect(eriktiJson<{ office: string }>(['keys', 'show', '--db', db]).office).toBe('KZ-75');
  });

  it('init where no database can be created says so', () => {
    const r = erikti(['init', '--db', path.join(tempDir(), 'missing-folder', 'office.sqlite'), '--office', 'KZ-75']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`erikti: ${english('error.cannotOpen')}\n`);
  });

  it('a database on a read-only location can be read; a write says where the problem is and changes nothing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    eriktiJson(['init', '--db', db, '--office', 'KZ-75']);
    eriktiJson(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Оқылатын', firstName: 'Адам' })]);
    const before = readFileSync(db);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    try {
      const search = eriktiUnprivileged(['volunteers', 'search', '--db', db, 'Оқылатын']);
      expect(search.stderr).toBe('');
      expect(JSON.parse(search.stdout)).toHaveLength(1);
      expect(eriktiUnprivileged(['dump', '--db', db]).stdout).toContain('Оқылатын');

      const add = eriktiUnprivileged(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Жаңа', firstName: 'Адам' })]);
      expect(add.status).toBe(1);
      expect(add.stderr).toBe(`erikti: ${english('error.readOnlyLocation')}\n`);
      expect(readFileSync(db).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['office.sqlite']);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('on a read-only location, a database that was not closed properly or needs upgrading is refused with the reason', () => {
    const source = path.join(tempDir(), 'open.sqlite');
    eriktiJson(['init', '--db', source, '--office', 'KZ-75']);
    const open = new Database(source);
    open.exec("INSERT INTO meta (key, value) VALUES ('unsaved', 'in the WAL only')");
    const unclosed = tempDir();
    copyFileSync(source, path.join(unclosed, 'office.sqlite'));
    copyFileSync(`${source}-wal`, path.join(unclosed, 'office.sqlite-wal'));
    open.close();

    const outdated = tempDir();
    const old = new Database(path.join(outdated, 'office.sqlite'));
    registerSqlFunctions(old);
    MIGRATIONS[0]!.up(old);
    old.pragma('user_version = 1');
    old.close();

    for (const [dir, key] of [[unclosed, 'error.readOnlyUnclosed'], [outdated, 'error.readOnlyOutdated']] as const) {
      chmodSync(dir, 0o555);
      try {
        const r = eriktiUnprivileged(['dump', '--db', path.join(dir, 'office.sqlite')]);
        expect(r.status).toBe(1);
        expect(r.stderr).toBe(`erikti: ${english(key)}\n`);
      } finally {
        chmodSync(dir, 0o755);
      }
    }
  });
});

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { applyPendingRestore, pendingRestoreFile, previewBackup, stageRestore } from '../../../../electron/core/backups/restore';
import { snapshotInto } from '../../../../electron/core/backups/snapshot';
import { takeBackup } from '../../../../electron/core/backups/take';
import { listBackups } from '../../../../electron/core/backups/folder';
import { dump } from '../../../../electron/core/dump/dump';
import { passphraseProtector } from '../../../../electron/core/office/key-protection';
import { checkPrivateKeys, readPrivateKey } from '../../../../electron/core/office/private-keys';
import { noProgress } from '../../../../electron/core/progress';
import { CallError } from '../../../../shared/contract/errors';
import { testCore } from '../../../helpers/core-options';
import { ADMIN, officeCore, tempDir } from '../../../helpers/temp-db';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'backup password 2026';
const AT = new Date('2026-11-28T01:02:03Z');

/** Write number i of the series the concurrent writer runs: deterministic, so it can be replayed. */
const WRITE_SQL = `
  INSERT INTO organisations (id, name, type, created_at, created_by, updated_at, updated_by)
    VALUES ('w-' || printf('%06d', @i), 'Written ' || @i, 'ngo', '2026-01-01', 'w', '2026-01-01', 'w');
  UPDATE organisations SET notes = 'after ' || @i WHERE id = 'seed-000000';`;

function applyWrite(db: Database.Database, i: number): void {
  db.transaction(() => {
    for (const sql of WRITE_SQL.split(';').map((s) => s.trim()).filter(Boolean)) db.prepare(sql).run({ i });
  })();
}

function seed(db: Database.Database, n: number): void {
  const insert = db.prepare(
    `INSERT INTO organisations (id, name, type, notes, created_at, created_by, updated_at, updated_by)
     VALUES ('seed-' || printf('%06d', ?), ?, 'ngo', ?, '2026-01-01', 's', '2026-01-01', 's')`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(i, `Organisation ${i}`, 'x'.repeat(200));
  })();
}

function office() {
  const core = officeCore('KZ-75');
  core.callAs(ADMIN, 'volunteers.create', { lastName: 'Абенов', firstName: 'Марат', birthDate: '1990-01-02' });
  const folder = path.join(tempDir(), 'stick');
  mkdirSync(folder);
  return { core, folder, file: core.db.name };
}

const backUp = (core: ReturnType<typeof office>['core'], folder: string, extra: Partial<Parameters<typeof takeBackup>[1]> = {}) =>
  takeBackup(core.db, { folder, keep: 10, password: PASSWORD, now: AT, progress: noProgress, cost: CHEAP, ...extra });

const dumpOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return dump(db);
  } finally {
    db.close();
  }
};

/** What a refused restore must leave: no pending restore, no scratch file beside the database. */
const leftovers = (file: string) => readdirSync(path.dirname(file)).filter((name) => name !== path.basename(file) && !name.startsWith(`${path.basename(file)}-`));

function expectRefused(fn: () => unknown, key: string): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CallError);
  expect((thrown as CallError).key).toBe(key);
}

describe('backups', () => {
  it('a backup taken while another connection writes restores to exactly the database at its moment', async () => {
    const { core, folder, file } = office();
    seed(core.db, 10_000);
    // The database before any concurrent write, to replay the writes onto.
    const reference = path.join(tempDir(), 'reference.sqlite');
    snapshotInto(file, reference);
    // A writer on its own connection in another thread, committing write after write until told to stop.
    const shared = new Int32Array(new SharedArrayBuffer(8)); // [0]: commits so far, [1]: stop
    const writer = new Worker(
      `const { workerData } = require('node:worker_threads');
       const Database = require(workerData.module);
       const db = new Database(workerData.file);
       db.pragma('busy_timeout = 10000');
       const statements = workerData.sql.split(';').map((s) => s.trim()).filter(Boolean).map((s) => db.prepare(s));
       const write = db.transaction((i) => { for (const s of statements) s.run({ i }); });
       for (let i = 1; Atomics.load(workerData.shared, 1) === 0; i++) { write(i); Atomics.store(workerData.shared, 0, i); }
       db.close();`,
      { eval: true, workerData: { file, sql: WRITE_SQL, shared, module: require.resolve('better-sqlite3') } },
    );
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    while (Atomics.load(shared, 0) < 5) await new Promise((r) => setTimeout(r, 5));
    const before = Atomics.load(shared, 0);
    const made = backUp(core, folder);
    const after = Atomics.load(shared, 0);
    Atomics.store(shared, 1, 1);
    await exited;
    expect(after).toBeGreaterThan(before); // writes were committed while the backup ran

    const restored = path.join(tempDir(), 'restored.sqlite');
    const preview = stageRestore(restored, path.join(folder, made.name), PASSWORD, { progress: noProgress });
    expect(applyPendingRestore(restored, AT)).toBeNull(); // nothing was there to keep aside
    expect(preview.office.code).toBe('KZ-75');
    const db = new Database(restored, { readonly: true });
    const k = db.prepare("SELECT count(*) FROM organisations WHERE id LIKE 'w-%'").pluck().get() as number;
    db.close();
    expect(k).toBeGreaterThanOrEqual(before);
    expect(k).toBeLessThanOrEqual(after);
    // Replaying the first k writes onto the database as it was before them gives the backup's content exactly.
    const replay = new Database(reference);
    replay.pragma('synchronous = OFF'); // a scratch copy: no need to wait for the disk k times
    for (let i = 1; i <= k; i++) applyWrite(replay, i);
    replay.close();
    expect(dumpOf(restored)).toBe(dumpOf(reference));
    expect(preview.counts.organisations).toBe(10_000 + k);
  });

  it('keeps the newest N of this office, deleting older ones only after the new one is complete', () => {
    const { core, folder } = office();
    writeFileSync(path.join(folder, 'notes.txt'), 'not ours');
    const names = [1, 2, 3, 4].map((day) => backUp(core, folder, { keep: 2, now: new Date(`2026-11-0${day}T10:00:00Z`) }).name);
    expect(readdirSync(folder).sort()).toEqual(['notes.txt', names[2], names[3]].sort());
    expect(listBackups(folder).map((f) => f.header?.createdAt)).toEqual(['2026-11-04T10:00:00.000Z', '2026-11-03T10:00:00.000Z']);
  });

  it('the preview reads what the backup holds without changing anything', () => {
    const { core, folder, file } = office();
    const made = backUp(core, folder);
    const preview = previewBackup(path.join(folder, made.name), PASSWORD, path.dirname(file), noProgress);
    expect(preview).toMatchObject({ office: { code: 'KZ-75' }, createdAt: AT.toISOString(), counts: { volunteers: 1, organisations: 0, users: 0 } });
    expect(leftovers(file)).toEqual([]);
  });

  it('a wrong password, a cut or a flipped byte is refused and changes nothing', () => {
    const { core, folder, file } = office();
    const made = backUp(core, folder);
    const backup = path.join(folder, made.name);
    const bytes = readFileSync(backup);
    const before = dumpOf(file);
    const variants: [string, Buffer, string, string][] = [
      ['wrong password', bytes, 'not the password!', 'error.backup.wrongPassword'],
      ['cut short', bytes.subarray(0, bytes.length - 40), PASSWORD, 'error.backup.damaged'],
      ['final chunk dropped', bytes.subarray(0, bytes.length - 20), PASSWORD, 'error.backup.damaged'],
      ['a byte flipped in the data', flip(bytes, bytes.length - 5000), PASSWORD, 'error.backup.damaged'],
      ['a byte appended', Buffer.concat([bytes, Buffer.from([0])]), PASSWORD, 'error.backup.damaged'],
      ['the header forged', Buffer.from(bytes.toString('latin1').replace('"volunteers":1', '"volunteers":9'), 'latin1'), PASSWORD, 'error.backup.damaged'],
      ['not a backup', Buffer.from('SQLite format 3\0 and more'), PASSWORD, 'error.backup.notBackup'],
    ];
    for (const [what, content, password, key] of variants) {
      const variant = path.join(folder, `variant.erikti-backup`);
      writeFileSync(variant, content);
      expectRefused(() => stageRestore(file, variant, password, { progress: noProgress }), key);
      expect(existsSync(pendingRestoreFile(file)), what).toBe(false);
      expect(leftovers(file), what).toEqual([]);
    }
    expect(dumpOf(file)).toBe(before);
  });

  it('a restore keeps the current database aside and carries the office keys to another computer', () => {
    const { core, folder, file } = office();
    const made = backUp(core, folder);
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Бекова', firstName: 'Айгерим', birthDate: '1992-07-02' });
    const current = dump(core.db);
    const signKey = readPrivateKey(core.db, 'sign_private');
    core.close();

    // "Another computer": its key store (here another passphrase) has never seen this office.
    const elsewhere = passphraseProtector('another computer key store', CHEAP);
    const staged = stageRestore(file, path.join(folder, made.name), PASSWORD, { progress: noProgress, keyProtector: elsewhere });
    expect(staged.keysRestored).toBe(true);
    const aside = applyPendingRestore(file, AT)!;
    expect(path.basename(aside)).toBe('office.sqlite.before-restore-20261128-010203');
    expect(dumpOf(aside)).toBe(current);

    const restored = testCore(file, { keyProtector: elsewhere });
    try {
      expect(restored.db.prepare('SELECT count(*) FROM volunteers').pluck().get()).toBe(1);
      checkPrivateKeys(restored.db);
      expect(readPrivateKey(restored.db, 'sign_private')).toBe(signKey);
    } finally {
      restored.close();
    }
    // A second restore keeps the first aside too, under another name.
    stageRestore(file, path.join(folder, made.name), PASSWORD, { progress: noProgress });
    expect(applyPendingRestore(file, AT)).toBe(`${aside}-2`);
  });

  it('a full disk or an unwritable folder says so and leaves no partial file', () => {
    const { core, folder } = office();
    seed(core.db, 2000);
    const mounted = mountTmpfs(folder, 'size=64k');
    if (!mounted) return; // needs root to mount a small file system; the rest of the suite covers the rest
    try {
      expectRefused(() => backUp(core, folder), 'error.backup.diskFull');
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      execFileSync('umount', [folder]);
    }
    mountTmpfs(folder, 'ro');
    try {
      expectRefused(() => backUp(core, folder), 'error.backup.folderUnwritable');
    } finally {
      execFileSync('umount', [folder]);
    }
    expectRefused(() => backUp(core, path.join(folder, 'missing')), 'error.backup.folderMissing');
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

function mountTmpfs(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

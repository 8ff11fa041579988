import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUSY_TIMEOUT_MS } from '../db/connection';
import { registerSqlFunctions } from '../db/functions';
import type { ReadDb } from '../db/read-only';
import { readOffice } from '../office/identity';
import { backupError } from './errors';
import type { BackupCounts, HeaderFacts } from './format';

/**
 * A scratch file for a plaintext database (a snapshot being encrypted, a backup being checked):
 * beside the office database, so it stays in the same protected folder, created owner-only and
 * empty (VACUUM INTO requires that), and always removed by the caller.
 */
export function scratchFile(dir: string, what: string): string {
  const file = path.join(dir, `.erikti-${what}-${randomBytes(6).toString('hex')}.sqlite`);
  closeSync(openSync(file, 'wx', 0o600));
  return file;
}

export function removeScratch(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

/**
 * A consistent copy of the database as of one moment, made by SQLite itself (VACUUM INTO), on a
 * connection of its own. It reads inside one read transaction: in WAL mode writers carry on
 * meanwhile, and the copy holds exactly what was committed when it began — never half a write,
 * which a file copy of a live database (plus its WAL) could. Chosen over the page-stepping backup
 * API because the core's calls are synchronous (better-sqlite3's backup() is asynchronous) and
 * because the result is compact: no free pages, so nothing erased lingers in the backup.
 */
export function snapshotInto(dbFile: string, target: string): void {
  if (!dbFile || dbFile === ':memory:') throw backupError('inMemory', 'This database is not a file that can be backed up');
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    registerSqlFunctions(source); // indexes on expressions use them
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
}

const liveCount = (db: ReadDb, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get() as { n: number }).n;

/** What a backup holds, as its preview shows it. */
export function countsOf(db: ReadDb): BackupCounts {
  return {
    volunteers: liveCount(db, 'volunteers'),
    organisations: liveCount(db, 'organisations'),
    events: liveCount(db, 'events'),
    trainingSessions: liveCount(db, 'training_sessions'),
    certificates: liveCount(db, 'certificates'),
    users: (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
  };
}

/** The header facts of a snapshot file, read from the snapshot itself so they match its content. */
export function factsOf(file: string, createdAt: Date): HeaderFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  registerSqlFunctions(db);
  try {
    const office = readOffice(db);
    if (!office) throw backupError('notConfigured', 'This database has no office yet');
    return {
      office: { code: office.code, name: office.name },
      createdAt: createdAt.toISOString(),
      schema: db.pragma('user_version', { simple: true }) as number,
      counts: countsOf(db),
    };
  } finally {
    db.close();
  }
}

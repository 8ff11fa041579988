import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CallError } from '../../../shared/contract/errors';
import { registerSqlFunctions } from './functions';
import { migrate, SCHEMA_VERSION } from './migrate';

export { writeTransaction } from './transaction';

export type Db = Database.Database;

/**
 * How long a write waits for another process (the web host, a second CLI) to finish its write
 * before answering "the database is busy". Local writes hold the lock for milliseconds, so they
 * are always waited out; a long import holds it for its whole run, and a person at the desk
 * should hear "busy, try again" after ten seconds rather than watch a frozen screen. Ten seconds
 * also covers a checkpoint or a seed batch of the other process with room to spare.
 */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Override of BUSY_TIMEOUT_MS (tests, and callers that must not block long). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) an office database and brings its schema up to date.
 * WAL with synchronous=FULL: a save the user saw succeed survives a power cut.
 * A database in a place this process may not write to (read-only media, a locked folder) is
 * opened for reading only (see openReadOnly).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (existsSync(file) && !writableLocation(file)) return openReadOnly(file);
  if (!existsSync(path.dirname(file))) {
    throw new CallError({ code: 'unavailable', key: 'error.cannotOpen' }, `There is no folder ${path.dirname(file)}`);
  }
  ownerOnly(file);
  const db = new Database(file);
  try {
    // First, so every later statement (even switching to WAL) waits for another process's write.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted and overwritten content is zeroed, so an erased person's values do not linger in
    // free space of the file (or the WAL) after their row, index entries and search keys go.
    db.pragma('secure_delete = ON');
    // A national roster is a few hundred MB: map it and keep a generous page cache so search and
    // scrolling read memory, not syscalls.
    db.pragma('mmap_size = 1073741824');
    db.pragma('cache_size = -131072');
    registerSqlFunctions(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The database holds personal data: readable and writable by its owner only (0600). Created so
 * before SQLite opens it; SQLite gives the -wal and -shm files the database's own mode. Existing
 * files are tightened too. On Windows modes mean little: the file lives in the user's profile,
 * whose folder ACL already keeps other users out.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch {
    // It exists already: tightened below.
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f) && statSync(f).isFile()) chmodSync(f, 0o600);
    } catch {
      // Not ours to change (a shared folder, a read-only medium): SQLite reports what matters.
    }
  }
}

/** WAL needs to write the database and to create its -wal and -shm files beside it. */
function writableLocation(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readOnlyError(key: 'error.readOnlyOutdated' | 'error.readOnlyUnclosed', message: string): CallError {
  return new CallError({ code: 'unavailable', key }, message);
}

/**
 * SQLite cannot read a WAL database where it may not create the -shm file. The file is read
 * into memory instead (as a database in rollback mode: bytes 18–19 of the header name the
 * journal mode) and opened read-only, so it can be looked at and exported; every write answers
 * error.readOnlyLocation. Nothing is copied to disk: the file holds personal data.
 * A non-empty -wal beside it holds committed changes the file itself lacks: refused, not misread.
 */
function openReadOnly(file: string): Db {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw readOnlyError('error.readOnlyUnclosed', `${file} is in a read-only location and was not closed properly`);
  }
  const bytes = readFileSync(file);
  if (bytes.length >= 20) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const db = new Database(bytes, { readonly: true });
  try {
    registerSqlFunctions(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      throw readOnlyError('error.readOnlyOutdated', `${file} is in a read-only location and needs upgrading for this version`);
    }
    migrate(db); // refuses a newer schema; has nothing to apply otherwise
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second, read-only connection to a database another connection (the writer) has opened and
 * migrated: WAL lets it read the last committed state while the writer writes. It never migrates;
 * a schema other than this version's means the writer has not opened the file, and it says so.
 */
export function openReaderConnection(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    db.pragma('mmap_size = 1073741824');
    db.pragma('cache_size = -131072');
    registerSqlFunctions(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new Error(`${file} has schema ${version}, expected ${SCHEMA_VERSION}: open it for writing first`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** True when the database was opened from a read-only location (see openReadOnly). */
export function isReadOnly(db: Db): boolean {
  return db.readonly;
}

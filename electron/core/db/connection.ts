import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { registerSqlFunctions } from './functions';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) an office database and brings its schema up to date.
 * WAL with synchronous=FULL: a save the user saw succeed survives a power cut.
 */
export function openDatabase(file: string): Db {
  ownerOnly(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
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
    // It exists already (tightened below), or its folder does not: SQLite says so in its words.
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f) && statSync(f).isFile()) chmodSync(f, 0o600);
    } catch {
      // Not ours to change (a shared folder, a read-only medium): SQLite reports what matters.
    }
  }
}

/** Runs fn in one transaction (nested calls become savepoints). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}

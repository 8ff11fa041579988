import Database from 'better-sqlite3';
import { registerSqlFunctions } from './functions';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) an office database and brings its schema up to date.
 * WAL with synchronous=FULL: a save the user saw succeed survives a power cut.
 */
export function openDatabase(file: string): Db {
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

/** Runs fn in one transaction (nested calls become savepoints). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}

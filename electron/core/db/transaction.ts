import type Database from 'better-sqlite3';

/**
 * Runs fn in one write transaction that takes the write lock before it reads anything
 * (BEGIN IMMEDIATE): it waits up to the busy timeout for another process's write and then
 * either has the database to itself until it commits or fails before doing anything. A deferred
 * transaction would read first and could only learn at its first write, after all its work,
 * that another process wrote meanwhile (SQLITE_BUSY_SNAPSHOT, which no waiting cures).
 * Nested calls become savepoints of the outer transaction.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

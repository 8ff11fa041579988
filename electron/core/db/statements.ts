import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import type { ReadDb, ReadStatement } from './read-only';

/** Prepared statements per connection: bulk writes (seeding, imports) must not re-prepare per row. */
const statementCache = new WeakMap<ReadDb, Map<string, ReadStatement>>();

/** A cached statement; through a read-only handle it can only read. */
export function prepared(db: Db, sql: string): Statement;
export function prepared(db: ReadDb, sql: string): ReadStatement;
export function prepared(db: ReadDb, sql: string): ReadStatement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';
import type { HybridClock } from './hlc';
import { REPLICATED_TABLES, type ReplicatedTable, type Row } from './tables';

/** Who is writing and when; every replicated write carries it. */
export interface WriteStamp {
  db: Db;
  clock: HybridClock;
  actor: string; // "login@OFFICE"
  at: string; // ISO time
}

/** Prepared statements per connection: bulk writes (seeding, imports) must not re-prepare per row. */
const statementCache = new WeakMap<Db, Map<string, Statement>>();
export function prepared(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

function assertFields(table: ReplicatedTable, values: Row): string[] {
  const allowed = REPLICATED_TABLES[table] as readonly string[];
  const fields = Object.keys(values);
  for (const f of fields) if (!allowed.includes(f)) throw new Error(`${table}.${f} is not a replicated field`);
  return fields;
}

export function nextChangeSeq(db: Db): number {
  return (prepared(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM row_clock').get() as { next: number }).next;
}

/** Inserts a new replicated row; one clock stamp covers every field it sets. */
export function insertReplicated(w: WriteStamp, table: ReplicatedTable, id: string, values: Row): void {
  const fields = assertFields(table, values);
  const columns = ['id', ...fields, 'created_at', 'created_by', 'updated_at', 'updated_by'];
  const placeholders = columns.map(() => '?').join(', ');
  prepared(w.db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`).run(
    id, ...fields.map((f) => values[f] ?? null), w.at, w.actor, w.at, w.actor,
  );
  prepared(w.db, 'INSERT INTO row_clock (tbl, row_id, base, fields, actor, seq) VALUES (?, ?, ?, ?, ?, ?)').run(
    table, id, w.clock.tick(), '{}', w.actor, nextChangeSeq(w.db),
  );
}

/**
 * Updates the given fields of a replicated row. Only fields whose value really changes are
 * written and stamped, so saving an unchanged form creates nothing to exchange.
 * Returns the fields that changed.
 */
export function updateReplicated(w: WriteStamp, table: ReplicatedTable, id: string, values: Row): string[] {
  const fields = assertFields(table, values);
  const current = prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!current) throw new Error(`${table} ${id} does not exist`);
  const changed = fields.filter((f) => (current[f] ?? null) !== (values[f] ?? null));
  if (changed.length === 0) return [];
  const sets = [...changed.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'].join(', ');
  w.db.prepare(`UPDATE ${table} SET ${sets} WHERE id = ?`).run(...changed.map((f) => values[f] ?? null), w.at, w.actor, id);
  const clock = prepared(w.db, 'SELECT fields FROM row_clock WHERE tbl = ? AND row_id = ?').get(table, id) as { fields: string };
  const stamps = JSON.parse(clock.fields) as Record<string, string>;
  const stamp = w.clock.tick();
  for (const f of changed) stamps[f] = stamp;
  prepared(w.db, 'UPDATE row_clock SET fields = ?, actor = ?, seq = ? WHERE tbl = ? AND row_id = ?').run(
    JSON.stringify(stamps), w.actor, nextChangeSeq(w.db), table, id,
  );
  return changed;
}

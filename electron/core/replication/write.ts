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

function nextSeq(db: Db): number {
  const row = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM field_clock').get() as { next: number };
  return row.next;
}

function assertFields(table: ReplicatedTable, values: Row): string[] {
  const allowed = REPLICATED_TABLES[table] as readonly string[];
  const fields = Object.keys(values);
  for (const f of fields) if (!allowed.includes(f)) throw new Error(`${table}.${f} is not a replicated field`);
  return fields;
}

function stampFields(w: WriteStamp, table: ReplicatedTable, id: string, fields: string[]): void {
  const stmt = w.db.prepare(
    `INSERT INTO field_clock (tbl, row_id, field, hlc, actor, seq) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, actor = excluded.actor, seq = excluded.seq`,
  );
  let seq = nextSeq(w.db);
  for (const field of fields) stmt.run(table, id, field, w.clock.tick(), w.actor, seq++);
}

/** Inserts a new replicated row and stamps every field it sets. */
export function insertReplicated(w: WriteStamp, table: ReplicatedTable, id: string, values: Row): void {
  const fields = assertFields(table, values);
  const columns = ['id', ...fields, 'created_at', 'created_by', 'updated_at', 'updated_by'];
  const placeholders = columns.map(() => '?').join(', ');
  w.db
    .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`)
    .run(id, ...fields.map((f) => values[f] ?? null), w.at, w.actor, w.at, w.actor);
  stampFields(w, table, id, fields);
}

/**
 * Updates the given fields of a replicated row. Only fields whose value really changes are
 * written and stamped, so saving an unchanged form creates no change to exchange.
 * Returns the fields that changed.
 */
export function updateReplicated(w: WriteStamp, table: ReplicatedTable, id: string, values: Row): string[] {
  const fields = assertFields(table, values);
  const current = w.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!current) throw new Error(`${table} ${id} does not exist`);
  const changed = fields.filter((f) => (current[f] ?? null) !== (values[f] ?? null));
  if (changed.length === 0) return [];
  const sets = [...changed.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'].join(', ');
  w.db.prepare(`UPDATE ${table} SET ${sets} WHERE id = ?`).run(...changed.map((f) => values[f] ?? null), w.at, w.actor, id);
  stampFields(w, table, id, changed);
  return changed;
}

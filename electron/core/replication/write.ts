import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { ancestorsAfter, entryOf, parseEntries, serializeEntries, type FieldEntry, type RowClock, type Seen } from './entries';
import type { HybridClock } from './hlc';
import { REPLICATED_TABLES, type ReplicatedTable, type Row } from './tables';
import { recordChanges, type FieldChange } from './history';

/** Who is writing and when; every replicated write carries it. */
export interface WriteStamp {
  db: Db;
  clock: HybridClock;
  actor: string; // "login@OFFICE"
  at: string; // ISO time
}

function assertFields(table: ReplicatedTable, values: Row): string[] {
  const allowed = REPLICATED_TABLES[table] as readonly string[];
  const fields = Object.keys(values);
  for (const f of fields) if (!allowed.includes(f)) throw new Error(`${table}.${f} is not a replicated field`);
  return fields;
}

/** The next value of the local change order (what incremental export follows). */
export function nextChangeSeq(db: ReadDb): number {
  return (prepared(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM row_clock').get() as { next: number }).next;
}

export function readRowClock(db: ReadDb, table: ReplicatedTable, id: string): RowClock | undefined {
  return prepared(db, 'SELECT tbl, row_id, base, actor, fields, seq, base_seq FROM row_clock WHERE tbl = ? AND row_id = ?').get(table, id) as
    | RowClock
    | undefined;
}

/** Inserts a new replicated row; one clock stamp covers every field it sets. */
export function insertReplicated(w: WriteStamp, table: ReplicatedTable, id: string, values: Row): void {
  const fields = assertFields(table, values);
  const columns = ['id', ...fields, 'created_at', 'created_by', 'updated_at', 'updated_by'];
  const placeholders = columns.map(() => '?').join(', ');
  prepared(w.db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`).run(
    id, ...fields.map((f) => values[f] ?? null), w.at, w.actor, w.at, w.actor,
  );
  const seq = nextChangeSeq(w.db);
  prepared(w.db, 'INSERT INTO row_clock (tbl, row_id, base, fields, actor, seq, base_seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    table, id, w.clock.tick(), '{}', w.actor, seq, seq,
  );
}

export interface UpdateOptions {
  /** Stamp these fields even when their value does not change (a conflict resolved in favour of the current value). */
  force?: string[];
  /** Extra ancestors per field (the losing stamp of a resolved conflict, so it never comes back as new). */
  ancestors?: Record<string, string[]>;
}

/**
 * Updates the given fields of a replicated row. Only fields whose value really changes are
 * written and stamped, so saving an unchanged form creates nothing to exchange.
 * Each stamped field records the stamp it replaced (see entries.ts), a deletion records what
 * it had seen, and open conflicts on the fields written are resolved by the edit.
 * Returns the fields that changed.
 */
export function updateReplicated(w: WriteStamp, table: ReplicatedTable, id: string, values: Row, options: UpdateOptions = {}): string[] {
  const fields = assertFields(table, values);
  const current = prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!current) throw new Error(`${table} ${id} does not exist`);
  const force = options.force ?? [];
  const changed = fields.filter((f) => (current[f] ?? null) !== (values[f] ?? null) || force.includes(f));
  if (changed.length === 0) return [];
  const sets = [...changed.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'].join(', ');
  prepared(w.db, `UPDATE ${table} SET ${sets} WHERE id = ?`).run(...changed.map((f) => values[f] ?? null), w.at, w.actor, id);
  const clock = readRowClock(w.db, table, id);
  if (!clock) throw new Error(`${table} ${id} has no clock`);
  const entries = parseEntries(clock);
  const seen = seenOf(clock, entries);
  const stamp = w.clock.tick();
  const seq = nextChangeSeq(w.db);
  const history: FieldChange[] = [];
  for (const f of changed) {
    const previous = entryOf(clock, entries, f);
    const entry: FieldEntry = { s: stamp, a: w.actor, p: ancestorsAfter(previous, options.ancestors?.[f]), q: seq };
    if (f === 'deleted' && values[f] === 1) entry.k = seen;
    entries[f] = entry;
    const from = current[f] ?? null;
    const to = values[f] ?? null;
    if (from !== to) history.push({ field: f, from, to, before: previous, after: entry });
  }
  recordChanges(w.db, table, id, history, null, (values.deleted ?? current.deleted) === 1);
  prepared(w.db, 'UPDATE row_clock SET fields = ?, seq = ? WHERE tbl = ? AND row_id = ?').run(serializeEntries(clock, entries), seq, table, id);
  resolveConflictsByEdit(w, table, id, changed);
  return changed;
}

/** The stamps of a row's fields as this office sees them now (what a deletion records). */
export function seenOf(clock: RowClock, entries: Record<string, FieldEntry>): Seen {
  const seen: Seen = { '*': clock.base };
  for (const [field, e] of Object.entries(entries)) if (e.s !== clock.base) seen[field] = e.s;
  return seen;
}

/** An ordinary edit of a field supersedes both sides of an open conflict on it. */
function resolveConflictsByEdit(w: WriteStamp, table: ReplicatedTable, id: string, changed: string[]): void {
  const open = prepared(w.db, 'SELECT id, field FROM conflicts WHERE tbl = ? AND row_id = ? AND resolved_at IS NULL').all(table, id) as {
    id: number;
    field: string;
  }[];
  for (const c of open) {
    if (changed.includes(c.field)) {
      prepared(w.db, "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = 'edited' WHERE id = ?").run(w.at, w.actor, c.id);
    }
  }
}

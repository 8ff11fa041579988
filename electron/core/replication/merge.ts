import type { Db } from '../db/connection';
import { entryOf, fromWire, parseEntries, relate, serializeEntries, stampTime, type FieldEntry, type WireEntry } from './entries';
import { REPLICATED_TABLES, type ReplicatedTable, type Row, type SqlValue } from './tables';
import { prepared, readRowClock } from './write';

/**
 * One record as a bundle carries it: its creation stamp and author, the values of the fields
 * sent, and the clock entries of those that differ from the creation stamp. `f` marks a full
 * record (every field); otherwise only fields changed since the recipient was last sent.
 */
export interface RemoteRow {
  t: ReplicatedTable;
  id: string;
  b: string;
  a: string;
  v: Row;
  c?: Record<string, WireEntry>;
  f?: 1;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'missing';

export interface MergeEnv {
  db: Db;
  /** The next local change-order number (one per record learned). */
  nextSeq(): number;
  /** Local time of the import (ISO), for the conflict log. */
  at: string;
  bundleId: string | null;
  /** Rows with open conflicts (table + id), to skip the lookup for all the others. */
  openConflicts: Set<string>;
  conflictsLogged: number;
  /** Told of every field change about to be written, with the record as it was (the import's report). */
  onChange?(table: ReplicatedTable, id: string, before: Row, fields: string[], values: Row): void;
}

export interface ConflictSide {
  value: SqlValue | Record<string, SqlValue>;
  stamp: string;
  actor: string;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

export function logConflict(
  env: Pick<MergeEnv, 'db' | 'at' | 'bundleId' | 'openConflicts'> & { conflictsLogged: number },
  table: ReplicatedTable,
  id: string,
  field: string,
  kind: 'field' | 'delete',
  winner: ConflictSide,
  loser: ConflictSide,
): void {
  const result = prepared(
    env.db,
    `INSERT OR IGNORE INTO conflicts (tbl, row_id, field, kind, winner_value, winner_stamp, winner_actor, loser_value, loser_stamp, loser_actor, detected_at, bundle_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(table, id, field, kind, json(winner.value), winner.stamp, winner.actor, json(loser.value), loser.stamp, loser.actor, env.at, env.bundleId);
  if (result.changes > 0) {
    env.conflictsLogged++;
    env.openConflicts.add(`${table}\u0000${id}`);
  }
}

/**
 * Merges one incoming record into the local database, field by field: the larger stamp wins
 * (the same at every office), a value that descends from the local one replaces it, a stale one
 * is ignored, and of two concurrent different values the loser goes to the conflict log.
 * Pure last-writer-wins per field, so the result does not depend on the order of imports.
 */
export function applyRemoteRow(env: MergeEnv, row: RemoteRow): RowOutcome {
  const { db } = env;
  const table = row.t;
  const local = readRowClock(db, table, row.id);
  if (!local) {
    if (!row.f) return 'missing';
    insertRemote(env, row);
    return 'created';
  }
  const entries = parseEntries(local);
  let current: Row | undefined;
  const taken: string[] = [];
  const superseding = new Map<string, FieldEntry>();
  const baseIncoming: FieldEntry = { s: row.b, a: row.a, p: [], q: 0 };
  for (const field of Object.keys(row.v)) {
    const wire = row.c?.[field];
    const incoming = wire ? fromWire(wire, 0) : baseIncoming;
    const mine = entryOf(local, entries, field);
    const relation = relate(incoming, mine);
    if (relation === 'same' || relation === 'stale') continue;
    current ??= prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(row.id) as Row;
    const theirs = row.v[field] ?? null;
    const ours = current[field] ?? null;
    if (relation === 'descends') {
      taken.push(field);
      entries[field] = { ...incoming, q: 0 };
      superseding.set(field, incoming);
      continue;
    }
    const incomingWins = incoming.s > mine.s;
    if (theirs !== ours) {
      const a = { value: ours, stamp: mine.s, actor: mine.a };
      const b = { value: theirs, stamp: incoming.s, actor: incoming.a };
      logConflict(env, table, row.id, field, 'field', incomingWins ? b : a, incomingWins ? a : b);
    }
    if (incomingWins) {
      taken.push(field);
      entries[field] = { ...incoming, q: 0 };
    }
  }
  if (taken.length === 0) return 'unchanged';
  const seq = env.nextSeq();
  for (const f of taken) entries[f]!.q = seq;
  current ??= prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(row.id) as Row;
  const changedValues = taken.filter((f) => (current![f] ?? null) !== (row.v[f] ?? null));
  if (changedValues.length > 0) {
    env.onChange?.(table, row.id, current, changedValues, row.v);
    let newest = entries[changedValues[0]!]!;
    for (const f of changedValues) if (entries[f]!.s > newest.s) newest = entries[f]!;
    const sets = [...changedValues.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'].join(', ');
    prepared(db, `UPDATE ${table} SET ${sets} WHERE id = ?`).run(
      ...changedValues.map((f) => row.v[f] ?? null), stampTime(newest.s), newest.a, row.id,
    );
    for (const f of changedValues) current[f] = row.v[f] ?? null;
  }
  prepared(db, 'UPDATE row_clock SET fields = ?, seq = ? WHERE tbl = ? AND row_id = ?').run(serializeEntries(local, entries), seq, table, row.id);
  const key = `${table}\u0000${row.id}`;
  if (env.openConflicts.has(key) && superseding.size > 0) resolveSuperseded(env, table, row.id, superseding);
  checkDeleteConflict(env, table, row.id, current, (f) => entryOf(local, entries, f));
  return changedValues.length > 0 ? 'updated' : 'unchanged';
}

function insertRemote(env: MergeEnv, row: RemoteRow): void {
  const { db } = env;
  const fields = Object.keys(row.v);
  const seq = env.nextSeq();
  const entries: Record<string, FieldEntry> = {};
  let newest: FieldEntry = { s: row.b, a: row.a, p: [], q: seq };
  for (const [field, wire] of Object.entries(row.c ?? {})) {
    const e = fromWire(wire, seq);
    entries[field] = e;
    if (e.s > newest.s) newest = e;
  }
  const columns = ['id', ...fields, 'created_at', 'created_by', 'updated_at', 'updated_by'];
  prepared(db, `INSERT INTO ${row.t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    row.id, ...fields.map((f) => row.v[f] ?? null), stampTime(row.b), row.a, stampTime(newest.s), newest.a,
  );
  const clock = { base: row.b, actor: row.a };
  prepared(db, 'INSERT INTO row_clock (tbl, row_id, base, actor, fields, seq, base_seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.t, row.id, row.b, row.a, serializeEntries(clock, entries), seq, seq,
  );
  if (row.v.deleted === 1) {
    const base: FieldEntry = { s: row.b, a: row.a, p: [], q: seq };
    checkDeleteConflict(env, row.t, row.id, row.v, (f) => entries[f] ?? base);
  }
}

/**
 * A deleted record with a field holding a stamp its deleter had not seen (and not written by the
 * deletion itself) holds an edit the deleter did not know: a delete-versus-edit conflict.
 * Decided from the merged state alone, so every office that holds it logs the same conflict.
 */
function checkDeleteConflict(env: MergeEnv, table: ReplicatedTable, id: string, values: Row, entry: (f: string) => FieldEntry): void {
  const key = `${table}\u0000${id}`;
  const deletion = entry('deleted');
  const late: Record<string, SqlValue> = {};
  let newest: FieldEntry | null = null;
  if (values.deleted === 1 && deletion.k) {
    for (const field of REPLICATED_TABLES[table]) {
      if (field === 'deleted') continue;
      const e = entry(field);
      if (e.s !== deletion.s && e.s !== (deletion.k[field] ?? deletion.k['*'])) {
        late[field] = values[field] ?? null;
        if (!newest || e.s > newest.s) newest = e;
      }
    }
  }
  if (newest) {
    logConflict(env, table, id, 'deleted', 'delete', { value: 1, stamp: deletion.s, actor: deletion.a }, { value: late, stamp: newest.s, actor: newest.a });
  } else if (env.openConflicts.has(key)) {
    prepared(
      env.db,
      "UPDATE conflicts SET resolved_at = ?, resolved_by = 'exchange', resolution = 'superseded' WHERE tbl = ? AND row_id = ? AND kind = 'delete' AND resolved_at IS NULL",
    ).run(env.at, table, id);
  }
}

/** An incoming value that descends from a conflict's winner or loser settles that conflict everywhere. */
function resolveSuperseded(env: MergeEnv, table: ReplicatedTable, id: string, incoming: Map<string, FieldEntry>): void {
  const open = prepared(env.db, "SELECT id, field, winner_stamp, loser_stamp FROM conflicts WHERE tbl = ? AND row_id = ? AND kind = 'field' AND resolved_at IS NULL").all(
    table, id,
  ) as { id: number; field: string; winner_stamp: string; loser_stamp: string }[];
  for (const c of open) {
    const e = incoming.get(c.field);
    if (e && (e.p.includes(c.winner_stamp) || e.p.includes(c.loser_stamp))) {
      prepared(env.db, "UPDATE conflicts SET resolved_at = ?, resolved_by = 'exchange', resolution = 'superseded' WHERE id = ?").run(env.at, c.id);
    }
  }
}

import type { Db } from '../db/connection';
import { entryOf, fromWire, parseEntries, relate, serializeEntries, stampTime, type FieldEntry, type RowClock, type WireEntry } from './entries';
import { REPLICATED_TABLES, labelOf, specOf, type ReplicatedTable, type Row, type SqlValue } from './tables';
import { prepared } from '../db/statements';
import { readRowClock } from './write';
import { recordChanges } from './history';

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

export type RowOutcome = 'created' | 'updated' | 'erased' | 'unchanged' | 'missing';

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

/** What a conflict log entry needs of the import (or of a local merge) that found it. */
export type ConflictEnv = Pick<MergeEnv, 'db' | 'at' | 'bundleId' | 'openConflicts'> & { conflictsLogged: number };

export interface ConflictExtras {
  /** The record's name when the conflict was found (an erased record has none left). */
  label?: string | null;
  /** The merged-away record the losing value came from. */
  mergedFrom?: string;
}

export function logConflict(
  env: ConflictEnv,
  table: ReplicatedTable,
  id: string,
  field: string,
  kind: 'field' | 'delete',
  winner: ConflictSide,
  loser: ConflictSide,
  extras: ConflictExtras = {},
): void {
  const result = prepared(
    env.db,
    `INSERT OR IGNORE INTO conflicts (tbl, row_id, field, kind, winner_value, winner_stamp, winner_actor, loser_value, loser_stamp, loser_actor, detected_at, bundle_id, label, merged_from)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    table, id, field, kind, json(winner.value), winner.stamp, winner.actor, json(loser.value), loser.stamp, loser.actor, env.at, env.bundleId,
    extras.label ?? null, extras.mergedFrom ?? null,
  );
  if (result.changes > 0) {
    env.conflictsLogged++;
    env.openConflicts.add(`${table}\u0000${id}`);
  }
}

/** One edit a deletion had not seen: its value, stamp and author. */
export interface LateEdit {
  value: SqlValue;
  stamp: string;
  actor: string;
}

interface DeleteDetail {
  erasedBy: { actor: string; stamp: string };
  editedBy: { actor: string; stamp: string }[];
}

/**
 * A deletion against edits it had not seen is one decision per record, however many fields and
 * bundles brought the edits: an open delete conflict of the record takes in the new edits
 * (values, newest stamp, editors) instead of a second entry being logged.
 */
export function logDeleteConflict(env: ConflictEnv, table: ReplicatedTable, id: string, deletion: FieldEntry, late: Record<string, LateEdit>, label: string | null): void {
  const open = prepared(env.db, "SELECT id, loser_value, loser_stamp, detail, label FROM conflicts WHERE tbl = ? AND row_id = ? AND kind = 'delete' AND resolved_at IS NULL ORDER BY id LIMIT 1").get(
    table, id,
  ) as { id: number; loser_value: string; loser_stamp: string; detail: string | null; label: string | null } | undefined;
  const values: Record<string, SqlValue> = open ? (JSON.parse(open.loser_value) as Record<string, SqlValue>) : {};
  const detail: DeleteDetail = open?.detail ? (JSON.parse(open.detail) as DeleteDetail) : { erasedBy: { actor: deletion.a, stamp: deletion.s }, editedBy: [] };
  let newest: LateEdit | null = open ? { value: null, stamp: open.loser_stamp, actor: '' } : null;
  for (const [field, edit] of Object.entries(late)) {
    values[field] = edit.value;
    if (!newest || edit.stamp > newest.stamp) newest = edit;
    const known = detail.editedBy.find((e) => e.actor === edit.actor);
    if (!known) detail.editedBy.push({ actor: edit.actor, stamp: edit.stamp });
    else if (edit.stamp > known.stamp) known.stamp = edit.stamp;
  }
  if (!newest) return;
  detail.editedBy.sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
  if (open) {
    const actor = newest.actor || (prepared(env.db, 'SELECT loser_actor FROM conflicts WHERE id = ?').pluck().get(open.id) as string);
    prepared(env.db, 'UPDATE OR IGNORE conflicts SET loser_value = ?, loser_stamp = ?, loser_actor = ?, detail = ?, label = COALESCE(label, ?) WHERE id = ?').run(
      json(values), newest.stamp, actor, JSON.stringify(detail), label, open.id,
    );
    return;
  }
  logConflict(env, table, id, 'deleted', 'delete', { value: 1, stamp: deletion.s, actor: deletion.a }, { value: values, stamp: newest.stamp, actor: newest.actor }, { label });
  prepared(env.db, "UPDATE conflicts SET detail = ? WHERE tbl = ? AND row_id = ? AND kind = 'delete' AND resolved_at IS NULL").run(JSON.stringify(detail), table, id);
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
  if (row.f && specOf(table).appendOnly && insertRemote(env, row, true)) return 'created';
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
  // Edits an erasure overwrote (the erasure's blanking won the field): they belong to the record's
  // one delete-versus-edit decision, not to a field conflict "changed the phone to (empty)".
  const overwritten: Record<string, LateEdit> = {};
  let erasures: string[] | undefined;
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
      const [winner, loser] = incomingWins ? [b, a] : [a, b];
      erasures ??= erasureStamps(local, entries, current, row);
      if (erasures.includes(winner.stamp) && !erasures.includes(loser.stamp)) overwritten[field] = loser;
      else if (!erasures.includes(loser.stamp)) logConflict(env, table, row.id, field, 'field', winner, loser);
    }
    if (incomingWins) {
      taken.push(field);
      entries[field] = { ...incoming, q: 0 };
    }
  }
  const labelBefore = current ? labelOf(table, current) ?? labelOf(table, row.v) : null;
  if (taken.length === 0) {
    if (Object.keys(overwritten).length > 0) checkDeleteConflict(env, table, row.id, current!, (f) => entryOf(local, entries, f), overwritten, labelBefore, false);
    return 'unchanged';
  }
  const seq = env.nextSeq();
  for (const f of taken) entries[f]!.q = seq;
  current ??= prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(row.id) as Row;
  const wasLive = current.deleted === 0;
  const changedValues = taken.filter((f) => (current![f] ?? null) !== (row.v[f] ?? null));
  if (changedValues.length > 0) {
    env.onChange?.(table, row.id, current, changedValues, row.v);
    const before = current;
    const replaced = parseEntries(local);
    recordChanges(
      db, table, row.id,
      changedValues.map((f) => ({ field: f, from: before[f] ?? null, to: row.v[f] ?? null, before: entryOf(local, replaced, f), after: entries[f]! })),
      env.bundleId, (row.v.deleted ?? current.deleted) === 1,
    );
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
  checkDeleteConflict(env, table, row.id, current, (f) => entryOf(local, entries, f), overwritten, labelBefore, taken.includes('deleted'));
  if (changedValues.length === 0) return 'unchanged';
  return wasLive && current.deleted === 1 ? 'erased' : 'updated';
}

/** The stamps of the deletions on either side (the erasure's blanking carries the deletion's stamp). */
function erasureStamps(local: RowClock, entries: Record<string, FieldEntry>, current: Row | undefined, row: RemoteRow): string[] {
  const out: string[] = [];
  if (current?.deleted === 1) out.push(entryOf(local, entries, 'deleted').s);
  if (row.v.deleted === 1) out.push(row.c?.deleted?.[0] ?? row.b);
  return out;
}

const insertSql = new Map<string, string>();

/** `INSERT INTO table (id, fields…, audit columns)` for a record's fields, built once per shape. */
function insertStatement(table: ReplicatedTable, fields: string[], suffix = ''): string {
  const key = `${table}\u0000${fields.join(',')}\u0000${suffix}`;
  let sql = insertSql.get(key);
  if (!sql) {
    const columns = ['id', ...fields, 'created_at', 'created_by', 'updated_at', 'updated_by'];
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${suffix}`;
    insertSql.set(key, sql);
  }
  return sql;
}

/**
 * Writes a record new here: its values, audit columns from its stamps, and its clock row.
 * `ifNew` is the lean path of an append-only table (ReplicatedTableSpec.appendOnly): no clock is
 * read first, the id's unique index tells whether the record is new, and false comes back when
 * it is held already (the ordinary field-by-field merge follows). Most of a national import is
 * such records, so one lookup fewer per record counts. The change order is taken only once the
 * record is in, so both paths number records alike.
 */
function insertRemote(env: MergeEnv, row: RemoteRow, ifNew = false): boolean {
  const { db } = env;
  const fields = Object.keys(row.v);
  const entries: Record<string, FieldEntry> = {};
  let newest: FieldEntry = { s: row.b, a: row.a, p: [], q: 0 };
  for (const [field, wire] of Object.entries(row.c ?? {})) {
    const e = fromWire(wire, 0);
    entries[field] = e;
    if (e.s > newest.s) newest = e;
  }
  const inserted = prepared(db, insertStatement(row.t, fields, ifNew ? ' ON CONFLICT (id) DO NOTHING' : '')).run(
    row.id, ...fields.map((f) => row.v[f] ?? null), stampTime(row.b), row.a, stampTime(newest.s), newest.a,
  );
  if (inserted.changes === 0) return false;
  const seq = env.nextSeq();
  for (const e of Object.values(entries)) e.q = seq;
  const clock = { base: row.b, actor: row.a };
  prepared(db, 'INSERT INTO row_clock (tbl, row_id, base, actor, fields, seq, base_seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.t, row.id, row.b, row.a, serializeEntries(clock, entries), seq, seq,
  );
  if (row.v.deleted === 1) {
    const base: FieldEntry = { s: row.b, a: row.a, p: [], q: seq };
    checkDeleteConflict(env, row.t, row.id, row.v, (f) => entries[f] ?? base, {}, null, false);
  }
  return true;
}

/**
 * A deleted record with a field holding a stamp its deleter had not seen (and not written by the
 * deletion itself) holds an edit the deleter did not know: a delete-versus-edit conflict.
 * Decided from the merged state (plus the edits the erasure's blanking overwrote in this very
 * merge), so every office that holds it logs it. A record merged away is not a deletion: its
 * late edits go to the survivor (merges.ts).
 */
function checkDeleteConflict(
  env: MergeEnv,
  table: ReplicatedTable,
  id: string,
  values: Row,
  entry: (f: string) => FieldEntry,
  overwritten: Record<string, LateEdit>,
  label: string | null,
  decided: boolean,
): void {
  const key = `${table}\u0000${id}`;
  const deletion = entry('deleted');
  const late: Record<string, LateEdit> = {};
  if (values.deleted === 1 && deletion.k && !mergedAway(env.db, table, id)) {
    for (const field of REPLICATED_TABLES[table]) {
      if (field === 'deleted') continue;
      const e = entry(field);
      if (e.s !== deletion.s && e.s !== (deletion.k[field] ?? deletion.k['*'])) late[field] = { value: values[field] ?? null, stamp: e.s, actor: e.a };
    }
    for (const [field, edit] of Object.entries(overwritten)) if (edit.stamp !== (deletion.k[field] ?? deletion.k['*'])) late[field] ??= edit;
  }
  if (Object.keys(late).length > 0) {
    logDeleteConflict(env, table, id, deletion, late, label);
  } else if (env.openConflicts.has(key) && decided) {
    // A later deletion or restore that left no unseen edit settles the decision everywhere.
    prepared(
      env.db,
      "UPDATE conflicts SET resolved_at = ?, resolved_by = 'exchange', resolution = 'superseded' WHERE tbl = ? AND row_id = ? AND kind = 'delete' AND resolved_at IS NULL",
    ).run(env.at, table, id);
  }
}

export function mergedAway(db: Db, table: ReplicatedTable, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM merges WHERE loser_id = ? AND tbl = ? AND deleted = 0').get(id, table) !== undefined;
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

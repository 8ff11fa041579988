import { CallError } from '../../../shared/contract/errors';
import type { Db } from '../db/connection';
import { ancestorsAfter, entryOf, parseEntries, relate, serializeEntries, stampTime, type FieldEntry } from './entries';
import { logConflict, type ConflictEnv } from './merge';
import { MERGEABLE, PAIR_IDS, REFERENCES, REPLICATED_TABLES, emptyValueOf, isEmptyValue, labelOf, type ReplicatedTable, type Row, type SqlValue } from './tables';
import { prepared } from '../db/statements';
import { insertReplicated, nextChangeSeq, readRowClock, updateReplicated, type WriteStamp } from './write';
import type { ReadDb } from '../db/read-only';
import type { MergeLogEntryView } from '../../../shared/contract/exchange';

/**
 * One person, one record. The same person registered at two offices is merged into the record
 * with the smaller id, whichever office notices first: every office picks the same survivor.
 * The merge is itself a replicated record (`merges`: loser → survivor), the loser becomes a
 * tombstone that keeps its values, live references to the loser are re-pointed at the survivor,
 * and every value the loser holds reaches the survivor (filled in) or the conflict log (when the
 * survivor holds another value): see absorbLoser. Undoing a merge is a replicated edit too.
 */
export const mergeId = (table: string, loser: string) => `${table}:${loser}`;

/** Follows merges from a merged-away id to the record that survives (the id itself otherwise). */
export function resolveSurvivor(db: ReadDb, table: ReplicatedTable, id: string): string {
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    const next = prepared(db, 'SELECT survivor_id FROM merges WHERE tbl = ? AND loser_id = ? AND deleted = 0 ORDER BY survivor_id LIMIT 1').pluck().get(table, current) as
      | string
      | undefined;
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

const isLive = (db: Db, table: ReplicatedTable, id: string) => prepared(db, `SELECT 1 FROM ${table} WHERE id = ? AND deleted = 0`).get(id) !== undefined;

/** What merging needs to log conflicts and number its changes: the import's, or a local one. */
export type MergeWork = ConflictEnv & { nextSeq(): number };

export function localMergeWork(w: WriteStamp): MergeWork {
  const openConflicts = new Set<string>();
  return { db: w.db, at: w.at, bundleId: null, openConflicts, conflictsLogged: 0, nextSeq: () => nextChangeSeq(w.db) };
}

/**
 * Merges `loser` into `survivor` (the caller has chosen survivor = the smaller id). An automatic
 * merge (same IIN) does not redo a merge a coordinator undid. Returns whether a merge was made.
 */
export function mergeRecords(w: WriteStamp, table: ReplicatedTable, survivor: string, loser: string, options: { auto?: boolean; work?: MergeWork; survivorBefore?: Row } = {}): boolean {
  if (survivor === loser) return false;
  const id = mergeId(table, loser);
  const existing = prepared(w.db, 'SELECT survivor_id, deleted FROM merges WHERE id = ?').get(id) as { survivor_id: string; deleted: number } | undefined;
  if (existing?.deleted === 1 && options.auto) return false;
  const before = options.survivorBefore && Object.keys(options.survivorBefore).length > 0 ? JSON.stringify(options.survivorBefore) : null;
  if (!existing) insertReplicated(w, 'merges', id, { tbl: table, loser_id: loser, survivor_id: survivor, survivor_before: before, deleted: 0 });
  else if (existing.deleted === 1 || existing.survivor_id !== survivor) updateReplicated(w, 'merges', id, { survivor_id: survivor, survivor_before: before, deleted: 0 });
  if (isLive(w.db, table, loser)) updateReplicated(w, table, loser, { deleted: 1 });
  repointReferences(w, table, loser, survivor);
  absorbLoser(options.work ?? localMergeWork(w), table, survivor, loser);
  // Only merges that pointed at the loser can have become a chain (a full pass per merge would be
  // quadratic in an import of thousands of same-IIN merges); imports flatten everything once.
  flattenMerges(w, { table, survivor: loser });
  return true;
}

/**
 * Points every standing merge at the record that finally survives: C merged into B, then B into A,
 * becomes C → A. Without this the merge of C would read C → B at an office that merged in that
 * order and C → A at one that heard of A first, and offices holding the same data would differ.
 */
export function flattenMerges(w: WriteStamp, only?: { table: ReplicatedTable; survivor: string }): number {
  let edits = 0;
  const merges = (
    only
      ? prepared(w.db, 'SELECT id, tbl, survivor_id FROM merges WHERE deleted = 0 AND tbl = ? AND survivor_id = ? ORDER BY id').all(only.table, only.survivor)
      : prepared(w.db, 'SELECT id, tbl, survivor_id FROM merges WHERE deleted = 0 ORDER BY id').all()
  ) as { id: string; tbl: string; survivor_id: string }[];
  for (const m of merges) {
    if (!(MERGEABLE as readonly string[]).includes(m.tbl)) continue;
    const final = resolveSurvivor(w.db, m.tbl as ReplicatedTable, m.survivor_id);
    if (final === m.survivor_id) continue;
    updateReplicated(w, 'merges', m.id, { survivor_id: final });
    edits++;
  }
  return edits;
}

/** Points live references to `from` at `to`, generically over the declared references. */
export function repointReferences(w: WriteStamp, target: ReplicatedTable, from: string, to: string): number {
  let edits = 0;
  for (const [table, column] of referencesTo(target)) {
    const rows = prepared(w.db, `SELECT * FROM ${table} WHERE ${column} = ? AND deleted = 0 ORDER BY id`).all(from) as Row[];
    for (const row of rows) {
      repointRow(w, table, row, column, to);
      edits++;
    }
  }
  return edits;
}

function referencesTo(target: ReplicatedTable): [ReplicatedTable, string][] {
  const out: [ReplicatedTable, string][] = [];
  for (const [table, columns] of Object.entries(REFERENCES) as [ReplicatedTable, Record<string, ReplicatedTable>][]) {
    for (const [column, referenced] of Object.entries(columns)) if (referenced === target) out.push([table, column]);
  }
  return out;
}

const pairId = (table: ReplicatedTable, values: Row) => PAIR_IDS[table]!.map((c) => String(values[c])).join(':');

function repointRow(w: WriteStamp, table: ReplicatedTable, row: Row, column: string, to: string): void {
  if (!PAIR_IDS[table]) {
    updateReplicated(w, table, String(row.id), { [column]: to });
    return;
  }
  const values: Row = {};
  for (const f of REPLICATED_TABLES[table]) values[f] = row[f] ?? null;
  values[column] = to;
  values.deleted = 0;
  const newId = pairId(table, values);
  const existing = prepared(w.db, `SELECT deleted FROM ${table} WHERE id = ?`).get(newId) as { deleted: number } | undefined;
  if (!existing) insertReplicated(w, table, newId, values);
  else if (existing.deleted === 1) updateReplicated(w, table, newId, { deleted: 0 });
  updateReplicated(w, table, String(row.id), { deleted: 1 });
}

/**
 * Brings the values of a merged-away record onto its survivor, so a merge loses nothing:
 *
 * - a value the survivor lacks is filled in, carrying the loser's own clock entry (its stamp and
 *   author), so every office that fills it holds the very same entry; it descends from the
 *   survivor's empty value, so an older copy of the survivor arriving later does not undo it;
 * - a value the survivor holds differently goes to the conflict log (winner: the survivor's);
 * - a loser's value the survivor already superseded (a coordinator's per-field choice, a
 *   resolved conflict: their stamps list it as an ancestor) is left alone;
 * - an empty survivor field set explicitly later than the loser's value keeps being empty, the
 *   loser's value logged.
 *
 * Everything is decided from the two records' values and clock entries alone, so offices that
 * hold the same data compute the same survivor, in any order of bundles. Runs on every merge
 * and after every import (a late edit of the loser, made where the merge was not known yet,
 * still reaches the survivor). Returns the fields filled in.
 */
export function absorbLoser(work: MergeWork, table: ReplicatedTable, survivor: string, loser: string): string[] {
  const { db } = work;
  const sClock = readRowClock(db, table, survivor);
  const lClock = readRowClock(db, table, loser);
  if (!sClock || !lClock) return [];
  const sRow = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(survivor) as Row;
  const lRow = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(loser) as Row;
  const sEntries = parseEntries(sClock);
  const lEntries = parseEntries(lClock);
  const filled: string[] = [];
  for (const field of REPLICATED_TABLES[table]) {
    if (field === 'deleted') continue;
    const theirs = lRow[field] ?? null;
    const ours = sRow[field] ?? null;
    if (isEmptyValue(theirs) || theirs === ours) continue;
    const l = entryOf(lClock, lEntries, field);
    const s = entryOf(sClock, sEntries, field);
    const relation = relate(l, s);
    if (relation === 'same' || relation === 'stale') continue;
    if (relation === 'descends' || (isEmptyValue(ours) && (s.s === sClock.base || l.s > s.s))) {
      sEntries[field] = { s: l.s, a: l.a, p: ancestorsAfter(s, l.p), q: 0 };
      filled.push(field);
      continue;
    }
    logConflict(work, table, survivor, field, 'field', { value: ours, stamp: s.s, actor: s.a }, { value: theirs, stamp: l.s, actor: l.a }, {
      mergedFrom: loser,
      label: labelOf(table, sRow),
    });
  }
  if (filled.length === 0) return filled;
  const seq = work.nextSeq();
  let newest: FieldEntry = sEntries[filled[0]!]!;
  for (const f of filled) {
    sEntries[f]!.q = seq;
    if (sEntries[f]!.s > newest.s) newest = sEntries[f]!;
  }
  const sets = [...filled.map((f) => `${f} = ?`), 'updated_at = ?', 'updated_by = ?'].join(', ');
  prepared(db, `UPDATE ${table} SET ${sets} WHERE id = ?`).run(...filled.map((f) => lRow[f] ?? null), stampTime(newest.s), newest.a, survivor);
  prepared(db, 'UPDATE row_clock SET fields = ?, seq = ? WHERE tbl = ? AND row_id = ?').run(serializeEntries(sClock, sEntries), seq, table, survivor);
  return filled;
}

/**
 * Brings the database in line with every merge it holds: merged-away records that are still
 * live become tombstones, references to them are re-pointed, their values reach the survivor,
 * a delete conflict logged on a merged-away record (its late edits went to the survivor) is
 * closed, and so are the conflicts of merges undone since. Run after every import, so a membership added or a field edited at an office that had
 * not heard of the merge yet still lands on the survivor.
 */
export function applyMerges(w: WriteStamp, work: MergeWork = localMergeWork(w)): number {
  let edits = flattenMerges(w);
  const merges = prepared(w.db, 'SELECT tbl, loser_id FROM merges WHERE deleted = 0 ORDER BY tbl, loser_id').all() as { tbl: string; loser_id: string }[];
  for (const { tbl, loser_id: loser } of merges) {
    if (!(MERGEABLE as readonly string[]).includes(tbl)) continue;
    const table = tbl as ReplicatedTable;
    if (isLive(w.db, table, loser)) {
      updateReplicated(w, table, loser, { deleted: 1 });
      edits++;
    }
    const survivor = resolveSurvivor(w.db, table, loser);
    if (survivor === loser) continue;
    edits += repointReferences(w, table, loser, survivor);
    edits += absorbLoser(work, table, survivor, loser).length;
    prepared(
      w.db,
      "UPDATE conflicts SET resolved_at = ?, resolved_by = 'exchange', resolution = 'merged' WHERE tbl = ? AND row_id = ? AND kind = 'delete' AND resolved_at IS NULL",
    ).run(w.at, table, loser);
  }
  // Values a merge brought to the conflict log are settled when the merge is undone (elsewhere).
  prepared(
    w.db,
    "UPDATE conflicts SET resolved_at = ?, resolved_by = 'exchange', resolution = 'undone' WHERE merged_from IS NOT NULL AND resolved_at IS NULL AND merged_from NOT IN (SELECT loser_id FROM merges WHERE deleted = 0)",
  ).run(w.at);
  return edits;
}

interface MergeRow {
  id: string;
  tbl: string;
  loser_id: string;
  survivor_id: string;
  survivor_before: string | null;
  deleted: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/**
 * Undoes a merge, restoring both records as they were: the merge is marked undone (a replicated
 * edit, so it travels like any other), the loser comes back to life with the values its tombstone
 * kept, the survivor gives back what the merge put on it (values a coordinator chose from the
 * loser return to what `survivor_before` recorded; values filled in from the loser, still
 * carrying the loser's clock entry, become empty again; later edits are kept), and references
 * re-pointed while the merge stood point at the loser again. An automatic merge by IIN does not
 * redo an undone merge.
 */
export function undoMerge(w: WriteStamp, id: string): { survivor: string; loser: string } {
  const merge = prepared(w.db, 'SELECT * FROM merges WHERE id = ?').get(id) as MergeRow | undefined;
  if (!merge || merge.deleted === 1 || !(MERGEABLE as readonly string[]).includes(merge.tbl)) throw new CallError({ code: 'notFound', key: 'error.merge.notFound', params: { id } }, `No merge ${id} to undo`);
  const table = merge.tbl as ReplicatedTable;
  const { survivor_id: survivor, loser_id: loser } = merge;
  const mergedAt = readRowClock(w.db, 'merges', id)!.base;
  updateReplicated(w, 'merges', id, { deleted: 1 });

  const sClock = readRowClock(w.db, table, survivor);
  const lClock = readRowClock(w.db, table, loser);
  if (sClock && lClock) {
    const sRow = prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(survivor) as Row;
    const lRow = prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(loser) as Row;
    const sEntries = parseEntries(sClock);
    const lEntries = parseEntries(lClock);
    const before = merge.survivor_before ? (JSON.parse(merge.survivor_before) as Record<string, SqlValue>) : {};
    const restore: Row = {};
    for (const field of REPLICATED_TABLES[table]) {
      if (field === 'deleted' || (sRow[field] ?? null) !== (lRow[field] ?? null)) continue;
      if (field in before) restore[field] = before[field] ?? null;
      else if (entryOf(sClock, sEntries, field).s === entryOf(lClock, lEntries, field).s && !isEmptyValue(lRow[field] ?? null)) restore[field] = emptyValueOf(table, field);
    }
    updateReplicated(w, table, survivor, restore);
  }
  if (!isLive(w.db, table, loser)) updateReplicated(w, table, loser, { deleted: 0 });
  repointBack(w, table, survivor, loser, mergedAt);
  prepared(w.db, "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = 'undone' WHERE merged_from = ? AND resolved_at IS NULL").run(w.at, w.actor, loser);
  return { survivor, loser };
}

/**
 * References to the loser that ended while the merge stood (re-pointed) come back; their
 * re-pointed copies on the survivor, made while the merge stood, end. (Every declared reference
 * is a pair table today; a plain reference column would need the merge to record what it moved.)
 */
function repointBack(w: WriteStamp, target: ReplicatedTable, survivor: string, loser: string, mergedAt: string): void {
  for (const [table, column] of referencesTo(target)) {
    if (!PAIR_IDS[table]) continue;
    const ended = prepared(w.db, `SELECT * FROM ${table} WHERE ${column} = ? AND deleted = 1 ORDER BY id`).all(loser) as Row[];
    for (const row of ended) {
      const clock = readRowClock(w.db, table, String(row.id));
      if (!clock || entryOf(clock, parseEntries(clock), 'deleted').s < mergedAt) continue;
      updateReplicated(w, table, String(row.id), { deleted: 0 });
      const copyId = pairId(table, { ...row, [column]: survivor });
      const copy = readRowClock(w.db, table, copyId);
      if (copy && copy.base >= mergedAt && isLive(w.db, table, copyId)) updateReplicated(w, table, copyId, { deleted: 1 });
    }
  }
}

const officeOf = (actor: string) => actor.slice(actor.lastIndexOf('@') + 1);

function recordLabel(db: ReadDb, table: ReplicatedTable, id: string): string {
  const row = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  return (row && labelOf(table, row)) ?? id;
}

/** The merge log, newest first: who merged whom, when, at which office, and whether it was undone. */
export function listMerges(db: ReadDb, ownOffice: string, options: { limit?: number; offset?: number } = {}): { total: number; items: MergeLogEntryView[] } {
  const total = prepared(db, 'SELECT count(*) FROM merges').pluck().get() as number;
  const rows = prepared(db, 'SELECT m.*, rc.base FROM merges m JOIN row_clock rc ON rc.tbl = \'merges\' AND rc.row_id = m.id ORDER BY rc.base DESC, m.id LIMIT ? OFFSET ?').all(
    options.limit ?? 200, options.offset ?? 0,
  ) as (MergeRow & { base: string })[];
  return { total, items: rows.map((r) => mergeLogEntry(db, ownOffice, r)) };
}

function mergeLogEntry(db: ReadDb, ownOffice: string, r: MergeRow): MergeLogEntryView {
  const table = r.tbl as ReplicatedTable;
  const loserCreator = readRowClock(db, table, r.loser_id)?.actor ?? '';
  return {
    id: r.id, table: r.tbl,
    survivor: { id: r.survivor_id, label: recordLabel(db, table, r.survivor_id) },
    loser: { id: r.loser_id, label: recordLabel(db, table, r.loser_id) },
    at: r.created_at, by: r.created_by, office: officeOf(r.created_by),
    undone: r.deleted === 1, undoneAt: r.deleted === 1 ? r.updated_at : null, undoneBy: r.deleted === 1 ? r.updated_by : null,
    absorbedHere: officeOf(loserCreator) === ownOffice,
  };
}

/** Merges that stand now and did not before (by id), as the log shows them: what an import tells the office. */
export function mergesSince(db: ReadDb, ownOffice: string, before: Set<string>): MergeLogEntryView[] {
  const rows = prepared(db, 'SELECT * FROM merges WHERE deleted = 0 ORDER BY id').all() as MergeRow[];
  return rows.filter((r) => !before.has(r.id)).map((r) => mergeLogEntry(db, ownOffice, r));
}

export function standingMerges(db: ReadDb): Set<string> {
  return new Set(prepared(db, 'SELECT id FROM merges WHERE deleted = 0').pluck().all() as string[]);
}

/** Per field, whose value the merged record keeps: the record kept (`keep`) or the other one. */
export type FieldChoices = Record<string, 'keep' | 'other'>;

/**
 * A coordinator's merge of two records: the smaller id survives (as for automatic merges, so two
 * offices merging the same pair agree). Per field, the value kept is the one the coordinator
 * chose (`choices`, by column); without a choice, the kept record's value, or the other's when
 * the kept record has none. The chosen values are written onto the survivor in one edit that
 * lists both records' stamps as ancestors, so the value not chosen is settled, not a conflict.
 * The survivor's values this replaced go into the merge record, so an undo gives them back.
 */
export function mergeChosen(w: WriteStamp, table: ReplicatedTable, keepId: string, otherId: string, choices: FieldChoices = {}): { survivor: string; loser: string } {
  const survivor = keepId < otherId ? keepId : otherId;
  const loser = survivor === keepId ? otherId : keepId;
  const rows = { keep: prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(keepId) as Row, other: prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(otherId) as Row };
  const sRow = survivor === keepId ? rows.keep : rows.other;
  const lRow = survivor === keepId ? rows.other : rows.keep;
  const lClock = readRowClock(w.db, table, loser)!;
  const lEntries = parseEntries(lClock);
  const values: Row = {};
  const before: Row = {};
  const force: string[] = [];
  const ancestors: Record<string, string[]> = {};
  for (const f of REPLICATED_TABLES[table]) {
    if (f === 'deleted') continue;
    const keep: SqlValue = rows.keep[f] ?? null;
    const other: SqlValue = rows.other[f] ?? null;
    const side = choices[f] ?? (isEmptyValue(keep) && !isEmptyValue(other) ? 'other' : 'keep');
    const chosen = side === 'keep' ? keep : other;
    if ((lRow[f] ?? null) === (sRow[f] ?? null)) continue;
    values[f] = chosen;
    if (chosen !== (sRow[f] ?? null)) before[f] = sRow[f] ?? null;
    force.push(f);
    ancestors[f] = [entryOf(lClock, lEntries, f).s];
  }
  if (Object.keys(values).length > 0) updateReplicated(w, table, survivor, values, { force, ancestors });
  mergeRecords(w, table, survivor, loser, { survivorBefore: before });
  return { survivor, loser };
}

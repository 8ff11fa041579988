import { HISTORY_TABLES, type HistoryEntry, type HistoryTable } from '../../../shared/contract/audit';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { entryOf, parseEntries, stampTime, type FieldEntry } from '../replication/entries';
import { REPLICATED_TABLES, type ReplicatedTable, type Row, type SqlValue } from '../replication/tables';
import { readRowClock } from '../replication/write';
import { maskIin } from '../volunteers/columns';

/**
 * Only the tables of HISTORY_TABLES keep a history (the profile and the organisation card show
 * it). Ledgers and bookkeeping (hours, assignments, merges) are left out: they change by the
 * hundred thousand and their own screens already show who did what.
 */
const keepsHistory = (table: ReplicatedTable): table is HistoryTable => (HISTORY_TABLES as readonly string[]).includes(table);

/** Tables whose deletion is an erasure: a deleted record of these keeps no history (personal data). */
const ERASED_WHEN_DELETED: readonly ReplicatedTable[] = ['volunteers'];

/** One value that replaced another: the field, both values, and the clock entries of both. */
export interface FieldChange {
  field: string;
  from: SqlValue;
  to: SqlValue;
  before: Pick<FieldEntry, 's' | 'a'>;
  after: Pick<FieldEntry, 's' | 'a'>;
}

/**
 * Adds the changes of one record to its history, inside the caller's transaction (the write or
 * the merge that made them). `bundleId`: the bundle that brought them, null for an edit made here.
 * A record of a table whose deletion erases (a person) keeps nothing once deleted.
 */
export function recordChanges(db: Db, table: ReplicatedTable, id: string, changes: readonly FieldChange[], bundleId: string | null, deletedAfter: boolean): void {
  if (!keepsHistory(table) || changes.length === 0) return;
  if (deletedAfter && ERASED_WHEN_DELETED.includes(table)) {
    forgetHistory(db, table, [id]);
    return;
  }
  const insert = prepared(
    db,
    'INSERT INTO record_history (tbl, row_id, field, old_value, new_value, old_stamp, old_actor, stamp, actor, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of changes) insert.run(table, id, c.field, c.from, c.to, c.before.s, c.before.a, c.after.s, c.after.a, bundleId);
}

/** Removes the history of records (an erased person and the records merged into them). */
export function forgetHistory(db: Db, table: ReplicatedTable, ids: readonly string[]): void {
  const remove = prepared(db, 'DELETE FROM record_history WHERE tbl = ? AND row_id = ?');
  for (const id of ids) remove.run(table, id);
}

interface HistoryRow {
  field: string;
  old_value: SqlValue;
  new_value: SqlValue;
  old_stamp: string;
  old_actor: string;
  stamp: string;
  actor: string;
  bundle_id: string | null;
}

const isEmpty = (v: SqlValue | undefined) => v === null || v === undefined || v === '' || v === '[]';

/**
 * A record's history, newest first, one entry per write (a stamp and its author), a page at a
 * time. Recorded changes come from record_history. What came before them (and every field of a
 * record older than the history table) is shown as the clock knows it: each field's earliest
 * known value with the stamp and author that wrote it, grouped by write, so a record's creation
 * reads as one entry. Empty earliest values are left out. IINs are masked for roles that may not
 * read them, as on the profile. Null when the record does not exist or is erased.
 */
export function recordHistoryPage(
  db: ReadDb,
  table: HistoryTable,
  id: string,
  page: { offset: number; limit: number },
  canReadIin: boolean,
): { total: number; entries: HistoryEntry[] } | null {
  const clock = readRowClock(db, table, id);
  const current = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!clock || !current || (current.deleted === 1 && ERASED_WHEN_DELETED.includes(table))) return null;
  const rows = prepared(
    db,
    'SELECT field, old_value, new_value, old_stamp, old_actor, stamp, actor, bundle_id FROM record_history WHERE tbl = ? AND row_id = ? ORDER BY id',
  ).all(table, id) as HistoryRow[];
  const show = (field: string, value: SqlValue): SqlValue => (field === 'iin' && typeof value === 'string' ? maskIin(value, canReadIin) : value);
  const byWrite = new Map<string, HistoryEntry>();
  const entryFor = (stamp: string, actor: string, kind: HistoryEntry['kind'], bundleId: string | null): HistoryEntry => {
    const key = `${stamp}\u0000${actor}\u0000${kind}`;
    let entry = byWrite.get(key);
    if (!entry) {
      entry = { stamp, at: stampTime(stamp), actor, kind, bundleId, changes: [] };
      byWrite.set(key, entry);
    }
    return entry;
  };
  const earliest = new Map<string, HistoryRow>();
  for (const row of rows) {
    if (!earliest.has(row.field)) earliest.set(row.field, row);
    entryFor(row.stamp, row.actor, row.bundle_id ? 'bundle' : 'here', row.bundle_id).changes.push({
      field: row.field, from: show(row.field, row.old_value), to: show(row.field, row.new_value),
    });
  }
  const entries = parseEntries(clock);
  for (const field of REPLICATED_TABLES[table]) {
    if (field === 'deleted') continue;
    const first = earliest.get(field);
    const value = first ? first.old_value : (current[field] ?? null);
    if (isEmpty(value)) continue;
    const known = first ? { s: first.old_stamp, a: first.old_actor } : entryOf(clock, entries, field);
    entryFor(known.s, known.a, 'known', null).changes.push({ field, from: null, to: show(field, value) });
  }
  const all = [...byWrite.values()].sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : a.kind === 'known' ? 1 : -1));
  return { total: all.length, entries: all.slice(page.offset, page.offset + page.limit) };
}

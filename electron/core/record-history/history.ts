import type { HistoryEntry, HistoryTable } from '../../../shared/contract/audit';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { entryOf, parseEntries, stampTime } from '../replication/entries';
import { erasedWhenDeleted, type HistoryRow } from '../replication/history';
import { isEmptyValue, REPLICATED_TABLES, type Row, type SqlValue } from '../replication/tables';
import { readRowClock } from '../replication/write';
import { maskIin } from '../volunteers/columns';

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
  if (!clock || !current || (current.deleted === 1 && erasedWhenDeleted(table))) return null;
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
    if (isEmptyValue(value)) continue;
    const known = first ? { s: first.old_stamp, a: first.old_actor } : entryOf(clock, entries, field);
    entryFor(known.s, known.a, 'known', null).changes.push({ field, from: null, to: show(field, value) });
  }
  const all = [...byWrite.values()].sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : a.kind === 'known' ? 1 : -1));
  return { total: all.length, entries: all.slice(page.offset, page.offset + page.limit) };
}

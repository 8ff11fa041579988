import type { z } from 'zod';
import type { HourEntry, SummaryGroup, SummaryRow, Totals, totalsQuery } from '../../../shared/contract/events';
import { MAX_HOURS_A_DAY, type EventCategory, type HourSource } from '../../../shared/domain/events';
import { optionalFilters } from '../db/filters';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { stampTime } from '../replication/entries';
import { newId } from '../replication/ids';
import type { Row, SqlValue } from '../replication/tables';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { PERSON_NAME_SQL, refuse } from './shared';

/**
 * The hours ledger. An entry counts unless a live correction replaces it; when two offices
 * corrected the same entry offline, the correction with the greatest id counts (the same at every
 * office), so hours never double. Nothing here removes an entry: history is the entries themselves.
 */

/** SQL: entry `h` counts (live, not replaced, not a losing concurrent correction). */
export const COUNTED_SQL = `h.deleted = 0
  AND NOT EXISTS (SELECT 1 FROM hour_entries c WHERE c.corrects_id = h.id AND c.deleted = 0)
  AND (h.corrects_id IS NULL OR NOT EXISTS (SELECT 1 FROM hour_entries s WHERE s.corrects_id = h.corrects_id AND s.deleted = 0 AND s.id > h.id))`;

export interface EntryValues {
  volunteerId: string;
  eventId: string | null;
  shiftId: string | null;
  source: HourSource;
  date: string;
  hours: number;
  category: EventCategory | null;
  note: string | null;
}

/** Refuses an entry that would take the person past 24 hours on its date (the entry `replacing` not counted). */
export function assertDayLimit(db: ReadDb, volunteerId: string, date: string, hours: number, replacing: string | null): void {
  const other = prepared(
    db,
    `SELECT COALESCE(sum(h.hours), 0) FROM hour_entries h WHERE h.volunteer_id = ? AND h.entry_date = ? AND h.id IS NOT ? AND ${COUNTED_SQL}`,
  ).pluck().get(volunteerId, date, replacing) as number;
  if (other + hours > MAX_HOURS_A_DAY) throw refuse('error.events.dayOver24', 'More than 24 hours in one day', { date });
}

function rowOf(e: EntryValues): Row {
  return {
    volunteer_id: e.volunteerId, event_id: e.eventId, shift_id: e.shiftId, source: e.source, entry_date: e.date, hours: e.hours, category: e.category, note: e.note,
  };
}

/** Writes (or, until verified or corrected, rewrites) an entry with a given id and source id. */
export function writeEntry(w: WriteStamp, id: string, sourceId: string, e: EntryValues, verified: boolean): void {
  const existing = prepared(w.db, 'SELECT verified_at FROM hour_entries WHERE id = ? AND deleted = 0').get(id) as { verified_at: string | null } | undefined;
  if (existing && (existing.verified_at !== null || isReplaced(w.db, id))) throw refuse('error.events.verified', 'A verified entry changes only through a correction', undefined, 'conflict');
  assertDayLimit(w.db, e.volunteerId, e.date, e.hours, id);
  const values: Row = { source_id: sourceId, ...rowOf(e), verified_at: verified ? w.at : null, verified_by: verified ? w.actor : null, deleted: 0 };
  assertMayChange(w.db, 'hour_entries', id, values);
  if (prepared(w.db, 'SELECT 1 FROM hour_entries WHERE id = ?').get(id)) updateReplicated(w, 'hour_entries', id, values);
  else insertReplicated(w, 'hour_entries', id, { ...values, corrects_id: null, corrected_by: null, correction_reason: null });
}

const isReplaced = (db: ReadDb, id: string) => prepared(db, 'SELECT 1 FROM hour_entries WHERE corrects_id = ? AND deleted = 0').get(id) !== undefined;

/** Hours typed by hand (work outside events); the id pairs a random source with the person. */
export function addByHand(w: WriteStamp, e: EntryValues, verified: boolean): string {
  const source = newId();
  const id = `${source}:${e.volunteerId}`;
  writeEntry(w, id, source, e, verified);
  return id;
}

interface EntrySqlRow {
  id: string;
  volunteer_id: string;
  event_id: string | null;
  shift_id: string | null;
  source: HourSource;
  entry_date: string;
  hours: number;
  category: EventCategory | null;
  note: string | null;
  verified_at: string | null;
  verified_by: string | null;
  corrects_id: string | null;
  corrected_by: string | null;
  correction_reason: string | null;
  counted: number;
  corrected_stamp: string | null;
  name: string;
  event_title: string | null;
  shift_title: string | null;
}

function loadEntry(db: ReadDb, id: string): EntrySqlRow {
  const row = prepared(db, `SELECT h.*, (${COUNTED_SQL}) AS counted FROM hour_entries h WHERE h.id = ? AND h.deleted = 0`).get(id) as EntrySqlRow | undefined;
  if (!row) throw refuse('error.events.unknownEntry', `No hours entry ${id}`, { id }, 'notFound');
  return row;
}

export function verifyEntry(w: WriteStamp, id: string): void {
  const entry = loadEntry(w.db, id);
  if (entry.counted !== 1) throw refuse('error.events.superseded', 'This entry has been corrected', undefined, 'conflict');
  if (entry.verified_at !== null) return;
  assertMayChange(w.db, 'hour_entries', id);
  updateReplicated(w, 'hour_entries', id, { verified_at: w.at, verified_by: w.actor });
}

/** Verifies every counted, unverified entry of a shift; returns how many. */
export function verifyShift(w: WriteStamp, shiftId: string): number {
  const ids = prepared(w.db, `SELECT h.id FROM hour_entries h WHERE h.shift_id = ? AND h.verified_at IS NULL AND ${COUNTED_SQL}`).pluck().all(shiftId) as string[];
  for (const id of ids) verifyEntry(w, id);
  return ids.length;
}

/**
 * A coordinator's correction: a new entry with the new hours that names the one it replaces and
 * records who, when (its stamp) and why. The replaced entry stays, counted nowhere. A correction
 * of a verified entry is itself verified by the coordinator making it.
 */
export function correctEntry(w: WriteStamp, id: string, hours: number, reason: string): string {
  const entry = loadEntry(w.db, id);
  if (entry.counted !== 1) throw refuse('error.events.superseded', 'This entry has already been corrected', undefined, 'conflict');
  assertDayLimit(w.db, entry.volunteer_id, entry.entry_date, hours, id);
  const source = newId();
  const newIdValue = `${source}:${entry.volunteer_id}`;
  const verified = entry.verified_at !== null;
  const values: Row = {
    source_id: source, volunteer_id: entry.volunteer_id, event_id: entry.event_id, shift_id: entry.shift_id, source: entry.source,
    entry_date: entry.entry_date, hours, category: entry.category, note: entry.note,
    verified_at: verified ? w.at : null, verified_by: verified ? w.actor : null,
    corrects_id: id, corrected_by: w.actor, correction_reason: reason.trim(), deleted: 0,
  };
  assertMayChange(w.db, 'hour_entries', newIdValue, values);
  insertReplicated(w, 'hour_entries', newIdValue, values);
  return newIdValue;
}

type TotalsArgs = z.output<typeof totalsQuery>;

function filters(q: { from?: string; to?: string; volunteerId?: string; eventId?: string; shiftId?: string; category?: string }): { sql: string; params: SqlValue[] } {
  const { conditions, params } = optionalFilters([
    ['h.volunteer_id = ?', q.volunteerId], ['h.entry_date >= ?', q.from], ['h.entry_date <= ?', q.to], ['h.event_id = ?', q.eventId],
    ['h.shift_id = ?', q.shiftId], ['h.category = ?', q.category],
  ]);
  return { sql: conditions.map((c) => ` AND ${c}`).join(''), params };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Totals for a person, an event, a category and a period: all, verified, not yet verified, per month. */
export function totals(db: ReadDb, q: TotalsArgs): Totals {
  const f = filters(q);
  const verifiedOnly = q.verified ? ' AND h.verified_at IS NOT NULL' : '';
  const months = prepared(
    db,
    `SELECT substr(h.entry_date, 1, 7) AS month, sum(h.hours) AS hours, sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries
     FROM hour_entries h WHERE ${COUNTED_SQL}${f.sql}${verifiedOnly} GROUP BY month ORDER BY month`,
  ).all(...f.params) as { month: string; hours: number; verified: number; entries: number }[];
  const sum = (k: 'hours' | 'verified' | 'entries') => months.reduce((s, m) => s + m[k], 0);
  return {
    hours: round(sum('hours')),
    verified: round(sum('verified')),
    unverified: round(sum('hours') - sum('verified')),
    entries: sum('entries'),
    byMonth: months.map((m) => ({ month: m.month, hours: round(m.hours), verified: round(m.verified) })),
  };
}

export function listEntries(
  db: ReadDb,
  q: { from?: string; to?: string; volunteerId?: string; eventId?: string; shiftId?: string; history: boolean; unverified?: boolean },
): HourEntry[] {
  const f = filters(q);
  const counted = q.history && !q.unverified ? '' : ` AND ${COUNTED_SQL}`;
  const waiting = q.unverified ? ' AND h.verified_at IS NULL' : '';
  const rows = prepared(
    db,
    `SELECT h.*, (${COUNTED_SQL}) AS counted, COALESCE(${PERSON_NAME_SQL}, '') AS name,
     CASE WHEN h.corrects_id IS NOT NULL THEN (SELECT rc.base FROM row_clock rc WHERE rc.tbl = 'hour_entries' AND rc.row_id = h.id) END AS corrected_stamp, e.title AS event_title, s.title AS shift_title
     FROM hour_entries h LEFT JOIN volunteers v ON v.id = h.volunteer_id LEFT JOIN events e ON e.id = h.event_id LEFT JOIN shifts s ON s.id = h.shift_id
     WHERE h.deleted = 0${f.sql}${counted}${waiting}
     ORDER BY h.entry_date DESC, h.created_at, h.id LIMIT 10000`,
  ).all(...f.params) as EntrySqlRow[];
  return rows.map((r) => ({
    id: r.id, volunteerId: r.volunteer_id, eventId: r.event_id, shiftId: r.shift_id, source: r.source, date: r.entry_date, hours: r.hours,
    category: r.category, note: r.note, verifiedAt: r.verified_at, verifiedBy: r.verified_by, corrects: r.corrects_id, correctedBy: r.corrected_by,
    correctionReason: r.correction_reason, superseded: r.counted !== 1, correctedAt: r.corrected_stamp ? stampTime(r.corrected_stamp) : null, name: r.name, eventTitle: r.event_title, shiftTitle: r.shift_title,
  }));
}

/** What each summary groups by, and the label it shows (categories are labelled by the screen, in its language). */
const GROUPS: Record<SummaryGroup, { key: string; label: string; join: string }> = {
  volunteer: { key: 'h.volunteer_id', label: PERSON_NAME_SQL, join: 'LEFT JOIN volunteers v ON v.id = h.volunteer_id' },
  event: { key: 'h.event_id', label: 'e.title', join: 'LEFT JOIN events e ON e.id = h.event_id' },
  category: { key: 'h.category', label: 'h.category', join: '' },
};

/** The office's totals per person, event or category for a period, most hours first. */
export function summary(db: ReadDb, q: Omit<TotalsArgs, 'volunteerId'> & { by: SummaryGroup; limit: number }): SummaryRow[] {
  const f = filters(q);
  const group = GROUPS[q.by];
  const verifiedOnly = q.verified ? ' AND h.verified_at IS NOT NULL' : '';
  const rows = prepared(
    db,
    `SELECT ${group.key} AS key, ${group.label} AS label, sum(h.hours) AS hours,
     sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries
     FROM hour_entries h ${group.join} WHERE ${COUNTED_SQL}${f.sql}${verifiedOnly}
     GROUP BY ${group.key} ORDER BY hours DESC, label, key LIMIT ?`,
  ).all(...f.params, q.limit) as SummaryRow[];
  return rows.map((r) => ({ ...r, hours: round(r.hours), verified: round(r.verified) }));
}

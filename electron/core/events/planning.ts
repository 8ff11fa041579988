import type { z } from 'zod';
import type { EventDetail, EventRow, Misfit, ShiftRow, eventInput, eventQuery, shiftInput } from '../../../shared/contract/events';
import {
  CLOSED_EVENT_STATUSES, HOLDING_STATUSES, monthRange, statusMayBecome, withinEvent, localMinutes, type AssignmentStatus, type EventStatus,
} from '../../../shared/domain/events';
import { optionalFilters } from '../db/filters';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { newId } from '../replication/ids';
import type { Row, SqlValue } from '../replication/tables';
import { updateReplicated, insertReplicated, type WriteStamp } from '../replication/write';
import { PERSON_NAME_SQL, loadEventFacts, loadShiftFacts, refuse, type EventFacts } from './shared';
import { misfitsOn } from './staffing';

/** Events and their shifts: planning, the staffing board's numbers, cancelling. */

const HOLDING_SQL = `a.status IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')}) AND a.deleted = 0`;

interface EventSqlRow extends EventFacts {
  locality: string | null;
  address: string | null;
  partners: string | null;
  contact: string | null;
  needed: number | null;
  filled: number | null;
}

const EVENT_SELECT = `SELECT e.*,
  (SELECT sum(s.needed) FROM shifts s WHERE s.event_id = e.id AND s.deleted = 0) AS needed,
  (SELECT count(*) FROM shifts s JOIN assignments a ON a.shift_id = s.id WHERE s.event_id = e.id AND s.deleted = 0 AND ${HOLDING_SQL}) AS filled
  FROM events e`;

function eventOf(r: EventSqlRow): EventRow {
  return {
    id: r.id, title: r.title, category: r.category, start: r.start_date, end: r.end_date, region: r.region,
    locality: r.locality ?? '', place: r.address ?? '', partners: r.partners ?? '', contact: r.contact ?? '',
    status: r.status, office: r.office, needed: r.needed ?? 0, filled: r.filled ?? 0,
  };
}

type EventArgs = z.output<typeof eventInput>;

function eventColumns(input: Partial<EventArgs>): Row {
  const columns: [keyof EventArgs, string][] = [
    ['title', 'title'], ['category', 'category'], ['start', 'start_date'], ['end', 'end_date'], ['region', 'region'],
    ['locality', 'locality'], ['place', 'address'], ['partners', 'partners'], ['contact', 'contact'],
  ];
  const row: Row = {};
  for (const [field, column] of columns) if (input[field] !== undefined) row[column] = input[field].trim();
  return row;
}

function checkDates(start: string, end: string): void {
  if (end < start) throw refuse('error.events.endBeforeStart', 'The event ends before it starts');
}

export function addEvent(w: WriteStamp, input: EventArgs, office: string | null): string {
  checkDates(input.start, input.end);
  const id = newId();
  insertReplicated(w, 'events', id, { ...eventColumns(input), status: 'planned', office, deleted: 0 });
  return id;
}

export function updateEvent(w: WriteStamp, id: string, patch: Partial<EventArgs>, status: EventStatus | undefined): void {
  const event = loadEventFacts(w.db, id);
  if (CLOSED_EVENT_STATUSES.includes(event.status)) throw refuse('error.events.eventClosed', 'The event is cancelled or closed', undefined, 'conflict');
  const start = patch.start ?? event.start_date;
  const end = patch.end ?? event.end_date;
  checkDates(start, end);
  // Its shifts stay within its dates: a change of dates that would leave one outside is refused.
  const shifts = prepared(w.db, 'SELECT start_at, end_at FROM shifts WHERE event_id = ? AND deleted = 0').all(id) as { start_at: string; end_at: string }[];
  if (shifts.some((s) => !withinEvent({ start: s.start_at, end: s.end_at }, { start, end }))) {
    throw refuse('error.events.shiftOutsideEvent', 'A shift would fall outside the event', { start, end });
  }
  const row = eventColumns(patch);
  if (status !== undefined && status !== event.status) {
    if (!statusMayBecome(event.status, status)) throw refuse('error.events.statusBack', `${event.status} cannot become ${status}`, { from: event.status, to: status });
    row.status = status;
  }
  if (Object.keys(row).length > 0) updateReplicated(w, 'events', id, row);
}

/**
 * Cancels the event: everyone holding a place on its shifts is released (the assignment stays,
 * with its status), and the people to tell are returned. Hours already earned stay.
 */
export function cancelEvent(w: WriteStamp, id: string): PersonToTell[] {
  const event = loadEventFacts(w.db, id);
  if (!statusMayBecome(event.status, 'cancelled')) throw refuse('error.events.eventClosed', 'The event is already cancelled or closed', undefined, 'conflict');
  const held = peopleOnEvent(w.db, id, HOLDING_SQL);
  for (const a of held) updateReplicated(w, 'assignments', a.assignmentId, { status: 'released' });
  updateReplicated(w, 'events', id, { status: 'cancelled' });
  return held.map(({ volunteerId, name, phone, shiftId }) => ({ volunteerId, name, phone, shiftId }));
}

export interface PersonToTell {
  volunteerId: string;
  name: string;
  phone: string | null;
  shiftId: string;
}

export interface PersonOnEvent extends PersonToTell {
  assignmentId: string;
  shiftTitle: string;
  shiftStart: string;
}

/**
 * The people on the event's live shifts whose assignment matches `statusSql` (on `a`), by name:
 * those holding a place before a cancellation, those it released after it.
 */
export function peopleOnEvent(db: ReadDb, eventId: string, statusSql: string): PersonOnEvent[] {
  return prepared(
    db,
    `SELECT a.id AS assignmentId, a.volunteer_id AS volunteerId, ${PERSON_NAME_SQL} AS name, v.phone, a.shift_id AS shiftId, s.title AS shiftTitle, s.start_at AS shiftStart
     FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN volunteers v ON v.id = a.volunteer_id
     WHERE s.event_id = ? AND s.deleted = 0 AND ${statusSql} ORDER BY v.sort_name, v.id, s.start_at`,
  ).all(eventId) as PersonOnEvent[];
}

/** Those a cancellation released: the list to call, for export. */
export const RELEASED_SQL = "a.status = 'released' AND a.deleted = 0";

type EventQuery = z.output<typeof eventQuery>;

/** Planned or under way, and not over by the date given as its parameter (today): "upcoming". */
export const UPCOMING_SQL = "e.status IN ('planned', 'active') AND e.end_date >= ?";
/** Places still to fill on shift `s`: never negative, a shift holding more than it needs fills nothing else. */
export const OPEN_PLACES_SQL = `max(COALESCE(s.needed, 0) - (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND ${HOLDING_SQL}), 0)`;
/** Upcoming, with places to fill on a shift starting at the parameters' time or later (today, now). */
const UNDERSTAFFED_SQL = `${UPCOMING_SQL} AND EXISTS (SELECT 1 FROM shifts s WHERE s.event_id = e.id AND s.deleted = 0 AND s.start_at >= ? AND ${OPEN_PLACES_SQL} > 0)`;

/** `now` is the Kazakhstan wall-clock time ('YYYY-MM-DDTHH:MM') "upcoming" and "places to fill" count from. */
export function listEvents(db: ReadDb, q: EventQuery, now: string): { total: number; rows: EventRow[] } {
  const today = now.slice(0, 10);
  const toggles: [string, SqlValue[]][] = [];
  if (q.upcoming) toggles.push([UPCOMING_SQL, [today]]);
  if (q.understaffed) toggles.push([UNDERSTAFFED_SQL, [today, now]]);
  const range = q.month ? monthRange(q.month) : { from: q.from, to: q.to };
  // Overlapping the range: an event spanning the first of the month shows in both months.
  const filters = optionalFilters([
    ['e.start_date <= ?', range.to], ['e.end_date >= ?', range.from], ['e.category = ?', q.category], ['e.status = ?', q.status], ['e.region = ?', q.region],
    ["instr(lower(e.title), lower(?)) > 0", q.text.trim() || undefined],
  ]);
  const clause = ['e.deleted = 0', ...toggles.map(([sql]) => sql), ...filters.conditions].join(' AND ');
  const params = [...toggles.flatMap(([, values]) => values), ...filters.params];
  const total = (prepared(db, `SELECT count(*) AS n FROM events e WHERE ${clause}`).get(...params) as { n: number }).n;
  const rows = prepared(db, `${EVENT_SELECT} WHERE ${clause} ORDER BY e.start_date, e.id LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as EventSqlRow[];
  return { total, rows: rows.map(eventOf) };
}

export function eventDetail(db: ReadDb, id: string): Omit<EventDetail, 'mayChange'> {
  loadEventFacts(db, id);
  const event = eventOf(prepared(db, `${EVENT_SELECT} WHERE e.id = ?`).get(id) as EventSqlRow);
  const shiftIds = prepared(db, 'SELECT id FROM shifts WHERE event_id = ? AND deleted = 0 ORDER BY start_at, id').pluck().all(id) as string[];
  return { ...event, shifts: shiftIds.map((s) => shiftDetail(db, s)) };
}

export function shiftDetail(db: ReadDb, id: string): ShiftRow {
  const s = prepared(db, 'SELECT * FROM shifts WHERE id = ? AND deleted = 0').get(id) as Record<string, SqlValue> | undefined;
  if (!s) throw refuse('error.events.unknownShift', `No shift ${id}`, { id }, 'notFound');
  const assignments = prepared(
    db,
    `SELECT a.*, ${PERSON_NAME_SQL} AS name, v.iin, v.phone FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id
     WHERE a.shift_id = ? AND a.deleted = 0 ORDER BY v.sort_name, v.id`,
  ).all(id) as Record<string, SqlValue>[];
  const misfits = misfitsOn(db, id);
  const rows = assignments.map((a) => ({
    volunteerId: a.volunteer_id as string,
    name: a.name as string,
    iin: a.iin as string | null,
    phone: a.phone as string | null,
    status: a.status as AssignmentStatus,
    removalReason: a.removal_reason as string | null,
    walkIn: a.walk_in === 1,
    checkedInAt: a.checked_in_at as string | null,
    checkedOutAt: a.checked_out_at as string | null,
    noShow: a.no_show === 1,
    misfit: misfits.get(a.volunteer_id as string) ?? null,
  }));
  return {
    id, eventId: s.event_id as string, title: s.title as string, start: s.start_at as string, end: s.end_at as string,
    meetingPoint: (s.meeting_point as string | null) ?? '', needed: s.needed as number,
    requires: s.required_kinds ? (JSON.parse(s.required_kinds as string) as string[]) : [], minAge: s.min_age as number | null,
    languages: JSON.parse((s.languages as string | null) ?? '[]') as string[],
    filled: rows.filter((r) => HOLDING_STATUSES.includes(r.status)).length,
    assignments: rows,
  };
}

type ShiftArgs = z.output<typeof shiftInput>;

function checkShift(start: string, end: string, event: EventFacts): void {
  if (localMinutes(end) <= localMinutes(start)) throw refuse('error.events.endBeforeStart', 'The shift ends before it starts');
  if (!withinEvent({ start, end }, { start: event.start_date, end: event.end_date })) {
    throw refuse('error.events.shiftOutsideEvent', 'The shift is outside the event’s dates', { start: event.start_date, end: event.end_date });
  }
}

function shiftColumns(input: Partial<ShiftArgs>): Row {
  const row: Row = {};
  if (input.title !== undefined) row.title = input.title.trim();
  if (input.start !== undefined) row.start_at = input.start;
  if (input.end !== undefined) row.end_at = input.end;
  if (input.meetingPoint !== undefined) row.meeting_point = input.meetingPoint.trim();
  if (input.needed !== undefined) row.needed = input.needed;
  if (input.requires !== undefined) row.required_kinds = JSON.stringify([...new Set(input.requires)].sort());
  if (input.minAge !== undefined) row.min_age = input.minAge;
  if (input.languages !== undefined) row.languages = JSON.stringify([...new Set(input.languages)].sort());
  return row;
}

function assertOpen(event: EventFacts): void {
  if (CLOSED_EVENT_STATUSES.includes(event.status)) throw refuse('error.events.eventClosed', 'The event is cancelled or closed', undefined, 'conflict');
}

export function addShift(w: WriteStamp, eventId: string, input: ShiftArgs): string {
  const event = loadEventFacts(w.db, eventId);
  assertOpen(event);
  checkShift(input.start, input.end, event);
  const id = newId();
  insertReplicated(w, 'shifts', id, { event_id: eventId, ...shiftColumns(input), deleted: 0 });
  return id;
}

/** Changes the shift; returns the people on it who no longer fit it (they stay, flagged: see `misfitsOn`). */
export function updateShift(w: WriteStamp, id: string, patch: Partial<ShiftArgs>): Misfit[] {
  const shift = loadShiftFacts(w.db, id);
  const event = loadEventFacts(w.db, shift.event_id);
  assertOpen(event);
  checkShift(patch.start ?? shift.start_at, patch.end ?? shift.end_at, event);
  const row = shiftColumns(patch);
  if (Object.keys(row).length > 0) updateReplicated(w, 'shifts', id, row);
  return shiftDetail(w.db, id).assignments.flatMap((a) => (a.misfit ? [{ volunteerId: a.volunteerId, name: a.name, reason: a.misfit }] : []));
}

/** The shift goes; its hour entries keep their own copy of the date, hours and event, and stay. */
export function deleteShift(w: WriteStamp, id: string): void {
  loadShiftFacts(w.db, id);
  updateReplicated(w, 'shifts', id, { deleted: 1 });
}

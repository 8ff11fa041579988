import type { z } from 'zod';
import { CallError } from '../../../shared/contract/errors';
import type { EnrolOutcome, EnrolmentRow, SessionDetail, SessionRow, sessionInput, sessionQuery } from '../../../shared/contract/trainings';
import {
  ENROLLING_STATUSES, SESSION_STATUSES, ageOn, enrolmentId, placements, scorePasses,
  type Attendance, type Placement, type SessionStatus,
} from '../../../shared/domain/trainings';
import { monthRange } from '../../../shared/domain/events';
import { optionalFilters } from '../db/filters';
import type { ReadDb } from '../db/read-only';
import { resolveSurvivor } from '../replication/merges';
import { newId } from '../replication/ids';
import type { Row, SqlValue } from '../replication/tables';
import { entryOf, parseEntries } from '../replication/entries';
import { prepared } from '../db/statements';
import { insertReplicated, readRowClock, updateReplicated, type WriteStamp } from '../replication/write';
import { mayChangeHere } from '../exchange/authority';
import { displayName, findKind, loadProgram, localizedOf } from './catalogue';
import { grantByPass, holdsValid, revokePass } from './qualifications';

/**
 * Sessions, enrolment, attendance and results. Who has a place and who waits is computed from
 * the replicated enrolments (shared/domain/trainings.ts `placements`), so two offices that
 * enrolled offline agree after the exchange.
 */

const refuse = (key: string, message: string, params?: Record<string, string | number>, code: 'validation' | 'conflict' | 'notFound' = 'validation') =>
  new CallError(params ? { code, key, params } : { code, key }, message);

interface SessionSqlRow {
  id: string;
  program_id: string;
  start_date: string;
  end_date: string;
  place: string | null;
  trainers: string | null;
  capacity: number;
  status: SessionStatus;
  office: string | null;
  title_kk: string | null;
  title_ru: string | null;
  title_en: string | null;
  active: number;
}

const SESSION_SELECT = `SELECT s.*, p.title_kk, p.title_ru, p.title_en,
  (SELECT count(*) FROM enrolments e WHERE e.session_id = s.id AND e.deleted = 0) AS active
  FROM training_sessions s LEFT JOIN programs p ON p.id = s.program_id`;

function sessionOf(r: SessionSqlRow): SessionRow {
  return {
    id: r.id,
    programId: r.program_id,
    programTitle: localizedOf(r as unknown as Record<string, unknown>, 'title'),
    start: r.start_date,
    end: r.end_date,
    place: r.place ?? '',
    trainers: r.trainers ?? '',
    capacity: r.capacity,
    status: (SESSION_STATUSES as readonly string[]).includes(r.status) ? r.status : 'planned',
    office: r.office,
    enrolled: Math.min(r.active, r.capacity),
    waitlisted: Math.max(0, r.active - r.capacity),
  };
}

export function loadSession(db: ReadDb, id: string): SessionRow {
  const row = prepared(db, `${SESSION_SELECT} WHERE s.id = ? AND s.deleted = 0`).get(id) as SessionSqlRow | undefined;
  if (!row) throw refuse('error.trainings.unknownSession', `No session ${id}`, { id }, 'notFound');
  return sessionOf(row);
}

type SessionQuery = z.output<typeof sessionQuery>;

/**
 * Sessions held (held or closed) that ended from the first parameter to the second (today): the
 * dashboard's "trainings held", on a table aliased `alias`.
 */
export const heldBetweenSql = (alias: string) => `${alias}.status IN ('held', 'closed') AND ${alias}.end_date >= ? AND ${alias}.end_date <= ?`;

/** `today` (Kazakhstan's date) bounds `heldSince`. */
export function listSessions(db: ReadDb, q: SessionQuery, today: string): { total: number; rows: SessionRow[] } {
  const held: [string, SqlValue[]][] = q.heldSince ? [[heldBetweenSql('s'), [q.heldSince, today]]] : [];
  const range = q.month ? monthRange(q.month) : { from: q.from, to: q.to };
  // Overlapping the range: a session spanning the first of the month shows in both months.
  const filters = optionalFilters([
    ['s.start_date <= ?', range.to], ['s.end_date >= ?', range.from], ['s.program_id = ?', q.programId], ['s.status = ?', q.status],
  ]);
  const clause = ['s.deleted = 0', ...held.map(([sql]) => sql), ...filters.conditions].join(' AND ');
  const params = [...held.flatMap(([, values]) => values), ...filters.params];
  const total = (prepared(db, `SELECT count(*) AS n FROM training_sessions s WHERE ${clause}`).get(...params) as { n: number }).n;
  const rows = prepared(db, `${SESSION_SELECT} WHERE ${clause} ORDER BY s.start_date, s.id LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as SessionSqlRow[];
  return { total, rows: rows.map(sessionOf) };
}

type SessionInput = z.output<typeof sessionInput>;

function checkDates(start: string, end: string): void {
  if (end < start) throw refuse('error.trainings.endBeforeStart', 'The session ends before it starts');
}

export function addSession(w: WriteStamp, input: SessionInput, office: string | null): string {
  const program = loadProgram(w.db, input.programId);
  checkDates(input.start, input.end);
  const id = newId();
  insertReplicated(w, 'training_sessions', id, {
    program_id: program.id, start_date: input.start, end_date: input.end, place: input.place, trainers: input.trainers,
    capacity: input.capacity, status: input.status, office, deleted: 0,
  });
  return id;
}

export function updateSession(w: WriteStamp, id: string, patch: Partial<Omit<SessionInput, 'programId' | 'status'>>): void {
  const session = loadSession(w.db, id);
  assertNotLocked(session);
  checkDates(patch.start ?? session.start, patch.end ?? session.end);
  const row: Row = {};
  if (patch.start !== undefined) row.start_date = patch.start;
  if (patch.end !== undefined) row.end_date = patch.end;
  if (patch.place !== undefined) row.place = patch.place;
  if (patch.trainers !== undefined) row.trainers = patch.trainers;
  if (patch.capacity !== undefined) row.capacity = patch.capacity;
  updateReplicated(w, 'training_sessions', id, row);
}

function assertNotLocked(session: SessionRow): void {
  if (session.status === 'closed') throw refuse('error.trainings.locked', 'The session is closed: a coordinator reopens it first', undefined, 'conflict');
  if (session.status === 'cancelled') throw refuse('error.trainings.sessionClosed', 'The session is cancelled', undefined, 'conflict');
}

function assertStarted(session: SessionRow, today: string): void {
  if (today < session.start) throw refuse('error.trainings.notStarted', 'Results only once the session has started', { start: session.start });
}

const ORDER: Record<SessionStatus, number> = { planned: 0, open: 1, held: 2, closed: 3, cancelled: 4 };

/** planned → open → held → closed (skipping ahead is allowed), or cancelled before closing. */
export function setSessionStatus(w: WriteStamp, id: string, status: SessionStatus, today: string): void {
  const session = loadSession(w.db, id);
  if (session.status === status) return;
  if (session.status === 'closed') throw refuse('error.trainings.locked', 'A closed session is reopened, not changed', undefined, 'conflict');
  if (session.status === 'cancelled') throw refuse('error.trainings.sessionClosed', 'The session is cancelled', undefined, 'conflict');
  if (status !== 'cancelled' && ORDER[status] < ORDER[session.status]) {
    throw refuse('error.trainings.statusBack', `A session goes forward: ${session.status} cannot become ${status}`, { from: session.status, to: status });
  }
  if ((status === 'held' || status === 'closed') && today < session.start) {
    throw refuse('error.trainings.notStarted', 'The session has not started yet', { start: session.start });
  }
  updateReplicated(w, 'training_sessions', id, { status });
}

/** Closed → held, with a record of who reopened it, when and why (replicated). */
export function reopenSession(w: WriteStamp, id: string, reason: string): void {
  const session = loadSession(w.db, id);
  if (session.status !== 'closed') throw refuse('error.trainings.notClosed', 'Only a closed session is reopened', undefined, 'conflict');
  updateReplicated(w, 'training_sessions', id, { status: 'held' });
  insertReplicated(w, 'training_reopenings', newId(), { session_id: id, reason, reopened_at: w.at, reopened_by: w.actor, deleted: 0 });
}

// --- Enrolment -----------------------------------------------------------------------------

interface EnrolmentSqlRow {
  id: string;
  volunteer_id: string;
  enrolled_at: string;
  deleted: number;
  attendance: Attendance | null;
  result: 'passed' | 'failed' | null;
  score: number | null;
}

function enrolmentsOf(db: ReadDb, sessionId: string): EnrolmentSqlRow[] {
  return prepared(db, 'SELECT id, volunteer_id, enrolled_at, deleted, attendance, result, score FROM enrolments WHERE session_id = ?').all(sessionId) as EnrolmentSqlRow[];
}

function placesOf(db: ReadDb, session: SessionRow): Map<string, Placement> {
  const rows = enrolmentsOf(db, session.id).map((e) => ({ ...e, withdrawn: e.deleted === 1, enrolledAt: e.enrolled_at ?? '' }));
  return placements(rows, session.capacity);
}

/** Why a person cannot be enrolled in this session, or null. */
function refusalFor(db: ReadDb, session: SessionRow, volunteerId: string): { reason: string; params?: Record<string, string | number> } | null {
  const person = prepared(db, 'SELECT status, birth_date, deleted FROM volunteers WHERE id = ?').get(volunteerId) as
    | { status: string; birth_date: string | null; deleted: number }
    | undefined;
  if (!person) return { reason: 'error.volunteerNotFound' };
  if (person.deleted === 1) return { reason: 'error.trainings.erased' };
  if (person.status === 'inactive') return { reason: 'error.trainings.inactive' };
  const live = prepared(db, 'SELECT 1 FROM enrolments WHERE id = ? AND deleted = 0').get(enrolmentId(session.id, volunteerId));
  if (live) return { reason: 'error.trainings.alreadyEnrolled' };
  const program = loadProgram(db, session.programId);
  if (program.minAge !== null) {
    if (!person.birth_date) return { reason: 'error.trainings.birthDateUnknown', params: { minAge: program.minAge } };
    if (ageOn(person.birth_date, session.start) < program.minAge) return { reason: 'error.trainings.underAge', params: { minAge: program.minAge } };
  }
  if (program.prerequisite !== null && !holdsValid(db, volunteerId, program.prerequisite, session.start)) {
    const kind = findKind(db, program.prerequisite);
    return { reason: 'error.trainings.prerequisite', params: { kind: kind ? displayName(db, kind.names) : program.prerequisite } };
  }
  return null;
}

/**
 * Enrols each person (a merged-away id counts as its survivor): refused ones say why, the rest
 * join in the order given, beyond capacity on the waiting list. A closed or cancelled session
 * refuses the whole call.
 */
export function enrol(w: WriteStamp, sessionId: string, volunteerIds: string[]): EnrolOutcome[] {
  const session = loadSession(w.db, sessionId);
  if (!ENROLLING_STATUSES.includes(session.status)) throw refuse('error.trainings.sessionClosed', 'Enrolment is closed for this session', undefined, 'conflict');
  const taken: { asked: string; id: string | null; refusal: ReturnType<typeof refusalFor> }[] = [];
  for (const asked of volunteerIds) {
    const id = resolveSurvivor(w.db, 'volunteers', asked);
    const refusal = refusalFor(w.db, session, id);
    if (!refusal) {
      // Each enrolment gets its own clock stamp: the merged order of the waiting list.
      const values = { session_id: sessionId, volunteer_id: id, enrolled_at: w.clock.tick(), attendance: null, result: null, score: null, deleted: 0 };
      const pair = enrolmentId(sessionId, id);
      if (prepared(w.db, 'SELECT 1 FROM enrolments WHERE id = ?').get(pair)) updateReplicated(w, 'enrolments', pair, values);
      else insertReplicated(w, 'enrolments', pair, values);
    }
    taken.push({ asked, id, refusal });
  }
  const places = placesOf(w.db, session);
  return taken.map(({ asked, id, refusal }) => {
    if (refusal) return { volunteerId: asked, outcome: 'refused', position: null, reason: refusal.reason, ...(refusal.params ? { params: refusal.params } : {}) };
    const place = places.get(enrolmentId(sessionId, id!))!;
    return { volunteerId: id!, outcome: place.place === 'enrolled' ? 'enrolled' : 'waitlisted', position: place.position, reason: null };
  });
}

function liveEnrolment(db: ReadDb, sessionId: string, asked: string): string {
  const id = enrolmentId(sessionId, resolveSurvivor(db, 'volunteers', asked));
  if (!prepared(db, 'SELECT 1 FROM enrolments WHERE id = ? AND deleted = 0').get(id)) {
    throw refuse('error.trainings.notEnrolled', 'This person is not enrolled in the session', undefined, 'notFound');
  }
  return id;
}

/** Frees the place; returns who moved up from the waiting list, if anyone. */
export function withdraw(w: WriteStamp, sessionId: string, volunteerId: string): string | null {
  const session = loadSession(w.db, sessionId);
  assertNotLocked(session);
  const id = liveEnrolment(w.db, sessionId, volunteerId);
  const before = placesOf(w.db, session);
  updateReplicated(w, 'enrolments', id, { deleted: 1 });
  const after = placesOf(w.db, session);
  for (const [other, place] of after) {
    if (place.place === 'enrolled' && before.get(other)?.place === 'waitlisted') {
      return prepared(w.db, 'SELECT volunteer_id FROM enrolments WHERE id = ?').pluck().get(other) as string;
    }
  }
  return null;
}

export function markAttendance(w: WriteStamp, sessionId: string, marks: { volunteerId: string; attendance: Attendance | null }[], today: string): void {
  const session = loadSession(w.db, sessionId);
  assertNotLocked(session);
  assertStarted(session, today);
  for (const mark of marks) updateReplicated(w, 'enrolments', liveEnrolment(w.db, sessionId, mark.volunteerId), { attendance: mark.attendance });
}

/**
 * Enters a result: passed or failed (present), or absent (no result). A pass grants the program's
 * qualification from the session's last day; a pass changed to anything else takes it back.
 */
export function enterResult(
  w: WriteStamp,
  input: { sessionId: string; volunteerId: string; outcome: 'passed' | 'failed' | 'absent'; score: number | null },
  today: string,
): string | null {
  const session = loadSession(w.db, input.sessionId);
  assertNotLocked(session);
  assertStarted(session, today);
  const id = liveEnrolment(w.db, input.sessionId, input.volunteerId);
  const volunteerId = prepared(w.db, 'SELECT volunteer_id FROM enrolments WHERE id = ?').pluck().get(id) as string;
  const program = loadProgram(w.db, session.programId);
  if (input.outcome === 'passed' && input.score !== null && !scorePasses(input.score, program.passMark)) {
    throw refuse('error.trainings.belowPassMark', 'The score is below the pass mark', { passMark: program.passMark ?? 0 });
  }
  const absent = input.outcome === 'absent';
  updateReplicated(w, 'enrolments', id, {
    attendance: absent ? 'absent' : 'present',
    result: absent ? null : input.outcome,
    score: absent ? null : input.score,
  });
  if (input.outcome === 'passed' && program.grants) return grantByPass(w, input.sessionId, volunteerId, program.grants, session.end);
  revokePass(w, input.sessionId, volunteerId);
  return null;
}

// --- Reading -------------------------------------------------------------------------------

/** Who made the enrolment that counts: the author of its enrolment stamp, the same at every office. */
function enrolledBy(db: ReadDb, id: string): string | null {
  const clock = readRowClock(db, 'enrolments', id);
  return clock ? entryOf(clock, parseEntries(clock), 'enrolled_at').a : null;
}

export function sessionDetail(db: ReadDb, id: string): SessionDetail {
  const session = loadSession(db, id);
  const program = loadProgram(db, session.programId);
  const places = placesOf(db, session);
  const rows = prepared(
    db,
    `SELECT e.id, e.volunteer_id, e.attendance, e.result, e.score, e.enrolled_at, e.deleted,
       v.last_name || ' ' || v.first_name || COALESCE(' ' || v.middle_name, '') AS name, v.birth_date
     FROM enrolments e JOIN volunteers v ON v.id = e.volunteer_id WHERE e.session_id = ? ORDER BY e.enrolled_at, e.id`,
  ).all(id) as (EnrolmentSqlRow & { name: string; birth_date: string | null })[];
  const enrolments: EnrolmentRow[] = rows.map((r) => {
    const place = places.get(r.id) ?? { place: 'withdrawn', position: null };
    return {
      volunteerId: r.volunteer_id,
      name: r.name,
      birthDate: r.birth_date,
      place: place.place,
      position: place.position,
      attendance: r.attendance,
      result: r.result,
      score: r.score,
      enrolledBy: enrolledBy(db, r.id),
    };
  });
  const reopenings = prepared(db, 'SELECT reopened_at AS at, reopened_by AS by, reason FROM training_reopenings WHERE session_id = ? AND deleted = 0 ORDER BY reopened_at')
    .all(id) as { at: string; by: string; reason: string }[];
  return { ...session, program, enrolments, overCapacity: session.waitlisted > 0, reopenings, mayChange: mayChangeHere(db, 'training_sessions', id) };
}

export function sessionsOfVolunteer(db: ReadDb, volunteerId: string) {
  const rows = prepared(db, 'SELECT session_id FROM enrolments WHERE volunteer_id = ? ORDER BY enrolled_at DESC').pluck().all(volunteerId) as string[];
  return rows.flatMap((sessionId) => {
    const row = prepared(db, `${SESSION_SELECT} WHERE s.id = ? AND s.deleted = 0`).get(sessionId) as SessionSqlRow | undefined;
    if (!row) return [];
    const session = sessionOf(row);
    const place = placesOf(db, session).get(enrolmentId(sessionId, volunteerId)) ?? { place: 'withdrawn' as const, position: null };
    const e = prepared(db, 'SELECT attendance, result, score FROM enrolments WHERE id = ?').get(enrolmentId(sessionId, volunteerId)) as Pick<EnrolmentSqlRow, 'attendance' | 'result' | 'score'>;
    return [{ ...session, place: place.place, position: place.position, attendance: e.attendance, result: e.result, score: e.score }];
  });
}

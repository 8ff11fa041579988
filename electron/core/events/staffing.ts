import type { AssignOutcome, Suggestion } from '../../../shared/contract/events';
import {
  CLOSED_EVENT_STATUSES, HOLDING_STATUSES, ageRefusal, assignmentId, compareCandidates, dateOf, monthOf, monthRange, overlaps,
  type AssignmentStatus, type Refusal,
} from '../../../shared/domain/events';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { resolveSurvivor } from '../replication/merges';
import type { SqlValue } from '../replication/tables';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { VALID_ON_SQL, holdsValid } from '../trainings/qualifications';
import { COUNTED_SQL } from './ledger';
import { PERSON_NAME_SQL, kindsOf, languagesOf, refuse, shiftWithEvent, type EventFacts, type ShiftFacts } from './shared';

/**
 * Staffing a shift: who may work it (one refusal code each), who is suggested and in which order,
 * assigning, answers and removals. An assignment's id is its pair `shift:volunteer`, so the same
 * person put on the same shift at two offices is one record.
 */

const HOLDING = HOLDING_STATUSES.map((s) => `'${s}'`).join(', ');

interface PersonFacts {
  id: string;
  status: string;
  deleted: number;
  birth_date: string | null;
  guardian_consent_date: string | null;
}

function personFacts(db: ReadDb, id: string): PersonFacts {
  const person = prepared(db, 'SELECT id, status, deleted, birth_date, guardian_consent_date FROM volunteers WHERE id = ?').get(id) as PersonFacts | undefined;
  if (!person) throw refuse('error.volunteerNotFound', `No volunteer ${id}`, { id }, 'notFound');
  return person;
}

const holds = (db: ReadDb, shiftId: string, volunteerId: string) =>
  prepared(db, `SELECT 1 FROM assignments a WHERE a.id = ? AND a.status IN (${HOLDING}) AND a.deleted = 0`).get(assignmentId(shiftId, volunteerId)) !== undefined;

const filledOf = (db: ReadDb, shiftId: string) =>
  prepared(db, `SELECT count(*) FROM assignments a WHERE a.shift_id = ? AND a.status IN (${HOLDING}) AND a.deleted = 0`).pluck().get(shiftId) as number;

/** Whether the person holds a place on another live shift at an overlapping time. */
function hasOverlap(db: ReadDb, shift: ShiftFacts, volunteerId: string): boolean {
  const others = prepared(
    db,
    `SELECT s.start_at, s.end_at FROM assignments a JOIN shifts s ON s.id = a.shift_id AND s.deleted = 0
     JOIN events e ON e.id = s.event_id AND e.deleted = 0 AND e.status <> 'cancelled'
     WHERE a.volunteer_id = ? AND a.shift_id <> ? AND a.status IN (${HOLDING}) AND a.deleted = 0`,
  ).all(volunteerId, shift.id) as { start_at: string; end_at: string }[];
  return others.some((o) => overlaps({ start: shift.start_at, end: shift.end_at }, { start: o.start_at, end: o.end_at }));
}

/**
 * Why the person cannot take a place on the shift, or null: the first rule that fails, in the
 * order a coordinator would fix them. A walk-in is already there, so a full shift does not stop it.
 */
export function refusalFor(db: ReadDb, event: EventFacts, shift: ShiftFacts, person: PersonFacts, walkIn = false): Refusal | null {
  if (CLOSED_EVENT_STATUSES.includes(event.status)) return 'eventClosed';
  if (person.deleted === 1 || person.status === 'inactive') return 'inactive';
  if (holds(db, shift.id, person.id)) return 'alreadyAssigned';
  const on = dateOf(shift.start_at);
  const age = ageRefusal({ birthDate: person.birth_date, guardianConsentDate: person.guardian_consent_date }, { category: event.category, minAge: shift.min_age, on });
  if (age) return age;
  if (kindsOf(shift).some((kind) => !holdsValid(db, person.id, kind, on))) return 'unqualified';
  if (hasOverlap(db, shift, person.id)) return 'overlap';
  if (!walkIn && filledOf(db, shift.id) >= shift.needed) return 'shiftFull';
  return null;
}

/** Puts each person on the shift (a merged-away id counts as its survivor); refused ones say why. */
export function assign(w: WriteStamp, shiftId: string, volunteerIds: string[], walkIn: boolean): AssignOutcome[] {
  const { shift, event } = shiftWithEvent(w.db, shiftId);
  return volunteerIds.map((asked) => {
    const id = resolveSurvivor(w.db, 'volunteers', asked);
    const reason = refusalFor(w.db, event, shift, personFacts(w.db, id), walkIn);
    if (reason) return { volunteerId: asked, outcome: 'refused', reason };
    const pair = assignmentId(shiftId, id);
    const values = {
      shift_id: shiftId, volunteer_id: id, event_id: event.id, status: walkIn ? 'confirmed' : 'invited', invited_at: w.at, responded_at: walkIn ? w.at : null,
      removal_reason: null, walk_in: walkIn ? 1 : 0, checked_in_at: null, checked_out_at: null, no_show: 0, deleted: 0,
    };
    assertMayChange(w.db, 'assignments', pair, values);
    if (prepared(w.db, 'SELECT 1 FROM assignments WHERE id = ?').get(pair)) updateReplicated(w, 'assignments', pair, values);
    else insertReplicated(w, 'assignments', pair, values);
    return { volunteerId: id, outcome: 'assigned', reason: null };
  });
}

/** The live assignment of a person on a shift (its pair id), or a refusal. */
export function liveAssignment(db: ReadDb, shiftId: string, asked: string): { id: string; volunteerId: string; status: AssignmentStatus } {
  const volunteerId = resolveSurvivor(db, 'volunteers', asked);
  const id = assignmentId(shiftId, volunteerId);
  const row = prepared(db, 'SELECT status FROM assignments WHERE id = ? AND deleted = 0').get(id) as { status: AssignmentStatus } | undefined;
  if (!row) throw refuse('error.events.notAssigned', 'This person is not on the shift', undefined, 'notFound');
  return { id, volunteerId, status: row.status };
}

export function respond(w: WriteStamp, shiftId: string, volunteerId: string, answer: 'confirmed' | 'declined'): void {
  const { event } = shiftWithEvent(w.db, shiftId);
  if (CLOSED_EVENT_STATUSES.includes(event.status)) throw refuse('error.events.eventClosed', 'The event is cancelled or closed', undefined, 'conflict');
  const a = liveAssignment(w.db, shiftId, volunteerId);
  if (!HOLDING_STATUSES.includes(a.status)) throw refuse('error.events.notAssigned', 'This person no longer holds a place', undefined, 'conflict');
  updateReplicated(w, 'assignments', a.id, { status: answer, responded_at: w.at });
}

/** Takes the person off the shift with a reason; the record stays, so the board can show it. */
export function remove(w: WriteStamp, shiftId: string, volunteerId: string, reason: string): void {
  shiftWithEvent(w.db, shiftId);
  const a = liveAssignment(w.db, shiftId, volunteerId);
  if (!HOLDING_STATUSES.includes(a.status)) throw refuse('error.events.notAssigned', 'This person no longer holds a place', undefined, 'conflict');
  updateReplicated(w, 'assignments', a.id, { status: 'removed', removal_reason: reason.trim() || null });
}

interface CandidateRow {
  id: string;
  sort_name: string;
  name: string;
  phone: string | null;
  region: string | null;
  status: string;
  deleted: number;
  birth_date: string | null;
  guardian_consent_date: string | null;
  in_region: number;
  speaks: number;
  month_hours: number;
}

/**
 * Suggestions for a shift, best first, each with its reasons: active people qualified on the
 * shift's date (the database answers these), then those the age rules, overlaps and the shift
 * itself refuse are left out; the order is region, language, fewer hours this month, name.
 */
export function suggest(db: ReadDb, shiftId: string, limit: number): Suggestion[] {
  const { shift, event } = shiftWithEvent(db, shiftId);
  if (CLOSED_EVENT_STATUSES.includes(event.status)) return [];
  const on = dateOf(shift.start_at);
  const { from, to } = monthRange(monthOf(on));
  const kinds = kindsOf(shift);
  const languages = languagesOf(shift);
  const params: SqlValue[] = [event.region ?? '', from, to];
  const speaks = languages.length > 0 ? `EXISTS (SELECT 1 FROM json_each(v.languages) l WHERE l.value IN (${languages.map(() => '?').join(', ')}))` : '1';
  params.push(...languages);
  const where = ["v.deleted = 0", "v.status = 'active'", `NOT EXISTS (SELECT 1 FROM assignments a WHERE a.shift_id = ? AND a.volunteer_id = v.id AND a.status IN (${HOLDING}) AND a.deleted = 0)`];
  params.push(shift.id);
  for (const kind of kinds) {
    where.push(`EXISTS (SELECT 1 FROM qualifications q WHERE q.volunteer_id = v.id AND ${VALID_ON_SQL})`);
    params.push(kind, on, on);
  }
  const rows = prepared(
    db,
    `SELECT v.id, v.sort_name, ${PERSON_NAME_SQL} AS name, v.phone, v.region, v.status, v.deleted, v.birth_date, v.guardian_consent_date,
       (v.region IS ?) AS in_region,
       COALESCE((SELECT sum(h.hours) FROM hour_entries h WHERE h.volunteer_id = v.id AND h.entry_date BETWEEN ? AND ? AND ${COUNTED_SQL}), 0) AS month_hours,
       ${speaks} AS speaks
     FROM volunteers v WHERE ${where.join(' AND ')}`,
  ).all(...params) as CandidateRow[];
  const ordered = rows
    .map((r) => ({ ...r, inRegion: r.in_region === 1, speaksLanguage: r.speaks === 1, hoursThisMonth: r.month_hours, sortName: r.sort_name ?? '' }))
    .sort(compareCandidates);
  const out: Suggestion[] = [];
  for (const r of ordered) {
    if (out.length >= limit) break;
    if (refusalFor(db, event, shift, r, true)) continue;
    const reasons: Suggestion['reasons'] = ['active'];
    if (kinds.length > 0) reasons.push('qualified');
    if (r.inRegion) reasons.push('inRegion');
    if (languages.length > 0 && r.speaksLanguage) reasons.push('speaksLanguage');
    reasons.push('free', 'fewerHours');
    out.push({ volunteerId: r.id, name: r.name, phone: r.phone, region: r.region, hoursThisMonth: r.hoursThisMonth, reasons });
  }
  return out;
}

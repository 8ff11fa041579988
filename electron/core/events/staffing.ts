import type { AssignOutcome, Suggestion } from '../../../shared/contract/events';
import {
  CLOSED_EVENT_STATUSES, HOLDING_STATUSES, ageBounds, ageRefusal, assignmentId, compareCandidates, dateOf, monthOf, monthRange, overlaps,
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
  const misfit = misfitFor(db, event, shift, person);
  if (misfit) return misfit;
  if (!walkIn && filledOf(db, shift.id) >= shift.needed) return 'shiftFull';
  return null;
}

/** Why the person does not fit the shift as it is now, or null: the person's own rules, in `refusalFor`'s order. */
function misfitFor(db: ReadDb, event: EventFacts, shift: ShiftFacts, person: PersonFacts): Refusal | null {
  if (person.deleted === 1 || person.status === 'inactive') return 'inactive';
  const on = dateOf(shift.start_at);
  const age = ageRefusal({ birthDate: person.birth_date, guardianConsentDate: person.guardian_consent_date }, { category: event.category, minAge: shift.min_age, on });
  if (age) return age;
  if (kindsOf(shift).some((kind) => !holdsValid(db, person.id, kind, on))) return 'unqualified';
  if (hasOverlap(db, shift, person.id)) return 'overlap';
  return null;
}

/**
 * The people holding a place on the shift who no longer fit it, each with one reason. A shift's
 * times or requirements may change after people were put on it (here, or at another office and
 * arriving by exchange), and so may the event's category, a person's qualifications or profile.
 * The change is kept, and so are the people: refusing it would not stop the same change arriving
 * from another office, and the coordinator must be able to record that the work moved before
 * deciding who goes. So the board works this out whenever it is read and flags them, and the
 * shift's update returns them so the screen can say at once whom to replace.
 */
export function misfitsOn(db: ReadDb, shiftId: string): Map<string, Refusal> {
  const { shift, event } = shiftWithEvent(db, shiftId);
  const out = new Map<string, Refusal>();
  if (CLOSED_EVENT_STATUSES.includes(event.status)) return out;
  const people = prepared(
    db,
    `SELECT v.id, v.status, v.deleted, v.birth_date, v.guardian_consent_date FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id
     WHERE a.shift_id = ? AND a.status IN (${HOLDING}) AND a.deleted = 0`,
  ).all(shiftId) as PersonFacts[];
  for (const person of people) {
    const reason = misfitFor(db, event, shift, person);
    if (reason) out.set(person.id, reason);
  }
  return out;
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
  sort_name: string | null;
  name: string;
  phone: string | null;
  region: string | null;
  month_hours: number;
}

interface Sql {
  sql: string;
  params: SqlValue[];
}

/**
 * Below this many holders of a required kind, starting from them beats walking the roster by name
 * (measured at national scale: ~17 µs a person looked up, ~1 µs a name walked past).
 */
const FEW_HOLDERS = 1000;

/**
 * Who may take a place on the shift, as SQL over the volunteer `v`: the rules `refusalFor` checks
 * one person at a time (a full shift aside: suggestions stay useful when it fills), so that the
 * database can search by them. Active and not erased; born by the age bounds; qualified on the
 * shift's date; holding no place at an overlapping time, on this shift (already assigned) or on
 * another live shift. Text comparison of local times orders them as `overlaps` does.
 */
function eligibleSql(db: ReadDb, event: EventFacts, shift: ShiftFacts): Sql {
  const on = dateOf(shift.start_at);
  const age = ageBounds({ category: event.category, minAge: shift.min_age, on });
  // `+` keeps the planner off the status and birth-date indexes: the region's (region, sort_name)
  // index, or the qualified few, are the narrow way in, and give name order for free.
  const where = ['v.deleted = 0', "+v.status = 'active'", '+v.birth_date <= ?'];
  const params: SqlValue[] = [age.bornBy];
  if (age.adultBy) {
    where.push('(+v.birth_date <= ? OR v.guardian_consent_date <= ?)');
    params.push(age.adultBy, age.on);
  }
  // Those qualified on the date are one set per kind from the (kind, valid_until, valid_from,
  // volunteer) index. When few hold the rarest kind, the search starts from them (a lookup each);
  // otherwise it walks names and checks the set (`+` keeps the planner from starting there).
  const kinds = kindsOf(shift)
    .map((kind) => ({ kind, holders: prepared(db, `SELECT count(*) FROM (SELECT 1 FROM qualifications q WHERE ${VALID_ON_SQL} LIMIT ${FEW_HOLDERS + 1})`).pluck().get(kind, on, on) as number }))
    .sort((a, b) => a.holders - b.holders);
  kinds.forEach(({ kind, holders }, i) => {
    const startHere = i === 0 && holders <= FEW_HOLDERS;
    where.push(`${startHere ? '' : '+'}v.id IN (SELECT q.volunteer_id FROM qualifications q WHERE ${VALID_ON_SQL})`);
    params.push(kind, on, on);
  });
  where.push(`NOT EXISTS (SELECT 1 FROM assignments a JOIN shifts s ON s.id = a.shift_id AND s.deleted = 0
    JOIN events e ON e.id = s.event_id AND e.deleted = 0 AND e.status <> 'cancelled'
    WHERE a.volunteer_id = v.id AND a.status IN (${HOLDING}) AND a.deleted = 0 AND s.start_at < ? AND s.end_at > ?)`);
  params.push(shift.end_at, shift.start_at);
  return { sql: where.join(' AND '), params };
}

/** A person's counted hours in a month (the `hour_entries (volunteer_id, entry_date, hours)` index). */
const MONTH_HOURS_SQL = `COALESCE((SELECT sum(h.hours) FROM hour_entries h WHERE h.volunteer_id = v.id AND h.entry_date BETWEEN ? AND ? AND ${COUNTED_SQL}), 0)`;
const CANDIDATE_COLUMNS = `v.id, v.sort_name, ${PERSON_NAME_SQL} AS name, v.phone, v.region`;

/**
 * The best `k` of one tier (same region and language standing), by fewer hours this month, then
 * name. Most people have no hours in a given month, so the people without any come first in
 * name order straight from the name indexes, stopping at `k`; only when there are too few of
 * them are the others' hours summed and sorted. Hours are positive, so none rank before zero.
 */
function bestOfTier(db: ReadDb, tier: Sql, month: { from: string; to: string }, k: number): CandidateRow[] {
  const free = prepared(
    db,
    `SELECT ${CANDIDATE_COLUMNS}, 0 AS month_hours FROM volunteers v WHERE ${tier.sql} AND ${MONTH_HOURS_SQL} = 0 ORDER BY v.sort_name, v.id LIMIT ?`,
  ).all(...tier.params, month.from, month.to, k) as CandidateRow[];
  if (free.length >= k) return free;
  const busy = prepared(
    db,
    `SELECT ${CANDIDATE_COLUMNS}, ${MONTH_HOURS_SQL} AS month_hours FROM volunteers v WHERE ${tier.sql} AND month_hours > 0
     ORDER BY month_hours, v.sort_name, v.id LIMIT ?`,
  ).all(month.from, month.to, ...tier.params, k - free.length) as CandidateRow[];
  return [...free, ...busy];
}

/**
 * Suggestions for a shift, best first (`compareCandidates`), each with its reasons. Region first:
 * people of the event's region rank before everyone else, so the rest of the country is searched
 * only when the region has fewer than `limit`; within that, speakers of a language the shift asks
 * for before the others. Each tier is one or two indexed queries that stop at what is still
 * needed, so the cost follows the tiers' sizes, not the country's.
 */
export function suggest(db: ReadDb, shiftId: string, limit: number): Suggestion[] {
  const { shift, event } = shiftWithEvent(db, shiftId);
  if (CLOSED_EVENT_STATUSES.includes(event.status)) return [];
  const month = monthRange(monthOf(dateOf(shift.start_at)));
  const kinds = kindsOf(shift);
  const languages = languagesOf(shift);
  const eligible = eligibleSql(db, event, shift);
  const speaksSql = `EXISTS (SELECT 1 FROM json_each(v.languages) l WHERE l.value IN (${languages.map(() => '?').join(', ')}))`;
  const found: (CandidateRow & { inRegion: boolean; speaksLanguage: boolean })[] = [];
  for (const inRegion of [true, false]) {
    // No language asked: everyone "speaks" it, one tier.
    for (const speaks of languages.length > 0 ? [true, false] : [null]) {
      if (found.length >= limit) break;
      const where = [eligible.sql, inRegion ? 'v.region = ?' : 'v.region IS NOT ?'];
      const params: SqlValue[] = [...eligible.params, event.region ?? ''];
      if (speaks !== null) {
        where.push(speaks ? speaksSql : `NOT ${speaksSql}`);
        params.push(...languages);
      }
      const rows = bestOfTier(db, { sql: where.join(' AND '), params }, month, limit - found.length);
      found.push(...rows.map((r) => ({ ...r, inRegion, speaksLanguage: speaks !== false })));
    }
  }
  return found
    .map((r) => ({ ...r, hoursThisMonth: r.month_hours, sortName: r.sort_name ?? '' }))
    .sort(compareCandidates)
    .map((r) => {
      const reasons: Suggestion['reasons'] = ['active'];
      if (kinds.length > 0) reasons.push('qualified');
      if (r.inRegion) reasons.push('inRegion');
      if (languages.length > 0 && r.speaksLanguage) reasons.push('speaksLanguage');
      reasons.push('free', 'fewerHours');
      return { volunteerId: r.id, name: r.name, phone: r.phone, region: r.region, hoursThisMonth: r.hoursThisMonth, reasons };
    });
}

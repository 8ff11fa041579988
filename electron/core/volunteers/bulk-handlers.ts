import type { z } from 'zod';
import { contract, type CallName } from '../../../shared/contract';
import { CallError } from '../../../shared/contract/errors';
import { BULK_REFUSALS_LISTED, type BulkRefusal, type BulkResult, type bulkAction } from '../../../shared/contract/volunteers';
import { roleAtLeast } from '../../../shared/domain/vocabulary';
import { actorOf, type Actor, type CallContext, type HandlerMap } from '../context';
import { prepared } from '../db/statements';
import { shiftWithEvent } from '../events/shared';
import { assign } from '../events/staffing';
import { assertOrganisation, writeMembership } from '../organisations/membership';
import { resolveSurvivor } from '../replication/merges';
import { sessionRunHere } from '../trainings/run-here';
import { enrol } from '../trainings/sessions';
import { volunteerHandlers } from './handlers';
import { canReadIin, countIinLookups } from './iin-lookups';
import { wholeIins } from './search';
import { selectedIds, selectionText } from './selection';

type Action = z.output<typeof bulkAction>;
type ActionName = Action['action'];

/**
 * The one-person call each bulk action repeats. A bulk action needs the role that call needs, and
 * goes through that call's own code (its handler here, its write path elsewhere), so its checks
 * (validation, which office keeps the record, who may be enrolled or assigned) are the same, and
 * so is what it writes.
 */
export const SINGLE_CALL: Record<ActionName, CallName> = {
  deactivate: 'volunteers.setStatus',
  addToOrganisation: 'organisations.addMember',
  addSkill: 'volunteers.update',
  addArea: 'volunteers.update',
  enrol: 'trainings.enrol',
  assign: 'events.assign',
};

/** Refuses the whole batch when the actor's role may not make the one-person call. */
export function assertMayBulk(actor: Actor, action: ActionName): void {
  const needed = contract[SINGLE_CALL[action]].access;
  if (needed !== 'public' && !roleAtLeast(actor.role, needed)) {
    throw new CallError({ code: 'forbidden', key: 'error.forbidden', params: { role: needed } }, `This needs the ${needed} role`);
  }
}

type Outcome = 'changed' | 'already' | { key: string; params?: Record<string, string | number> };

/** People taken in one step between progress points (and cancel checks). */
const STEP = 100;

const listHas = (json: string | null, value: string) => (JSON.parse(json ?? '[]') as string[]).includes(value);

function personRow(ctx: CallContext, id: string) {
  return prepared(ctx.db, 'SELECT status, skills, areas FROM volunteers WHERE id = ? AND deleted = 0').get(id) as
    | { status: string; skills: string | null; areas: string | null }
    | undefined;
}

/** A change to one person through the one-person call's handler; what it refuses is that person's refusal. */
type PersonStep = (ctx: CallContext, id: string) => 'changed' | 'already';

function personStep(action: Action): PersonStep {
  const update = volunteerHandlers['volunteers.update'];
  switch (action.action) {
    case 'deactivate':
      return (ctx, id) => {
        if (personRow(ctx, id)?.status === 'inactive') return 'already';
        volunteerHandlers['volunteers.setStatus']({ id, status: 'inactive', reason: action.reason }, ctx);
        return 'changed';
      };
    case 'addSkill':
      return (ctx, id) => {
        const row = personRow(ctx, id);
        if (row && listHas(row.skills, action.skill)) return 'already';
        const skills = [...(JSON.parse(row?.skills ?? '[]') as string[]), action.skill] as never;
        update({ id, patch: { skills } }, ctx);
        return 'changed';
      };
    case 'addArea':
      return (ctx, id) => {
        const row = personRow(ctx, id);
        if (row && listHas(row.areas, action.area)) return 'already';
        const areas = [...(JSON.parse(row?.areas ?? '[]') as string[]), action.area] as never;
        update({ id, patch: { areas } }, ctx);
        return 'changed';
      };
    case 'addToOrganisation':
      return (ctx, id) => {
        const member = prepared(ctx.db, 'SELECT 1 FROM memberships WHERE organisation_id = ? AND volunteer_id = ? AND deleted = 0').get(action.organisationId, id);
        if (member) return 'already';
        writeMembership(ctx, action.organisationId, id, null, null);
        return 'changed';
      };
    case 'assign':
      return (ctx, id) => {
        const [outcome] = assign(ctx.stamp(), action.shiftId, [id], false);
        if (outcome?.outcome === 'assigned') return 'changed';
        if (outcome?.reason === 'alreadyAssigned') return 'already';
        throw new CallError({ code: 'conflict', key: `error.events.${outcome?.reason ?? 'inactive'}` });
      };
    case 'enrol':
      throw new Error('Enrolment runs a step at a time, not a person at a time');
  }
}

/** What a refused person's error says; anything but a refusal (a full disk, a cancel, a bug) stops the batch. */
function refusalOf(error: unknown): Outcome {
  if (error instanceof CallError && ['validation', 'notFound', 'conflict', 'forbidden'].includes(error.code)) {
    return error.params ? { key: error.key, params: error.params } : { key: error.key };
  }
  throw error;
}

/**
 * Each person in a savepoint of the call's transaction: a refusal raised halfway through a
 * person's change takes back that person's part only.
 */
function personByPerson(ctx: CallContext, step: PersonStep): (ids: string[]) => Outcome[] {
  // Made once: better-sqlite3 prepares a transaction function's statements when it is made.
  const inSavepoint = ctx.db.transaction((id: string) => step(ctx, id));
  return (ids) =>
    ids.map((id) => {
      try {
        return inSavepoint(id);
      } catch (error) {
        return refusalOf(error);
      }
    });
}

/**
 * Enrolment takes a step of people at once: the session's places are counted once per call, and
 * the enrol call already answers person by person (over capacity: the waiting list).
 */
function enrolStep(ctx: CallContext, sessionId: string, ids: string[]): Outcome[] {
  return enrol(ctx.stamp(), sessionId, ids).map((o) => {
    if (o.outcome !== 'refused') return 'changed';
    if (o.reason === 'error.trainings.alreadyEnrolled') return 'already';
    return o.params ? { key: o.reason ?? 'error.invalid', params: o.params } : { key: o.reason ?? 'error.invalid' };
  });
}

function namesOf(ctx: CallContext, ids: string[]): Map<string, string> {
  const statement = prepared(ctx.db, "SELECT last_name || ' ' || first_name || COALESCE(' ' || middle_name, '') FROM volunteers WHERE id = ?").pluck();
  return new Map(ids.map((id) => [id, (statement.get(id) as string | undefined) ?? id]));
}

/**
 * Runs one action on the selected people. The dispatcher runs the call in one write transaction,
 * so a failure or a cancel at any progress point leaves the database as it was.
 */
export function runBulk(call: CallContext, ids: string[], action: Action): BulkResult {
  // One stamp for the whole batch: one act at one moment (each write still ticks the clock),
  // and the office's code is read once, not once per person.
  const stamp = call.stamp();
  const ctx: CallContext = { ...call, stamp: () => stamp };
  const people = [...new Set(ids.map((id) => resolveSurvivor(ctx.db, 'volunteers', id)))];
  // What the action names must exist (and be run here) before anyone is taken.
  if (action.action === 'addToOrganisation') assertOrganisation(ctx, action.organisationId);
  if (action.action === 'enrol') sessionRunHere(ctx, action.sessionId);
  if (action.action === 'assign') shiftWithEvent(ctx.db, action.shiftId);
  const take = action.action === 'enrol' ? (slice: string[]) => enrolStep(ctx, action.sessionId, slice) : personByPerson(ctx, personStep(action));
  const result: BulkResult = { selected: people.length, changed: 0, already: 0, refused: 0, refusals: [] };
  const refused: { volunteerId: string; key: string; params?: BulkRefusal['params'] }[] = [];
  for (let done = 0; done < people.length; done += STEP) {
    ctx.progress('writing', done, people.length);
    const slice = people.slice(done, done + STEP);
    const outcomes = take(slice);
    outcomes.forEach((outcome, i) => {
      if (outcome === 'changed') result.changed++;
      else if (outcome === 'already') result.already++;
      else {
        result.refused++;
        if (refused.length < BULK_REFUSALS_LISTED) refused.push({ volunteerId: slice[i]!, ...outcome });
      }
    });
  }
  ctx.progress('writing', people.length, people.length);
  const names = namesOf(ctx, refused.map((r) => r.volunteerId));
  result.refusals = refused.map((r) => ({ ...r, name: names.get(r.volunteerId)! }));
  return result;
}

export const bulkHandlers: HandlerMap<'volunteers.bulk'> = {
  'volunteers.bulk': ({ selection, do: action }, ctx) => {
    assertMayBulk(actorOf(ctx), action.action);
    countIinLookups(ctx, 'volunteers.bulk', wholeIins(selectionText(selection)));
    ctx.progress('checking', 0, 1);
    const ids = selectedIds(ctx.db, selection, canReadIin(ctx));
    ctx.progress('checking', 1, 1);
    return runBulk(ctx, ids, action);
  },
};

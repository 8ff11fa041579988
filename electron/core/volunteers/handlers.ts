import { CallError } from '../../../shared/contract/errors';
import type { Membership, volunteerCalls } from '../../../shared/contract/volunteers';
import { iinFacts, type IinFacts } from '../../../shared/domain/iin';
import type { OfficeCode } from '../../../shared/domain/regions';
import type { VolunteerPatch } from '../../../shared/domain/volunteer';
import type { HandlerMap, ReadContext } from '../context';
import { auditAct } from '../audit/log';
import { resolveSurvivor } from '../replication/merges';
import { prepared } from '../db/statements';
import { assertMayChange, keeperOf, mayChangeHere } from '../exchange/authority';
import { readOffice } from '../office/identity';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated } from '../replication/write';
import { checkpointAfterErasure, erasePerson } from './erase';
import { fromRow, toRow, type VolunteerSqlRow } from './columns';
import { canReadIin, countIinLookups } from './iin-lookups';
import { completeVolunteer, iinHolder } from './rules';
import { searchVolunteers, wholeIins } from './search';
import { setVolunteerStatus } from './status';

/** A merged-away id (the same person registered twice) resolves to the record that survived. */
const live = (ctx: ReadContext, id: string) => resolveSurvivor(ctx.db, 'volunteers', id);

function loadRow(ctx: ReadContext, id: string): VolunteerSqlRow {
  const row = prepared(ctx.db, 'SELECT * FROM volunteers WHERE id = ? AND deleted = 0').get(live(ctx, id)) as VolunteerSqlRow | undefined;
  if (!row) throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id } }, `No volunteer ${id}`);
  return row;
}

const today = (ctx: ReadContext) => ctx.now().toISOString().slice(0, 10);

/** Bulk actions live in bulk-handlers.ts: they go through these handlers. */
export const volunteerHandlers: HandlerMap<Exclude<keyof typeof volunteerCalls, 'volunteers.bulk'>> = {
  'volunteers.search': (q, ctx) => {
    countIinLookups(ctx, 'volunteers.search', wholeIins(q.text));
    return searchVolunteers(ctx.db, q, canReadIin(ctx));
  },

  'volunteers.get': ({ id: asked }, ctx) => {
    const id = live(ctx, asked);
    const record = fromRow(loadRow(ctx, id), canReadIin(ctx));
    const memberships = ctx.db
      .prepare(
        `SELECT m.organisation_id AS organisationId, o.name AS organisationName, m.role, m.since
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id AND o.deleted = 0
         WHERE m.volunteer_id = ? AND m.deleted = 0 ORDER BY o.name`,
      )
      .all(id) as Membership[];
    return { ...record, memberships, keptBy: keeperOf(ctx.db, 'volunteers', id), mayChange: mayChangeHere(ctx.db, 'volunteers', id) };
  },

  'volunteers.create': (input, ctx) => {
    // Whether the IIN is taken is an answer about who holds it.
    if (input.iin) countIinLookups(ctx, 'volunteers.create', [input.iin]);
    const data = completeVolunteer(ctx.db, {
      status: 'active',
      region: (readOffice(ctx.db)?.code ?? null) as OfficeCode | null,
      ...input,
    }, undefined, today(ctx));
    const id = newId();
    insertReplicated(ctx.stamp(), 'volunteers', id, toRow(data));
    return { id };
  },

  'volunteers.update': ({ id: asked, patch }, ctx) => {
    const id = live(ctx, asked);
    if (patch.iin) countIinLookups(ctx, 'volunteers.update', [patch.iin]);
    const current = fromRow(loadRow(ctx, id), true);
    assertMayChange(ctx.db, 'volunteers', id);
    const cleaned: VolunteerPatch = { ...patch };
    const merged = { ...current, ...cleaned } as VolunteerPatch;
    const complete = completeVolunteer(ctx.db, merged, id, today(ctx));
    const changed: VolunteerPatch = {};
    for (const key of Object.keys(complete) as (keyof VolunteerPatch)[]) {
      if (key in cleaned || key === 'lastNameLatin' || key === 'firstNameLatin' || key === 'birthDate' || key === 'sex') {
        (changed as Record<string, unknown>)[key] = complete[key];
      }
    }
    updateReplicated(ctx.stamp(), 'volunteers', id, toRow(changed));
    return { id };
  },

  'volunteers.setStatus': ({ id: asked, status, reason, note }, ctx) => {
    const id = live(ctx, asked);
    loadRow(ctx, id);
    setVolunteerStatus(ctx.stamp(), id, status, { reason, note });
    return { ok: true };
  },

  /** Erasure of the person: see erase.ts. */
  'volunteers.delete': ({ id: asked }, ctx) => {
    const id = live(ctx, asked);
    loadRow(ctx, id);
    assertMayChange(ctx.db, 'volunteers', id);
    erasePerson(ctx.stamp(), id);
    // The record id only: the name is what was erased.
    auditAct(ctx, 'volunteer.erased', id);
    ctx.afterCommit(() => checkpointAfterErasure(ctx.db));
    return { ok: true };
  },

  'volunteers.checkIin': ({ iin, exceptId }, ctx) => {
    // The input schema already refused invalid IINs, so the facts are there.
    const facts = iinFacts(iin) as IinFacts;
    countIinLookups(ctx, 'volunteers.checkIin', [iin]);
    return { birthDate: facts.birthDate, sex: facts.sex, holder: iinHolder(ctx.db, iin, exceptId) };
  },
};

import { z } from 'zod';
import { OFFICE_CODES } from '../domain/regions';
import { AREAS, BULK_DEACTIVATION_REASONS, SKILLS, VOLUNTEER_STATUSES } from '../domain/vocabulary';
import { volunteerInput, volunteerPatch, volunteerRecord } from '../domain/volunteer';
import { deactivationFields, iinField } from '../domain/volunteer';
import { isoDate } from '../domain/text';
import { call, idOnly, ok } from './call';

export const VOLUNTEER_SORTS = ['name', 'birthDate', 'region', 'updatedAt'] as const;

/** One row of the roster table: only what the table shows. */
export const volunteerRow = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  iin: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  status: z.enum(VOLUNTEER_STATUSES),
  skills: z.array(z.string()),
});
export type VolunteerRow = z.infer<typeof volunteerRow>;

export const volunteerQuery = z.strictObject({
  text: z.string().max(200, { error: 'error.tooLong' }).default(''),
  region: z.enum(OFFICE_CODES).optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  skill: z.enum(SKILLS).optional(),
  area: z.enum(AREAS).optional(),
  organisationId: z.string().max(64).optional(),
  /** Only people with no personal-data consent on record (imports and old lists), for follow-up. */
  consentMissing: z.boolean().optional(),
  /** Only people holding a valid qualification of this kind on `qualifiedOn` (today in Kazakhstan by default). */
  qualifiedKind: z.string().max(64).optional(),
  qualifiedOn: isoDate.optional(),
  /** Only people registered here on this date or later (Kazakhstan's calendar): the dashboard's "new this month". */
  createdFrom: isoDate.optional(),
  sort: z.enum(VOLUNTEER_SORTS).default('name'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type VolunteerQuery = z.input<typeof volunteerQuery>;

/** The roster's filters and order without paging: what the screen shows, as the export and bulk actions take it. */
export const rosterFilter = volunteerQuery.omit({ offset: true, limit: true });

/** Most people one bulk action or selection export names one by one (about the largest office's roster). */
export const BULK_LIMIT = 200_000;

const volunteerId = z.string().min(1).max(64);

/**
 * Whom a bulk action (or an export of a selection) takes: people picked by id, or everyone the
 * roster's filters match ("all N matching"), resolved in the core, less those unticked since.
 */
export const volunteerSelection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ids'), ids: z.array(volunteerId).min(1).max(BULK_LIMIT, { error: 'error.bulk.tooMany' }) }),
  z.strictObject({
    kind: z.literal('matching'),
    query: rosterFilter,
    except: z.array(volunteerId).max(BULK_LIMIT, { error: 'error.bulk.tooMany' }).default([]),
  }),
]);
export type VolunteerSelection = z.input<typeof volunteerSelection>;

/** What a bulk action does to each selected person, and its argument. */
export const bulkAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('deactivate'), reason: z.enum(BULK_DEACTIVATION_REASONS, { error: 'error.choice' }) }),
  z.strictObject({ action: z.literal('addToOrganisation'), organisationId: volunteerId }),
  z.strictObject({ action: z.literal('addSkill'), skill: z.enum(SKILLS, { error: 'error.choice' }) }),
  z.strictObject({ action: z.literal('addArea'), area: z.enum(AREAS, { error: 'error.choice' }) }),
  z.strictObject({ action: z.literal('enrol'), sessionId: volunteerId }),
  z.strictObject({ action: z.literal('assign'), shiftId: volunteerId }),
]);
export type BulkAction = z.input<typeof bulkAction>;
export type BulkActionName = BulkAction['action'];

/** One person a bulk action left as they were, and why (an `error.*` key). */
export const bulkRefusal = z.object({
  volunteerId: z.string(),
  name: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type BulkRefusal = z.infer<typeof bulkRefusal>;

/** The refusals an answer lists by name (all are counted). */
export const BULK_REFUSALS_LISTED = 1000;

export const bulkResult = z.object({
  selected: z.number(),
  changed: z.number(),
  /** Already so: inactive, a member, holding the skill, enrolled, on the shift. */
  already: z.number(),
  refused: z.number(),
  refusals: z.array(bulkRefusal),
});
export type BulkResult = z.infer<typeof bulkResult>;

export const membership = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.string().nullable(),
  since: z.string().nullable(),
});
export type Membership = z.infer<typeof membership>;

/** Which office keeps a record (its creator; null when not known) and whether this office may change it. */
export const keeping = { keptBy: z.string().nullable(), mayChange: z.boolean() };

export const volunteerCalls = {
  'volunteers.search': call({
    access: 'staff',
    writes: false,
    input: volunteerQuery,
    output: z.object({ total: z.number(), rows: z.array(volunteerRow) }),
  }),
  'volunteers.get': call({
    access: 'staff',
    writes: false,
    input: idOnly,
    output: volunteerRecord.extend({ memberships: z.array(membership), ...keeping }),
  }),
  'volunteers.create': call({ access: 'staff', writes: true, input: volunteerInput, output: z.object({ id: z.string() }) }),
  'volunteers.update': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ id: z.string().max(64), patch: volunteerPatch }),
    output: z.object({ id: z.string() }),
  }),
  /**
   * Soft deactivation (and back): the record and its history stay. Deactivating may say why
   * (`reason`, and a `note`, needed for `other`); any other status clears the reason.
   */
  'volunteers.setStatus': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({
      id: z.string().max(64),
      status: z.enum(VOLUNTEER_STATUSES),
      reason: deactivationFields.deactivationReason,
      note: deactivationFields.deactivationNote,
    }),
    output: ok,
  }),
  /** Erasure of a person's record (a tombstone that replicates). */
  'volunteers.delete': call({ access: 'coordinator', writes: true, input: idOnly, output: ok }),
  /**
   * One action on many people in one transaction: all of it or, on a failure or a cancel, none.
   * Each action needs the role its one-person call needs; a person the action cannot take
   * (kept by another office, not qualified for the shift) is refused by name, not the batch.
   */
  'volunteers.bulk': call({
    access: 'staff',
    writes: true,
    long: true,
    input: z.strictObject({ selection: volunteerSelection, do: bulkAction }),
    output: bulkResult,
  }),
  /** Live check while typing an IIN: what it encodes and whether someone already holds it. */
  'volunteers.checkIin': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ iin: iinField, exceptId: z.string().max(64).optional() }),
    output: z.object({
      birthDate: z.string(),
      sex: z.enum(['M', 'F']),
      holder: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  }),
};

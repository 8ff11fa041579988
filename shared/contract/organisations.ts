import { z } from 'zod';
import { ORGANISATION_TYPES } from '../domain/vocabulary';
import { isoDate, text } from '../domain/text';
import { organisationInput } from '../domain/organisation';
import { call, idOnly, ok, patchOf } from './call';
import { keeping } from './volunteers';

export { binField, organisationFields, organisationInput } from '../domain/organisation';

const orNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  bin: z.string().nullable(),
  type: z.enum(ORGANISATION_TYPES),
  region: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  memberCount: z.number(),
});
export type Organisation = z.infer<typeof organisation>;

export const member = z.object({
  volunteerId: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  since: z.string().nullable(),
});
export type Member = z.infer<typeof member>;

export const organisationCalls = {
  'organisations.list': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ text: z.string().max(200).default('') }),
    output: z.array(organisation),
  }),
  'organisations.get': call({
    access: 'staff',
    writes: false,
    input: idOnly,
    output: organisation.extend({ members: z.array(member), ...keeping }),
  }),
  'organisations.create': call({ access: 'staff', writes: true, input: organisationInput, output: z.object({ id: z.string() }) }),
  'organisations.update': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ id: z.string().max(64), patch: patchOf(organisationInput) }),
    output: z.object({ id: z.string() }),
  }),
  'organisations.delete': call({ access: 'coordinator', writes: true, input: idOnly, output: ok }),
  'organisations.addMember': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({
      organisationId: z.string().max(64),
      volunteerId: z.string().max(64),
      role: orNull(text(100)),
      since: orNull(isoDate),
    }),
    output: ok,
  }),
  'organisations.removeMember': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ organisationId: z.string().max(64), volunteerId: z.string().max(64) }),
    output: ok,
  }),
};

import { z } from 'zod';
import { OFFICE_CODES } from '../domain/regions';
import { ORGANISATION_TYPES } from '../domain/vocabulary';
import { email, isoDate, requiredText, text } from '../domain/text';
import { phoneField } from '../domain/volunteer';
import { call, idOnly, ok } from './call';
import { keeping } from './volunteers';

/** Business identification number: 12 digits, the same check-digit scheme as the IIN. */
export const binField = z.string().trim().regex(/^\d{12}$/, { error: 'error.bin' });

const orNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

export const organisationFields = {
  name: requiredText(300),
  bin: orNull(binField),
  type: z.enum(ORGANISATION_TYPES, { error: 'error.choice' }),
  region: orNull(z.enum(OFFICE_CODES, { error: 'error.region' })),
  contactName: orNull(text(200)),
  phone: orNull(phoneField),
  email: orNull(email),
  notes: orNull(text(2000)),
};

export const organisationInput = z.strictObject(organisationFields, { error: 'error.unknownField' });

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
    input: z.strictObject({ id: z.string().max(64), patch: organisationInput.partial() }),
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

import { z } from 'zod';
import { OFFICE_CODES } from './regions';
import { ORGANISATION_TYPES } from './vocabulary';
import { email, requiredText, text } from './text';
import { phoneField } from './volunteer';

/** Business identification number: 12 digits, the same check-digit scheme as the IIN. */
export const binField = z.string().trim().regex(/^\d{12}$/, { error: 'error.bin' });

const orNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

/** Every field an organisation record holds, as the forms and the CLI send it. */
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

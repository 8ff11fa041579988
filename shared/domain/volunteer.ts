import { z } from 'zod';
import { checkIin, normalizeIin } from './iin';
import { normalizePhone } from './phone';
import { OFFICE_CODES } from './regions';
import { AREAS, AVAILABILITY, CONSENT_BASES, DEACTIVATION_REASONS, DRIVING_CATEGORIES, LANGUAGES, SEXES, SKILLS, VOLUNTEER_STATUSES } from './vocabulary';
import { email, isoDate, pastDate, personName, text } from './text';

export const iinField = z
  .string()
  .transform((s) => normalizeIin(s))
  .superRefine((iin, ctx) => {
    const result = checkIin(iin);
    if (typeof result === 'string') ctx.addIssue({ code: 'custom', message: `error.iin.${result}` });
  });

export const phoneField = z.string().transform((raw, ctx) => {
  const phone = normalizePhone(raw);
  if (phone === null) {
    ctx.addIssue({ code: 'custom', message: 'error.phone' });
    return z.NEVER;
  }
  return phone;
});

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

/**
 * Every field a volunteer record holds, as the CLI's JSON and the forms send it.
 * Empty strings mean "no value". The names follow the design brief's CLI contract.
 */
export const volunteerFields = {
  lastName: personName(true),
  firstName: personName(true),
  middleName: optional(personName(false)),
  lastNameLatin: optional(personName(false)),
  firstNameLatin: optional(personName(false)),
  iin: optional(iinField),
  birthDate: optional(pastDate),
  sex: optional(z.enum(SEXES, { error: 'error.choice' })),
  phone: optional(phoneField),
  email: optional(email),
  region: optional(z.enum(OFFICE_CODES, { error: 'error.region' })),
  district: optional(text(100)),
  locality: optional(text(100)),
  languages: z.array(z.enum(LANGUAGES, { error: 'error.choice' })).max(LANGUAGES.length).optional(),
  skills: z.array(z.enum(SKILLS, { error: 'error.choice' })).max(SKILLS.length).optional(),
  drivingCategories: z.array(z.enum(DRIVING_CATEGORIES, { error: 'error.choice' })).max(DRIVING_CATEGORIES.length).optional(),
  areas: z.array(z.enum(AREAS, { error: 'error.choice' })).max(AREAS.length).optional(),
  availability: optional(z.enum(AVAILABILITY, { error: 'error.choice' })),
  status: z.enum(VOLUNTEER_STATUSES, { error: 'error.choice' }).optional(),
  consentDate: optional(pastDate),
  consentBasis: optional(z.enum(CONSENT_BASES, { error: 'error.choice' })),
  guardianName: optional(text(200)),
  guardianPhone: optional(phoneField),
  guardianConsentDate: optional(isoDate),
  emergencyContactName: optional(text(200)),
  emergencyContactPhone: optional(phoneField),
  notes: optional(text(2000)),
};

export const volunteerInput = z.strictObject(volunteerFields, { error: 'error.unknownField' });
export const volunteerPatch = z.strictObject(volunteerFields, { error: 'error.unknownField' }).partial();

export type VolunteerInput = z.input<typeof volunteerInput>;
export type VolunteerData = z.output<typeof volunteerInput>;
export type VolunteerPatch = z.output<typeof volunteerPatch>;

/**
 * Why a person was deactivated: set with the status (volunteers.setStatus), never by the form,
 * cleared when they are active again. A note says more; `other` needs one.
 */
export const deactivationFields = {
  deactivationReason: optional(z.enum(DEACTIVATION_REASONS, { error: 'error.choice' })),
  deactivationNote: optional(text(200)),
};

/** The stored record as the core returns it. */
export const volunteerRecord = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastNameLatin: z.string().nullable(),
  firstNameLatin: z.string().nullable(),
  /** Masked (•••••••1234) for roles that may not read IINs. */
  iin: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  locality: z.string().nullable(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  drivingCategories: z.array(z.string()),
  areas: z.array(z.string()),
  availability: z.string().nullable(),
  status: z.enum(VOLUNTEER_STATUSES),
  consentDate: z.string().nullable(),
  consentBasis: z.string().nullable(),
  guardianName: z.string().nullable(),
  guardianPhone: z.string().nullable(),
  guardianConsentDate: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  deactivationReason: z.enum(DEACTIVATION_REASONS).nullable(),
  deactivationNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type VolunteerRecord = z.infer<typeof volunteerRecord>;

/** Age in whole years on a given day (for the guardian-consent rule for minors). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

import { fieldsOfKind } from '../../../shared/domain/replicated-table';
import { ageOn, type VolunteerRecord } from '../../../shared/domain/volunteer';
import { volunteersTable } from '../../../shared/domain/volunteer-table';
import { dateForInput, displayPhone, formatDate } from '../../ui/format';

/** Single-value fields, held as the text the user sees (dates dd.mm.yyyy, phones formatted). */
export const TEXT_FIELDS = [
  'lastName', 'firstName', 'middleName', 'lastNameLatin', 'firstNameLatin', 'iin', 'birthDate', 'sex',
  'phone', 'email', 'region', 'district', 'locality', 'availability', 'status',
  'consentDate', 'consentBasis', 'guardianName', 'guardianPhone', 'guardianConsentDate',
  'emergencyContactName', 'emergencyContactPhone', 'notes',
] as const;
export const LIST_FIELDS = ['languages', 'skills', 'drivingCategories', 'areas'] as const;

/** Fields shown and typed as dd.mm.yyyy, and phones shown formatted, as the volunteers table declares them. */
const DATE_FIELDS = fieldsOfKind(volunteersTable, 'date');
const PHONE_FIELDS = fieldsOfKind(volunteersTable, 'phone');

export type TextField = (typeof TEXT_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type VolunteerFormValues = Record<TextField, string> & Record<ListField, string[]>;

/** IINs the user may not read come masked (••••••••1234); the form never holds or sends those. */
export const isMaskedIin = (iin: string | null) => !!iin && !/^\d+$/.test(iin);

export function emptyValues(officeRegion: string): VolunteerFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>;
  return { ...values, region: officeRegion, status: 'active', languages: [], skills: [], drivingCategories: [], areas: [] };
}

export function valuesFromRecord(record: VolunteerRecord): VolunteerFormValues {
  const values = {} as Record<TextField, string>;
  for (const field of TEXT_FIELDS) {
    const stored = record[field] ?? '';
    values[field] = DATE_FIELDS.has(field) ? formatDate(stored) : PHONE_FIELDS.has(field) ? displayPhone(stored) : stored;
  }
  if (isMaskedIin(record.iin)) values.iin = '';
  return {
    ...values,
    languages: record.languages,
    skills: record.skills,
    drivingCategories: record.drivingCategories,
    areas: record.areas,
  };
}

/**
 * What the shared schema reads: typed dates become ISO, empty text means "no value".
 * The schema itself then judges every field, exactly as the core will.
 */
export function inputFromValues(values: VolunteerFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) input[field] = DATE_FIELDS.has(field) ? dateForInput(values[field]) : values[field];
  for (const field of LIST_FIELDS) input[field] = values[field];
  return input;
}

/** The fields whose value differs from when the form opened: an edit sends only these. */
export function changedFields(initial: VolunteerFormValues, current: VolunteerFormValues): (TextField | ListField)[] {
  const before = inputFromValues(initial);
  const after = inputFromValues(current);
  return [...TEXT_FIELDS, ...LIST_FIELDS].filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** Whether a typed birth date makes the person a minor today (guardian consent is then required). */
export function isMinor(birthDateText: string, today = new Date()): boolean {
  const iso = dateForInput(birthDateText);
  // The same rule and clock (UTC day) as the core's guardian check.
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && ageOn(iso, today.toISOString().slice(0, 10)) < 18;
}

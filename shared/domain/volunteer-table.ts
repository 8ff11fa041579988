import { defineTable } from './replicated-table';
import { deactivationFields, volunteerPatch } from './volunteer';
import { AREAS, AVAILABILITY, CONSENT_BASES, DEACTIVATION_REASONS, DRIVING_CATEGORIES, LANGUAGES, SEXES, SKILLS, VOLUNTEER_STATUSES } from './vocabulary';

/** Volunteers as a replicated table: a person's record, merged when registered twice, erased on request. */
export const volunteersTable = defineTable({
  label: 'exchange.table.volunteers',
  labels: 'volunteer',
  fields: {
    last_name: { kind: 'name' },
    first_name: { kind: 'name' },
    middle_name: { kind: 'name' },
    last_name_latin: { kind: 'name' },
    first_name_latin: { kind: 'name' },
    iin: { kind: 'iin' },
    birth_date: { kind: 'date' },
    sex: { kind: 'enum', vocab: 'sex', codes: SEXES },
    phone: { kind: 'phone' },
    email: { kind: 'email' },
    region: { kind: 'region' },
    district: { kind: 'text' },
    locality: { kind: 'text' },
    languages: { kind: 'list', vocab: 'language', codes: LANGUAGES },
    skills: { kind: 'list', vocab: 'skill', codes: SKILLS },
    // Category codes (A, B, BE …) read the same in every language.
    driving_categories: { kind: 'list', codes: DRIVING_CATEGORIES },
    areas: { kind: 'list', vocab: 'area', codes: AREAS },
    availability: { kind: 'enum', vocab: 'availability', codes: AVAILABILITY },
    status: { kind: 'enum', vocab: 'status', codes: VOLUNTEER_STATUSES },
    consent_date: { kind: 'date' },
    consent_basis: { kind: 'enum', vocab: 'consentBasis', codes: CONSENT_BASES },
    guardian_name: { kind: 'text' },
    guardian_phone: { kind: 'phone' },
    guardian_consent_date: { kind: 'date' },
    emergency_contact_name: { kind: 'text' },
    emergency_contact_phone: { kind: 'phone' },
    notes: { kind: 'text' },
    // Migration 0012: why the person was deactivated, set and cleared with the status.
    deactivation_reason: { kind: 'enum', vocab: 'deactivationReason', codes: DEACTIVATION_REASONS },
    deactivation_note: { kind: 'text' },
  },
  labelFields: ['last_name', 'first_name', 'middle_name'],
  unnamed: 'exchange.conflicts.erasedPerson',
  namedAlone: true,
  mergeable: true,
  values: volunteerPatch.extend(deactivationFields),
  unique: { iin: 'error.iin.taken' },
  // The name columns are NOT NULL, and an erased record stays an inactive tombstone.
  erasure: { last_name: '', first_name: '', status: 'inactive' },
  history: true,
  notFound: 'error.volunteerNotFound',
  screen: 'volunteer',
});

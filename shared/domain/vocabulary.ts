/** Closed lists of the volunteer model. Their labels live in the translation files under `vocab.*`. */
export const VOLUNTEER_STATUSES = ['candidate', 'active', 'inactive'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const SEXES = ['M', 'F'] as const;

export const SKILLS = [
  'firstAid', 'rescue', 'driving', 'medical', 'psychology', 'translation', 'it',
  'cooking', 'logistics', 'photoVideo', 'signLanguage', 'teaching',
] as const;
export type Skill = (typeof SKILLS)[number];

export const AREAS = [
  'emergency', 'searchRescue', 'social', 'animals', 'environment', 'events', 'education', 'health',
] as const;
export type Area = (typeof AREAS)[number];

export const LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ug', 'de', 'tr', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DRIVING_CATEGORIES = ['A', 'B', 'C', 'D', 'BE', 'CE', 'DE'] as const;

export const AVAILABILITY = ['anytime', 'weekdays', 'weekends', 'evenings', 'emergencyOnly'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const CONSENT_BASES = ['written', 'electronic', 'guardian'] as const;

export const ORGANISATION_TYPES = ['association', 'foundation', 'studentClub', 'school', 'initiative', 'other'] as const;

export const ROLES = ['staff', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Each role includes the rights of the ones before it. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Why a person was deactivated (asked on Deactivate; `other` takes a note). */
export const DEACTIVATION_REASONS = ['movedAway', 'noLongerActive', 'ownRequest', 'deceased', 'other'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];
/** The reasons a bulk deactivation may give: "other" needs a note of its own for each person. */
export const BULK_DEACTIVATION_REASONS = DEACTIVATION_REASONS.filter((r) => r !== 'other') as [Exclude<DeactivationReason, 'other'>, ...Exclude<DeactivationReason, 'other'>[]];

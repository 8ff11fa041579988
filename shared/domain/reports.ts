/**
 * Reports: their names (the registry in electron/core/reports/registry.ts has one module per
 * name, and the compiler checks none is missing), the kinds of values their columns hold (so the
 * screen, the .xlsx and the PDF format them alike), and the age groups.
 */

export const REPORT_NAMES = [
  'hours',
  'hours-by-event',
  'social-credit',
  'activity-register',
  'volunteers-by-region',
  'volunteers-by-age',
  'volunteers-by-sex',
  'volunteers-by-area',
  'volunteers-by-organisation',
  'events-by-category',
  'trainings-by-program',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/**
 * How a column's values read: `rate` is a share 0..1 (shown as a percentage), `region` an office
 * code, `category` / `sex` / `area` / `ageGroup` a vocabulary key, `categories` several
 * category keys joined by commas, `iin` restricted data (present only for roles that may read it),
 * `group` a name rows are grouped by (an organisation's): the row of those in none reads "not given",
 * where an empty `text` cell (a person in no organisation) stays blank.
 */
export const COLUMN_TYPES = ['text', 'group', 'number', 'hours', 'rate', 'month', 'date', 'region', 'category', 'categories', 'sex', 'area', 'ageGroup', 'iin'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Age groups on the report's date: the law's minimum of 14, adulthood at 18, youth up to 35 (Law on youth policy). */
export const AGE_GROUPS = [
  { key: 'under14', from: 0, to: 13 },
  { key: '14-17', from: 14, to: 17 },
  { key: '18-24', from: 18, to: 24 },
  { key: '25-35', from: 25, to: 35 },
  { key: '36-59', from: 36, to: 59 },
  { key: '60plus', from: 60, to: 200 },
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number]['key'] | 'unknown';

/** Students' social credit: verified hours in a calendar year count up to 70; 20 and 50 are the thresholds. */
export const SOCIAL_CREDIT = { cap: 70, thresholds: [50, 20] } as const;

/** A region whose last bundle is older than this many days is stale (its figures may be out of date). */
export const STALE_AFTER_DAYS = 14;

import { z } from 'zod';
import { OFFICE_CODES } from '../domain/regions';
import { COLUMN_TYPES, REPORT_NAMES } from '../domain/reports';
import { isoDate } from '../domain/text';
import { call, empty } from './call';
import { generatedFile } from './files';

/**
 * Reports and the office dashboard. Everyone signed in reads them (aggregates); the rows that name
 * people carry the IIN only for roles that may read it (coordinators and administrators), and
 * erased people are counted without a name. The arithmetic is SQL in electron/core/reports/.
 */

const region = z.enum(OFFICE_CODES, { error: 'error.reports.region' });

/**
 * A report's date: a real calendar date of the years the office's records can hold. Outside them
 * a period means nothing to count, and the arithmetic of months and Kazakhstan's midnights would
 * have to handle years before 1000 and after 9999 (0001-01-01..9999-12-31 once crashed it).
 */
export const REPORT_YEARS = { first: 1900, last: 2099 } as const;
const wellFormed = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
const reportDate = isoDate.refine((d) => !wellFormed(d) || (d >= `${REPORT_YEARS.first}-01-01` && d <= `${REPORT_YEARS.last}-12-31`), { error: 'error.reports.dateRange' });

const queryShape = {
  name: z.enum(REPORT_NAMES, { error: 'error.reports.unknown' }),
  /** Calendar dates, both included; by default 1 January of this year to today (Kazakhstan's date). */
  from: reportDate.optional(),
  to: reportDate.optional(),
  /** An office code: only what belongs to that region. */
  region: region.optional(),
};

/** A period that ends before it starts is a typing slip: refused, not answered with an empty report. */
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const periodInOrder = { error: 'error.reports.periodOrder', path: ['to'] };

export const reportQuery = z.strictObject(queryShape, { error: 'error.unknownField' }).refine(inOrder, periodInOrder);
export type ReportQuery = z.input<typeof reportQuery>;

const value = z.union([z.string(), z.number(), z.null()]);
export const reportColumn = z.object({ key: z.string(), type: z.enum(COLUMN_TYPES) });
export type ReportColumn = z.infer<typeof reportColumn>;

/** A note a figure carries (a translation key and its parameters), e.g. that some regions are stale. */
export const reportNote = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type ReportNote = z.infer<typeof reportNote>;

export const reportResult = z.object({
  name: z.enum(REPORT_NAMES),
  from: z.string(),
  to: z.string(),
  region: z.string().nullable(),
  columns: z.array(reportColumn),
  rows: z.array(z.record(z.string(), value)),
  totals: z.record(z.string(), z.number().nullable()),
  notes: z.array(reportNote),
});
export type ReportResult = z.infer<typeof reportResult>;

export const DASHBOARD_FIGURES = [
  'activeVolunteers', 'newThisMonth', 'verifiedHoursMonth', 'verifiedHoursYear', 'unverifiedHours', 'trainingsHeld', 'trainingsPassed',
  'upcomingEvents', 'staffingGaps', 'expiringQualifications', 'entriesWaiting', 'openConflicts', 'likelyDuplicates',
] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

/**
 * One figure of the dashboard, and whether this user may open the list behind it (the core knows
 * roles, the renderer knows where each list is and how to filter it to what the figure counts).
 */
export const figure = z.object({ key: z.enum(DASHBOARD_FIGURES), value: z.number().nullable(), mayOpen: z.boolean() });
export type Figure = z.infer<typeof figure>;

/** When a region's last bundle arrived here and what it carried (records per table). */
export const freshness = z.object({
  region: z.string(),
  lastBundleAt: z.string().nullable(),
  rows: z.number(),
  carried: z.record(z.string(), z.number()),
  daysSilent: z.number().nullable(),
  stale: z.boolean(),
});
export type Freshness = z.infer<typeof freshness>;

export const dashboard = z.object({
  office: z.string(),
  /** Kazakhstan's date the figures were counted on. */
  on: z.string(),
  figures: z.array(figure),
  /** At the centre: the same figures per region (those counted per region), side by side. */
  regions: z.array(z.object({ region: z.string(), figures: z.record(z.string(), z.number().nullable()) })),
  freshness: z.array(freshness),
  notes: z.array(reportNote),
});
export type Dashboard = z.infer<typeof dashboard>;

export const reportCalls = {
  'reports.list': call({ access: 'staff', writes: false, input: empty, output: z.array(z.enum(REPORT_NAMES)) }),
  'reports.run': call({ access: 'staff', writes: false, input: reportQuery, output: reportResult }),
  'reports.export': call({
    access: 'staff',
    writes: false,
    long: true,
    input: z
      .strictObject({ ...queryShape, format: z.enum(['xlsx', 'pdf']), lang: z.enum(['kk', 'ru', 'en']).default('ru') }, { error: 'error.unknownField' })
      .refine(inOrder, periodInOrder),
    output: generatedFile.extend({ rows: z.number() }),
  }),
  /** Every figure but likely duplicates (null there): that one scans everyone's names and comes apart. */
  /**
   * The runtime's timer: recounts up to `months` stale monthly sums of the hours ledger (each its
   * own short write), so reports over a year read monthly sums, not a million entries. Public
   * because it runs with no one signed in; it changes no figure, only how fast figures come.
   */
  'reports.refreshTotals': call({
    access: 'public',
    writes: true,
    input: z.strictObject({ months: z.number().int().min(1).max(24).default(2) }),
    output: z.object({ refreshed: z.number(), stale: z.number() }),
  }),
  'dashboard.office': call({ access: 'staff', writes: false, input: empty, output: dashboard }),
  /** How many likely duplicates there are: a scan of the whole roster (seconds at national scale), so the screen asks after the rest. */
  'dashboard.duplicates': call({ access: 'staff', writes: false, input: empty, output: z.object({ count: z.number() }) }),
};

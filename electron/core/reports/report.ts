import type { ReportColumn, ReportNote } from '../../../shared/contract/reports';
import { addDays, startOfDayInKazakhstan, todayInKazakhstan } from '../../../shared/domain/trainings';
import type { ReadDb } from '../db/read-only';

/**
 * What every report module is: its columns and one function that counts, in SQL, for a period and
 * a region. The registry (registry.ts) lists one module per report name.
 */

export interface Period {
  /** Calendar dates, both included. */
  from: string;
  to: string;
  /** An office code, or null for everything the database holds. */
  region: string | null;
}

/** Who reads the report: the IIN is restricted data (coordinators and administrators). */
export interface Viewer {
  readsIin: boolean;
}

export type Cell = string | number | null;
export type ReportRow = Record<string, Cell>;

export interface Counted {
  rows: ReportRow[];
  totals: Record<string, number | null>;
  notes?: ReportNote[];
}

export interface ReportModule {
  columns(viewer: Viewer): ReportColumn[];
  count(db: ReadDb, period: Period, viewer: Viewer): Counted;
}

/** The period a query names, or by default 1 January of this year (Kazakhstan's date) to today. */
export function periodOf(q: { from?: string; to?: string; region?: string }, now: Date): Period {
  const today = todayInKazakhstan(now);
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  return { from: q.from ?? `${to.slice(0, 4)}-01-01`, to, region: q.region ?? null };
}

/**
 * The instants (as stored: ISO UTC) a period's first and past-last Kazakhstan midnights fall on,
 * to compare with `created_at` stamps. Kazakhstan is UTC+5 all year.
 */
export function instantsOf(period: { from: string; to: string }): { start: string; end: string } {
  return { start: startOfDayInKazakhstan(period.from), end: startOfDayInKazakhstan(addDays(period.to, 1)) };
}

/** Hours and sums to two decimals (entries are quarters, sums of many floats drift). */
export const round2 = (n: number | null): number => Math.round((n ?? 0) * 100) / 100;

/**
 * A share 0..1 to three decimals, a tenth of a percent: the precision the screen and the files show.
 * Rounded once, from the true share: four decimals rounded again for display made 184 of 470
 * (39.149 %) read 39.2 %. Null when there is nothing to divide by (never NaN, never > 1 for a part of a whole).
 */
export function rate(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round(Math.min(Math.max(part / whole, 0), 1) * 1000) / 1000;
}

/** SQL: `AND expr = ?` when the period names a region, with its parameter. */
export function regionFilter(expr: string, period: Period): { sql: string; params: string[] } {
  return period.region === null ? { sql: '', params: [] } : { sql: ` AND ${expr} = ?`, params: [period.region] };
}

/** The same for queries that name their parameters: `AND expr = @region`. */
export function namedRegionFilter(expr: string, period: Period): { sql: string; params: { region?: string } } {
  return period.region === null ? { sql: '', params: {} } : { sql: ` AND ${expr} = @region`, params: { region: period.region } };
}

/**
 * SQL: the period's condition and the region's, each ` AND …`, with their parameters in that
 * order (so the dates' condition stands before the region's in the query). `dated` is the date
 * column that falls within the period, or a record's first and last dates, which overlap it.
 */
export function periodFilter(period: Period, dated: string | { start: string; end: string }, region: string): { dates: string; region: string; params: string[] } {
  const dates = typeof dated === 'string'
    ? { sql: ` AND ${dated} >= ? AND ${dated} <= ?`, params: [period.from, period.to] }
    : { sql: ` AND ${dated.start} <= ? AND ${dated.end} >= ?`, params: [period.to, period.from] };
  const place = regionFilter(region, period);
  return { dates: dates.sql, region: place.sql, params: [...dates.params, ...place.params] };
}

/**
 * SQL: volunteer `v` was erased (a tombstone that is not the merged-away copy of someone else).
 * Erased people are counted but never named.
 */
export const ERASED_SQL = `(v.deleted = 1 AND NOT EXISTS (SELECT 1 FROM merges m WHERE m.tbl = 'volunteers' AND m.loser_id = v.id AND m.deleted = 0))`;

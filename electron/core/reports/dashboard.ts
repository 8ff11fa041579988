import { DASHBOARD_FIGURES, type Dashboard, type DashboardFigure, type Figure } from '../../../shared/contract/reports';
import { localDateTimeAt } from '../../../shared/domain/events';
import { OPEN_PLACES_SQL, UPCOMING_SQL } from '../events/planning';
import { heldBetweenSql } from '../trainings/sessions';
import { addDays, todayInKazakhstan } from '../../../shared/domain/trainings';
import type { Role } from '../../../shared/domain/vocabulary';
import { roleAtLeast } from '../../../shared/domain/vocabulary';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { readOffice } from '../office/identity';
import { hoursByMonth, ledgerSpan, type MonthHours } from './hour-months';
import { REGION_CODES, isCentre, regionFreshness, staleNote } from './freshness';
import { instantsOf } from './report';

/**
 * The office dashboard: what the office holds at a glance, each figure with whether the user may
 * open the list behind it. Each regional figure is one SQL query grouped by region, so the centre's
 * per-region columns and its national figure come from the same rows (the national figure is
 * their sum, those without a region included). Conflicts and likely duplicates are this office's
 * own review lists, not a region's.
 */

type ByRegion = Map<string | null, number>;

interface Dates {
  today: string;
  now: string;
  monthStart: string;
  yearStart: string;
  in30: string;
}

/** Each regional figure: SQL giving (region, value) rows. */
const REGIONAL: Partial<Record<DashboardFigure, (d: Dates) => { sql: string; params: unknown[] }>> = {
  // The indexes are named (migration 0018): without statistics the planner walks the region index through every row.
  activeVolunteers: () => ({ sql: "SELECT v.region, count(*) FROM volunteers v INDEXED BY volunteers_live_status_region WHERE v.deleted = 0 AND v.status = 'active' GROUP BY 1", params: [] }),
  newThisMonth: (d) => ({
    sql: 'SELECT v.region, count(*) FROM volunteers v INDEXED BY volunteers_live_created WHERE v.deleted = 0 AND v.created_at >= ? GROUP BY 1',
    params: [instantsOf({ from: d.monthStart, to: d.today }).start],
  }),
  trainingsHeld: (d) => ({
    sql: `SELECT ts.office, count(*) FROM training_sessions ts WHERE ts.deleted = 0 AND ${heldBetweenSql('ts')} GROUP BY 1`,
    params: [d.yearStart, d.today],
  }),
  trainingsPassed: (d) => ({
    sql: `SELECT ts.office, count(*) FROM training_sessions ts JOIN enrolments en ON en.session_id = ts.id AND en.deleted = 0 AND en.result = 'passed'
          WHERE ts.deleted = 0 AND ${heldBetweenSql('ts')} GROUP BY 1`,
    params: [d.yearStart, d.today],
  }),
  // The same conditions as the events list's "upcoming" and "places to fill" filters, which these figures open.
  upcomingEvents: (d) => ({ sql: `SELECT e.region, count(*) FROM events e WHERE e.deleted = 0 AND ${UPCOMING_SQL} GROUP BY 1`, params: [d.today] }),
  // Places still to fill on shifts not yet started.
  staffingGaps: (d) => ({
    sql: `SELECT e.region, sum(${OPEN_PLACES_SQL})
          FROM events e JOIN shifts s ON s.event_id = e.id AND s.deleted = 0
          WHERE e.deleted = 0 AND ${UPCOMING_SQL} AND s.start_at >= ? GROUP BY 1`,
    params: [d.today, d.now],
  }),
  // Valid today and ending within 30 days, unless the person already holds the same kind for longer.
  expiringQualifications: (d) => ({
    // Qualifications first, by their end date (CROSS JOIN keeps that order): a few, not every person.
    sql: `SELECT v.region, count(*) FROM qualifications q INDEXED BY qualifications_live_until CROSS JOIN volunteers v ON v.id = q.volunteer_id AND v.deleted = 0
          WHERE q.deleted = 0 AND q.valid_until >= ? AND q.valid_until <= ? AND q.valid_from <= ?
            AND NOT EXISTS (SELECT 1 FROM qualifications r WHERE r.volunteer_id = q.volunteer_id AND r.kind_id = q.kind_id AND r.deleted = 0
                            AND (r.valid_until IS NULL OR r.valid_until > q.valid_until))
          GROUP BY 1`,
    params: [d.today, d.in30, d.today],
  }),
};

/**
 * The role the list behind each figure needs: a user who cannot open it gets the figure without a
 * link. Where the list is and how it is filtered is the renderer's business.
 */
const LIST_ROLE: Record<DashboardFigure, Role> = {
  activeVolunteers: 'staff',
  newThisMonth: 'staff',
  verifiedHoursMonth: 'staff',
  verifiedHoursYear: 'staff',
  unverifiedHours: 'staff',
  entriesWaiting: 'staff',
  trainingsHeld: 'staff',
  trainingsPassed: 'staff',
  upcomingEvents: 'staff',
  staffingGaps: 'staff',
  expiringQualifications: 'staff',
  openConflicts: 'coordinator',
  likelyDuplicates: 'coordinator',
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function byRegion(db: ReadDb, query: { sql: string; params: unknown[] }): ByRegion {
  const rows = prepared(db, query.sql).raw().all(...query.params) as [string | null, number | null][];
  return new Map(rows.map(([region, value]) => [region, round2(value ?? 0)]));
}

function datesOf(now: Date): Dates {
  const today = todayInKazakhstan(now);
  return { today, now: localDateTimeAt(now), monthStart: `${today.slice(0, 7)}-01`, yearStart: `${today.slice(0, 4)}-01-01`, in30: addDays(today, 30) };
}

/** Verified hours per region, summed from monthly rows (hour-months.ts). */
function verifiedByRegion(rows: MonthHours[]): ByRegion {
  const out: ByRegion = new Map();
  for (const r of rows) out.set(r.region, (out.get(r.region) ?? 0) + r.verified);
  for (const [region, hours] of out) out.set(region, round2(hours));
  return out;
}

/** Hours and entries waiting for verification per region, whatever their date: from the monthly sums too. */
function waitingByRegion(db: ReadDb): { hours: ByRegion; entries: ByRegion } {
  const hours: ByRegion = new Map();
  const entries: ByRegion = new Map();
  const span = ledgerSpan(db);
  for (const r of span ? hoursByMonth(db, span.from, span.to) : []) {
    if (r.waiting === 0) continue;
    hours.set(r.region, (hours.get(r.region) ?? 0) + r.hours - r.verified);
    entries.set(r.region, (entries.get(r.region) ?? 0) + r.waiting);
  }
  for (const [region, sum] of hours) hours.set(region, round2(sum));
  return { hours, entries };
}

export function officeDashboard(db: ReadDb, role: Role, now: Date): Dashboard {
  const dates = datesOf(now);
  const office = readOffice(db)?.code ?? '';
  const waiting = waitingByRegion(db);
  // The year so far, read once: this month's figure is its last month.
  const year = hoursByMonth(db, dates.yearStart, dates.today);
  const regional: (readonly [DashboardFigure, ByRegion])[] = [
    ...Object.entries(REGIONAL).map(([key, query]) => [key as DashboardFigure, byRegion(db, query(dates))] as const),
    ['verifiedHoursMonth', verifiedByRegion(year.filter((r) => r.month === dates.monthStart.slice(0, 7)))],
    ['verifiedHoursYear', verifiedByRegion(year)],
    ['unverifiedHours', waiting.hours],
    ['entriesWaiting', waiting.entries],
  ];
  const values = new Map<DashboardFigure, number | null>(regional.map(([key, rows]) => [key, round2([...rows.values()].reduce((s, v) => s + v, 0))]));
  values.set('openConflicts', prepared(db, 'SELECT count(*) FROM conflicts WHERE resolved_at IS NULL').pluck().get() as number);
  // Likely duplicates: `dashboard.duplicates` (a scan of every name), asked for apart.
  values.set('likelyDuplicates', null);
  const figures: Figure[] = DASHBOARD_FIGURES.map((key) => ({ key, value: values.get(key) ?? null, mayOpen: roleAtLeast(role, LIST_ROLE[key]) }));
  const centre = isCentre(office);
  return {
    office,
    on: dates.today,
    figures,
    regions: centre
      ? REGION_CODES.map((region) => ({ region, figures: Object.fromEntries(regional.map(([key, rows]) => [key, rows.get(region) ?? 0])) }))
      : [],
    freshness: centre ? regionFreshness(db, now) : [],
    notes: staleNote(db, office, null, now),
  };
}

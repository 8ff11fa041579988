import { prepared } from '../db/statements';
import { COUNTED_SQL } from '../events/ledger';
import { namedRegionFilter, periodFilter, round2, type ReportModule } from './report';

/**
 * Hours from the ledger (counted entries only: a corrected entry counts once, as corrected). An
 * entry belongs to its event's region, and an entry outside any event to its person's region; its
 * category is its own, else its event's. Periods cut by the entry's date, so a shift that ends
 * after midnight on the 1st counts in the month it started (the ledger dates it so).
 */
const VERIFIED_SUM = 'sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END)';

/**
 * SQL: the live entries that do not count (a live correction replaced them, or they are a
 * correction that lost to a concurrent one): few, found through the corrections' index, so a
 * scan of many entries skips them by number instead of asking about each entry. The index is
 * named: without statistics the planner otherwise builds a throwaway index over every entry.
 */
const NOT_COUNTED_SQL = `SELECT o.seq FROM hour_entries o WHERE o.deleted = 0 AND o.id IN (SELECT c.corrects_id FROM hour_entries c WHERE c.corrects_id IS NOT NULL AND c.deleted = 0)
  UNION SELECT k.seq FROM hour_entries k INDEXED BY hour_entries_corrects WHERE k.corrects_id IS NOT NULL AND k.deleted = 0
    AND EXISTS (SELECT 1 FROM hour_entries s INDEXED BY hour_entries_corrects WHERE s.corrects_id = k.corrects_id AND s.deleted = 0 AND s.id > k.id)`;

/**
 * SQL (a WITH clause, parameters @from and @to): `days(day, region, category, hours, verified,
 * entries)`, the counted hours of the period per day, region and category. Entries are summed
 * per day in the order the covering indexes of migration 0015 hold them (events' entries per
 * event, hours typed by hand per person), and only those sums look up their event's or person's
 * region: a year of two million entries is one pass over an index.
 */
export const DAYS_SQL = `WITH skip(seq) AS MATERIALIZED (${NOT_COUNTED_SQL}),
  of_events AS (
    SELECT h.entry_date AS day, h.event_id AS event_id, h.category AS category, sum(h.hours) AS hours,
      sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries
    FROM hour_entries h WHERE h.deleted = 0 AND h.event_id IS NOT NULL AND h.entry_date >= @from AND h.entry_date <= @to AND h.seq NOT IN skip
    GROUP BY 1, 2, 3),
  by_hand AS (
    SELECT h.entry_date AS day, h.volunteer_id AS volunteer_id, h.category AS category, sum(h.hours) AS hours,
      sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries
    FROM hour_entries h WHERE h.deleted = 0 AND h.event_id IS NULL AND h.entry_date >= @from AND h.entry_date <= @to AND h.seq NOT IN skip
    GROUP BY 1, 2, 3),
  days AS (
    SELECT x.day, e.region AS region, COALESCE(x.category, e.category) AS category, x.hours, x.verified, x.entries FROM of_events x LEFT JOIN events e ON e.id = x.event_id
    UNION ALL
    SELECT y.day, v.region, y.category, y.hours, y.verified, y.entries FROM by_hand y LEFT JOIN volunteers v ON v.id = y.volunteer_id)`;

/** SQL: counted entries waiting for verification, summed per region (all dates), through the small index of those waiting. */
export const WAITING_SQL = `WITH skip(seq) AS MATERIALIZED (${NOT_COUNTED_SQL}),
  waiting AS (
    SELECT h.event_id AS event_id, CASE WHEN h.event_id IS NULL THEN h.volunteer_id END AS volunteer_id, sum(h.hours) AS hours, count(*) AS entries
    FROM hour_entries h WHERE h.deleted = 0 AND h.verified_at IS NULL AND h.seq NOT IN skip GROUP BY 1, 2)
  SELECT COALESCE(e.region, v.region) AS region, sum(w.hours) AS hours, sum(w.entries) AS entries
  FROM waiting w LEFT JOIN events e ON e.id = w.event_id LEFT JOIN volunteers v ON v.id = w.volunteer_id GROUP BY 1`;

interface HoursRow {
  month: string;
  region: string | null;
  category: string | null;
  hours: number;
  verifiedHours: number;
  entries: number;
}

/** `hours`: by month, region and category (the fixed report scripts read: totals.hours, totals.verifiedHours). */
export const hoursReport: ReportModule = {
  columns: () => [
    { key: 'month', type: 'month' }, { key: 'region', type: 'region' }, { key: 'category', type: 'category' },
    { key: 'hours', type: 'hours' }, { key: 'verifiedHours', type: 'hours' }, { key: 'entries', type: 'number' },
  ],
  count(db, period) {
    const region = namedRegionFilter('region', period);
    const rows = prepared(
      db,
      `${DAYS_SQL}
       SELECT substr(day, 1, 7) AS month, region, category, sum(hours) AS hours, sum(verified) AS verifiedHours, sum(entries) AS entries
       FROM days WHERE 1 = 1${region.sql} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ).all({ from: period.from, to: period.to, ...region.params }) as HoursRow[];
    const sum = (k: 'hours' | 'verifiedHours' | 'entries') => rows.reduce((s, r) => s + r[k], 0);
    return {
      rows: rows.map((r) => ({ ...r, hours: round2(r.hours), verifiedHours: round2(r.verifiedHours) })),
      totals: { hours: round2(sum('hours')), verifiedHours: round2(sum('verifiedHours')), entries: sum('entries') },
    };
  },
};

interface EventHoursRow {
  eventId: string;
  event: string | null;
  category: string | null;
  region: string | null;
  hours: number;
  verifiedHours: number;
  volunteers: number;
}

/** `hours-by-event`: hours per event (entries outside any event are left out), most hours first. */
export const hoursByEventReport: ReportModule = {
  columns: () => [
    { key: 'event', type: 'text' }, { key: 'category', type: 'category' }, { key: 'region', type: 'region' },
    { key: 'hours', type: 'hours' }, { key: 'verifiedHours', type: 'hours' }, { key: 'volunteers', type: 'number' },
  ],
  count(db, period) {
    const where = periodFilter(period, 'h.entry_date', 'e.region');
    const rows = prepared(
      db,
      `SELECT h.event_id AS eventId, e.title AS event, e.category AS category, e.region AS region,
         sum(h.hours) AS hours, ${VERIFIED_SUM} AS verifiedHours, count(DISTINCT h.volunteer_id) AS volunteers
       FROM hour_entries h JOIN events e ON e.id = h.event_id
       WHERE h.event_id IS NOT NULL${where.dates} AND ${COUNTED_SQL}${where.region}
       GROUP BY h.event_id ORDER BY hours DESC, e.title, h.event_id`,
    ).all(...where.params) as EventHoursRow[];
    return {
      rows: rows.map((r) => ({ ...r, hours: round2(r.hours), verifiedHours: round2(r.verifiedHours) })),
      totals: {
        events: rows.length,
        hours: round2(rows.reduce((s, r) => s + r.hours, 0)),
        verifiedHours: round2(rows.reduce((s, r) => s + r.verifiedHours, 0)),
      },
    };
  },
};

import { prepared } from '../db/statements';
import { COUNTED_SQL } from '../events/ledger';
import { regionFilter, round2, type ReportModule } from './report';

/**
 * Hours from the ledger (counted entries only: a corrected entry counts once, as corrected). An
 * entry belongs to its event's region, and an entry outside any event to its person's region; its
 * category is its own, else its event's. Periods cut by the entry's date, so a shift that ends
 * after midnight on the 1st counts in the month it started (the ledger dates it so).
 */
export const HOURS_FROM = `FROM hour_entries h LEFT JOIN events e ON e.id = h.event_id LEFT JOIN volunteers v ON v.id = h.volunteer_id`;
export const HOURS_REGION = 'COALESCE(e.region, v.region)';
const VERIFIED_SUM = 'sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END)';

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
    const region = regionFilter(HOURS_REGION, period);
    const rows = prepared(
      db,
      `SELECT substr(h.entry_date, 1, 7) AS month, ${HOURS_REGION} AS region, COALESCE(h.category, e.category) AS category,
         sum(h.hours) AS hours, ${VERIFIED_SUM} AS verifiedHours, count(*) AS entries
       ${HOURS_FROM}
       WHERE h.entry_date >= ? AND h.entry_date <= ? AND ${COUNTED_SQL}${region.sql}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ).all(period.from, period.to, ...region.params) as HoursRow[];
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
    const region = regionFilter('e.region', period);
    const rows = prepared(
      db,
      `SELECT h.event_id AS eventId, e.title AS event, e.category AS category, e.region AS region,
         sum(h.hours) AS hours, ${VERIFIED_SUM} AS verifiedHours, count(DISTINCT h.volunteer_id) AS volunteers
       FROM hour_entries h JOIN events e ON e.id = h.event_id
       WHERE h.event_id IS NOT NULL AND h.entry_date >= ? AND h.entry_date <= ? AND ${COUNTED_SQL}${region.sql}
       GROUP BY h.event_id ORDER BY hours DESC, e.title, h.event_id`,
    ).all(period.from, period.to, ...region.params) as EventHoursRow[];
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

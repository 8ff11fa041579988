import { prepared } from '../db/statements';
import { COUNTED_SQL } from '../events/ledger';
import { hoursByMonth } from './hour-months';
import { periodFilter, round2, type ReportModule } from './report';

/**
 * Hours from the ledger (counted entries only: a corrected entry counts once, as corrected). An
 * entry belongs to its event's region, and an entry outside any event to its person's region; its
 * category is its own, else its event's. Periods cut by the entry's date, so a shift that ends
 * after midnight on the 1st counts in the month it started (the ledger dates it so).
 */
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
    // Summed from the monthly sums (hour-months.ts), then by month, region and category in order.
    const byKey = new Map<string, HoursRow>();
    for (const r of hoursByMonth(db, period.from, period.to)) {
      if (period.region !== null && r.region !== period.region) continue;
      const key = JSON.stringify([r.month, r.region, r.category]);
      const row = byKey.get(key) ?? { month: r.month, region: r.region, category: r.category, hours: 0, verifiedHours: 0, entries: 0 };
      row.hours += r.hours;
      row.verifiedHours += r.verified;
      row.entries += r.entries;
      byKey.set(key, row);
    }
    const rows = [...byKey.values()].sort((a, b) => compareKeys([a.month, a.region, a.category], [b.month, b.region, b.category]));
    const sum = (k: 'hours' | 'verifiedHours' | 'entries') => rows.reduce((s, r) => s + r[k], 0);
    return {
      rows: rows.map((r) => ({ ...r, hours: round2(r.hours), verifiedHours: round2(r.verifiedHours) })),
      totals: { hours: round2(sum('hours')), verifiedHours: round2(sum('verifiedHours')), entries: sum('entries') },
    };
  },
};

/** SQL's ORDER BY of nullable text columns: NULL first, then by code point. */
function compareKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

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

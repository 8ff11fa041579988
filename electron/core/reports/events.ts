import { HOLDING_STATUSES } from '../../../shared/domain/events';
import { prepared } from '../db/statements';
import { periodFilter, rate, type ReportModule } from './report';

/**
 * `events-by-category`: events that ran in the period (their dates overlap it), by category.
 * Fill rate: places held (invited or confirmed) against places needed, shift by shift, where a
 * shift holding more people than it needs counts as full, not more: the rate stays within 0..1.
 * No-show rate: no-shows among the people whose attendance was recorded (checked in or no-show).
 * Cancelled events are counted apart and left out of both rates.
 */

const HOLDING = HOLDING_STATUSES.map((s) => `'${s}'`).join(', ');

interface CategoryRow {
  category: string | null;
  events: number;
  cancelled: number;
  shifts: number;
  needed: number;
  filled: number;
  overfilled: number;
  checkedIn: number;
  noShows: number;
}

export const eventsByCategoryReport: ReportModule = {
  columns: () => [
    { key: 'category', type: 'category' }, { key: 'events', type: 'number' }, { key: 'cancelled', type: 'number' }, { key: 'shifts', type: 'number' },
    { key: 'needed', type: 'number' }, { key: 'filled', type: 'number' }, { key: 'fillRate', type: 'rate' },
    { key: 'checkedIn', type: 'number' }, { key: 'noShows', type: 'number' }, { key: 'noShowRate', type: 'rate' },
  ],
  count(db, period) {
    const where = periodFilter(period, { start: 'e.start_date', end: 'e.end_date' }, 'e.region');
    const rows = prepared(
      db,
      `WITH ev AS (
         SELECT e.id, e.category, e.status = 'cancelled' AS cancelled FROM events e
         WHERE e.deleted = 0${where.dates}${where.region}),
       sh AS (
         SELECT ev.id AS event_id, max(COALESCE(s.needed, 0), 0) AS needed,
           (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.deleted = 0 AND a.status IN (${HOLDING})) AS held,
           (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.deleted = 0 AND a.checked_in_at IS NOT NULL) AS checked_in,
           (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id AND a.deleted = 0 AND a.no_show = 1 AND a.checked_in_at IS NULL) AS no_shows
         FROM ev JOIN shifts s ON s.event_id = ev.id AND s.deleted = 0 WHERE NOT ev.cancelled),
       per_event AS (
         SELECT ev.category, ev.cancelled, count(sh.event_id) AS shifts, COALESCE(sum(sh.needed), 0) AS needed,
           COALESCE(sum(min(sh.held, sh.needed)), 0) AS filled, COALESCE(sum(max(sh.held - sh.needed, 0)), 0) AS overfilled,
           COALESCE(sum(sh.checked_in), 0) AS checked_in, COALESCE(sum(sh.no_shows), 0) AS no_shows
         FROM ev LEFT JOIN sh ON sh.event_id = ev.id GROUP BY ev.id)
       SELECT category, sum(NOT cancelled) AS events, sum(cancelled) AS cancelled, sum(shifts) AS shifts, sum(needed) AS needed,
         sum(filled) AS filled, sum(overfilled) AS overfilled, sum(checked_in) AS checkedIn, sum(no_shows) AS noShows
       FROM per_event GROUP BY category ORDER BY category IS NULL, category`,
    ).all(...where.params) as CategoryRow[];
    const sum = (k: keyof Omit<CategoryRow, 'category'>) => rows.reduce((s, r) => s + r[k], 0);
    return {
      rows: rows.map((r) => ({ ...r, fillRate: rate(r.filled, r.needed), noShowRate: rate(r.noShows, r.checkedIn + r.noShows) })),
      totals: {
        events: sum('events'), cancelled: sum('cancelled'), shifts: sum('shifts'), needed: sum('needed'), filled: sum('filled'), overfilled: sum('overfilled'),
        fillRate: rate(sum('filled'), sum('needed')), checkedIn: sum('checkedIn'), noShows: sum('noShows'),
        noShowRate: rate(sum('noShows'), sum('checkedIn') + sum('noShows')),
      },
    };
  },
};

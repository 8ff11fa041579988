import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';

/**
 * Counted hours by month, region and category, for any period, read mostly from monthly sums.
 *
 * Summing a year of a national ledger (a million entries) takes seconds even through a covering
 * index, and the centre's dashboard and the hours report ask for it again and again. So each
 * month's sums are kept in `hour_month_totals` (migration 0017): per event and category (the
 * event's region is read at query time), and per region and category for hours typed by hand,
 * whose region is their person's. Triggers mark a month stale whenever an entry in it is written,
 * or a person whose hours were typed by hand in it changes region; a stale month, and the part-months at the ends of a period,
 * are summed from the ledger itself. So the answer is always the ledger's, and only its speed
 * depends on how recently the runtime refreshed the sums (refreshHourMonths, on its timer).
 */

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
 * SQL (a WITH clause, parameters @from and @to): the counted entries of the period summed per day,
 * `of_events(day, event_id, category, hours, verified, entries, waiting)` and `by_hand(day, volunteer_id,
 * …)`, in the order the covering indexes of migration 0015 hold them: one pass over an index.
 */
const LEDGER_CTES = `WITH skip(seq) AS MATERIALIZED (${NOT_COUNTED_SQL}),
  of_events AS (
    SELECT h.entry_date AS day, h.event_id AS event_id, h.category AS category, sum(h.hours) AS hours,
      sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries, count(*) - count(h.verified_at) AS waiting
    FROM hour_entries h WHERE h.deleted = 0 AND h.event_id IS NOT NULL AND h.entry_date >= @from AND h.entry_date <= @to AND h.seq NOT IN skip
    GROUP BY 1, 2, 3),
  by_hand AS (
    SELECT h.entry_date AS day, h.volunteer_id AS volunteer_id, h.category AS category, sum(h.hours) AS hours,
      sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries, count(*) - count(h.verified_at) AS waiting
    FROM hour_entries h WHERE h.deleted = 0 AND h.event_id IS NULL AND h.entry_date >= @from AND h.entry_date <= @to AND h.seq NOT IN skip
    GROUP BY 1, 2, 3)`;

/**
 * The region and category an entry counts under: an event's entry is its event's region (read at
 * query time, so moving an event needs no recount), an entry typed by hand its person's; its
 * category is its own, else its event's. `sums` rows carry an event, or the person's region.
 */
const ATTRIBUTED = `SELECT x.month, CASE WHEN x.event_id IS NULL THEN x.region ELSE e.region END AS region, COALESCE(x.category, e.category) AS category,
    sum(x.hours) AS hours, sum(x.verified) AS verified, sum(x.entries) AS entries, sum(x.waiting) AS waiting
  FROM sums x LEFT JOIN events e ON e.id = x.event_id GROUP BY 1, 2, 3`;

/** SQL: the hours typed by hand of `by_hand`, per the person's region. */
const BY_HAND_REGION = `SELECT y.day, v.region AS region, y.category, y.hours, y.verified, y.entries, y.waiting FROM by_hand y LEFT JOIN volunteers v ON v.id = y.volunteer_id`;

const LIVE_SQL = `${LEDGER_CTES},
  sums AS (
    SELECT substr(day, 1, 7) AS month, event_id, NULL AS region, category, hours, verified, entries, waiting FROM of_events
    UNION ALL SELECT substr(day, 1, 7), NULL, region, category, hours, verified, entries, waiting FROM (${BY_HAND_REGION}))
  ${ATTRIBUTED}`;

const KEPT_SQL = `WITH sums AS (
    SELECT month, event_id, region, category, hours, verified, entries, waiting FROM hour_month_totals
    WHERE month >= @first AND month <= @last AND month NOT IN (SELECT month FROM hour_months_stale))
  ${ATTRIBUTED}`;

export interface MonthHours {
  month: string;
  region: string | null;
  category: string | null;
  hours: number;
  verified: number;
  entries: number;
  /** Entries not yet verified. */
  waiting: number;
}

const monthOf = (date: string) => date.slice(0, 7);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
/** The last calendar date of a month: the day before the next one's first. */
const lastDayOf = (month: string) => new Date(Date.parse(`${nextMonth(month)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Counted hours of the period (dates included) per month, region and category. */
export function hoursByMonth(db: ReadDb, from: string, to: string): MonthHours[] {
  if (from > to) return [];
  const stale = new Set(prepared(db, 'SELECT month FROM hour_months_stale WHERE month >= ? AND month <= ?').pluck().all(monthOf(from), monthOf(to)) as string[]);
  // Whole months whose sums are kept are read from them; the rest (part-months, stale months) from the ledger.
  const whole: string[] = [];
  const live: { from: string; to: string }[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = nextMonth(month)) {
    const first = `${month}-01`;
    const last = lastDayOf(month);
    if (first >= from && last <= to && !stale.has(month)) {
      whole.push(month);
      continue;
    }
    const range = { from: first < from ? from : first, to: last > to ? to : last };
    const previous = live[live.length - 1];
    if (previous && range.from === addDay(previous.to)) previous.to = range.to;
    else live.push(range);
  }
  const rows: MonthHours[] = [];
  if (whole.length > 0) rows.push(...(prepared(db, KEPT_SQL).all({ first: whole[0], last: whole[whole.length - 1] }) as MonthHours[]));
  for (const range of live) rows.push(...(prepared(db, LIVE_SQL).all(range) as MonthHours[]));
  return rows;
}

const addDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const REFRESH_SQL = `${LEDGER_CTES}
  INSERT INTO hour_month_totals (month, event_id, region, category, hours, verified, entries, waiting)
  SELECT @month, event_id, NULL, category, sum(hours), sum(verified), sum(entries), sum(waiting) FROM of_events GROUP BY 2, 4
  UNION ALL SELECT @month, NULL, region, category, sum(hours), sum(verified), sum(entries), sum(waiting) FROM (${BY_HAND_REGION}) GROUP BY 3, 4`;

/**
 * Recounts the stale months' sums from the ledger, one month per transaction (so a write waits
 * at most one month's count), oldest first; returns how many months it recounted. A month
 * written again while it is counted is marked again by the triggers after this transaction.
 */
export function refreshHourMonths(db: Db, limit = Number.POSITIVE_INFINITY): number {
  let done = 0;
  const recount = db.transaction((month: string) => {
    prepared(db, 'DELETE FROM hour_month_totals WHERE month = ?').run(month);
    prepared(db, REFRESH_SQL).run({ month, from: `${month}-01`, to: lastDayOf(month) });
    prepared(db, 'DELETE FROM hour_months_stale WHERE month = ?').run(month);
  });
  while (done < limit) {
    const month = prepared(db, 'SELECT month FROM hour_months_stale ORDER BY month LIMIT 1').pluck().get() as string | undefined;
    if (month === undefined) break;
    recount(month);
    done++;
  }
  return done;
}

/** The months the ledger holds, first to last (read from the ends of the two date indexes), or null when it is empty. */
export function ledgerSpan(db: ReadDb): { from: string; to: string } | null {
  const ends = prepared(
    db,
    `SELECT min(a), max(b) FROM (
       SELECT (SELECT min(entry_date) FROM hour_entries WHERE deleted = 0 AND event_id IS NOT NULL) AS a, (SELECT max(entry_date) FROM hour_entries WHERE deleted = 0 AND event_id IS NOT NULL) AS b
       UNION ALL SELECT (SELECT min(entry_date) FROM hour_entries WHERE deleted = 0 AND event_id IS NULL), (SELECT max(entry_date) FROM hour_entries WHERE deleted = 0 AND event_id IS NULL))`,
  ).raw().get() as [string | null, string | null];
  // Whole months, so that every month of it can be read from its sums.
  return ends[0] && ends[1] ? { from: `${monthOf(ends[0])}-01`, to: lastDayOf(monthOf(ends[1])) } : null;
}

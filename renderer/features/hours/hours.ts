import type { HourEntry, Totals } from '../../../shared/contract/events';

/** The ledger as screens show it: years from months, and each entry's correction history. */

export interface YearTotals {
  year: string;
  hours: number;
  verified: number;
  months: Totals['byMonth'];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Per-month totals folded into years, latest year first, its months in calendar order. */
export function byYear(months: Totals['byMonth']): YearTotals[] {
  const years = new Map<string, YearTotals>();
  for (const m of months) {
    const year = m.month.slice(0, 4);
    const y = years.get(year) ?? { year, hours: 0, verified: 0, months: [] };
    y.hours = round(y.hours + m.hours);
    y.verified = round(y.verified + m.verified);
    y.months.push(m);
    years.set(year, y);
  }
  return [...years.values()].sort((a, b) => (a.year < b.year ? 1 : -1));
}

/**
 * The counted entries, each with the entries it replaced (newest first): a correction names the
 * entry it corrects, which may itself have corrected another.
 */
export function withHistory(entries: readonly HourEntry[]): { entry: HourEntry; history: HourEntry[] }[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries
    .filter((e) => !e.superseded)
    .map((entry) => {
      const history: HourEntry[] = [];
      for (let before = entry.corrects ? byId.get(entry.corrects) : undefined; before && history.length < 50; before = before.corrects ? byId.get(before.corrects) : undefined) {
        history.push(before);
      }
      return { entry, history };
    });
}

/** 'YYYY-MM' as mm.yyyy, the way the profile lists months. */
export const showMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

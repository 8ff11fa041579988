/**
 * The month calendar's arithmetic, on calendar dates (YYYY-MM-DD) only: no Date objects at local
 * midnight, so a machine in any time zone draws the same weeks (Kazakhstan is UTC+5, the
 * browser may be set to anything).
 */

/** 'YYYY-MM' of a date. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

const parts = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { y, m };
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(month: string): number {
  const { y, m } = parts(month);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The month after (+1) or before (-1) this one. */
export function shiftMonth(month: string, by: number): string {
  const { y, m } = parts(month);
  const index = y * 12 + (m - 1) + by;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** 0 for Monday … 6 for Sunday: weeks start on Monday in Kazakhstan. */
function weekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export interface CalendarDay {
  iso: string;
  /** False for the days of the neighbouring months that fill the first and last weeks. */
  inMonth: boolean;
}

/** The month's weeks, Monday first, padded with the neighbouring months' days to whole weeks. */
export function monthWeeks(month: string): CalendarDay[][] {
  const first = `${month}-01`;
  const lead = weekday(first);
  const prev = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const days: CalendarDay[] = [];
  const prevDays = daysInMonth(prev);
  for (let i = lead; i > 0; i--) days.push({ iso: `${prev}-${pad(prevDays - i + 1)}`, inMonth: false });
  for (let d = 1; d <= daysInMonth(month); d++) days.push({ iso: `${month}-${pad(d)}`, inMonth: true });
  for (let d = 1; days.length % 7 !== 0; d++) days.push({ iso: `${next}-${pad(d)}`, inMonth: false });
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** The first and last day the month's grid shows (what to ask the core for). */
export function gridRange(month: string): { from: string; to: string } {
  const weeks = monthWeeks(month);
  return { from: weeks[0]![0]!.iso, to: weeks[weeks.length - 1]![6]!.iso };
}

/** The items running on a day: a session spans every day from its start to its end. */
export function onDay<T extends { start: string; end: string }>(items: readonly T[], iso: string): T[] {
  return items.filter((item) => item.start <= iso && iso <= item.end);
}

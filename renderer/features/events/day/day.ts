import type { AssignmentRow, ShiftRow } from '../../../../shared/contract/events';
import { HOLDING_STATUSES, localDateTimeAt, localMinutes } from '../../../../shared/domain/events';
import { skeletonTokens } from '../../../../shared/domain/search-key';
import { formatDate } from '../../../ui/format';

/**
 * The day's rules as the check-in screen reads them: who is on the shift, in which state, who
 * matches what was typed, which shift is "today's", and what Enter does to a person.
 */

export const DAY_STATES = ['expected', 'present', 'gone', 'missing'] as const;
export type DayState = (typeof DAY_STATES)[number];

export function dayState(a: AssignmentRow): DayState {
  if (a.checkedOutAt) return 'gone';
  if (a.checkedInAt) return 'present';
  return a.noShow ? 'missing' : 'expected';
}

/** The people the day is about: those holding a place (declined, removed and released are not expected). */
export const onTheDay = (shift: ShiftRow): AssignmentRow[] => shift.assignments.filter((a) => HOLDING_STATUSES.includes(a.status));

export function countStates(people: readonly AssignmentRow[]): Record<DayState, number> {
  const counts: Record<DayState, number> = { expected: 0, present: 0, gone: 0, missing: 0 };
  for (const a of people) counts[dayState(a)] += 1;
  return counts;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Whether a person matches the typed text: every word is part of the name (spelled any way the
 * roster search accepts: Cyrillic or Latin, Kazakh letters or not), or, typed as digits, part of
 * the IIN or the phone number.
 */
export function matches(a: Pick<AssignmentRow, 'name' | 'iin' | 'phone'>, typed: string): boolean {
  const text = typed.trim();
  if (text === '') return true;
  if (/^[\d\s+()-]+$/.test(text)) {
    const digits = digitsOf(text);
    return (a.iin ?? '').includes(digits) || digitsOf(a.phone ?? '').includes(digits);
  }
  const name = nameKey(a);
  return skeletonTokens(text).every((word) => name.includes(word));
}

/** Each row's name skeleton, worked out once per loaded row rather than on every keystroke. */
const nameKeys = new WeakMap<object, string>();
function nameKey(a: Pick<AssignmentRow, 'name'>): string {
  let key = nameKeys.get(a);
  if (key === undefined) nameKeys.set(a, (key = skeletonTokens(a.name).join(' ')));
  return key;
}

/**
 * The shift the screen opens on: the one running now, else the next to start today, else the
 * latest that started today, else the next one ahead, else the last one.
 */
export function defaultShift(shifts: readonly ShiftRow[], now: string): ShiftRow | undefined {
  const at = localMinutes(now);
  const today = now.slice(0, 10);
  const running = shifts.find((s) => localMinutes(s.start) <= at && at < localMinutes(s.end));
  if (running) return running;
  const startsToday = shifts.filter((s) => s.start.slice(0, 10) === today);
  const ahead = (list: readonly ShiftRow[]) => list.find((s) => localMinutes(s.start) > at);
  return ahead(startsToday) ?? startsToday.at(-1) ?? ahead(shifts) ?? shifts.at(-1);
}

/** What Enter does to a person in a given state (nothing for one already gone). */
export function nextMove(state: DayState): 'checkin' | 'checkout' | null {
  if (state === 'present') return 'checkout';
  return state === 'gone' ? null : 'checkin';
}

/** Now on Kazakhstan's wall clock ('YYYY-MM-DDTHH:MM'). */
export const nowInKazakhstan = () => localDateTimeAt(new Date());

/**
 * Reads a corrected time: 'HH:MM' (on the date of the time it corrects), 'dd.mm.yyyy HH:MM' or
 * 'YYYY-MM-DD HH:MM'. Returns the local date-time, or null when the text is not one.
 */
export function parseTime(text: string, onDate: string): string | null {
  const t = text.trim();
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(t);
  const local = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T]+(\d{1,2})[:.](\d{2})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2})[:.](\d{2})$/.exec(t);
  const two = (s: string) => s.padStart(2, '0');
  let value: string | null = null;
  if (time) value = `${onDate}T${two(time[1]!)}:${time[2]}`;
  else if (local) value = `${local[3]}-${two(local[2]!)}-${two(local[1]!)}T${two(local[4]!)}:${local[5]}`;
  else if (iso) value = `${iso[1]}-${two(iso[2]!)}-${two(iso[3]!)}T${two(iso[4]!)}:${iso[5]}`;
  try {
    return value !== null && localMinutes(value) >= 0 ? value : null;
  } catch {
    return null;
  }
}

/** A local date-time as the day screen shows it: the time, with the date when it is not the shift's start date. */
export function showTime(value: string | null, shiftDate: string): string {
  if (!value) return '';
  const [date, time] = value.split('T') as [string, string];
  return date === shiftDate ? time : `${formatDate(date)} ${time}`;
}

import { ageOn, daysInMonth } from './trainings';

/**
 * Events, shifts and the hours ledger, the pure rules. Shift times are local wall-clock times in
 * Kazakhstan as 'YYYY-MM-DDTHH:MM' text. The whole country is UTC+5 with no daylight saving, so a
 * local time is one fixed instant and comparisons work on minutes counted from the text alone
 * (Date.UTC only to count days): the computer's time zone cannot move a shift.
 */

export const EVENT_CATEGORIES = [
  'fire', 'flood', 'earthquake', 'search', 'socialSupport', 'animals', 'environment', 'publicEvent', 'forum', 'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/**
 * Kazakhstan's law on volunteer activity keeps minors out of emergency and hazardous work: on
 * these events nobody under 18 on the shift's date.
 */
export const EMERGENCY_CATEGORIES: readonly EventCategory[] = ['fire', 'flood', 'earthquake', 'search'];
export const isEmergency = (category: EventCategory) => EMERGENCY_CATEGORIES.includes(category);

/** planned → active → finished → closed, or cancelled. */
export const EVENT_STATUSES = ['planned', 'active', 'finished', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
/** Statuses in which nobody is assigned any more. */
export const CLOSED_EVENT_STATUSES: readonly EventStatus[] = ['closed', 'cancelled'];
/** Whether an event with this status still holds what was planned for it: people, stock, vehicles, seats. */
export const isLiveEvent = (status: string): boolean => !(CLOSED_EVENT_STATUSES as readonly string[]).includes(status);
const STATUS_ORDER: Record<EventStatus, number> = { planned: 0, active: 1, finished: 2, closed: 3, cancelled: 4 };
/** Forward only (skipping ahead allowed), or cancelled before closing. */
export function statusMayBecome(from: EventStatus, to: EventStatus): boolean {
  if (from === to) return true;
  if (from === 'closed' || from === 'cancelled') return false;
  return to === 'cancelled' || STATUS_ORDER[to] > STATUS_ORDER[from];
}

/** invited → confirmed / declined; removed (with a reason); released when the event is cancelled. */
export const ASSIGNMENT_STATUSES = ['invited', 'confirmed', 'declined', 'removed', 'released'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** The statuses that take a place on the shift. */
export const HOLDING_STATUSES: readonly AssignmentStatus[] = ['invited', 'confirmed'];

/** Why a person cannot be assigned to a shift: one reason each, the CLI's exit codes. */
export const REFUSALS = ['alreadyAssigned', 'shiftFull', 'overlap', 'unqualified', 'tooYoung', 'minorEmergency', 'inactive', 'eventClosed'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Where an hour entry came from: a shift's check-in and check-out, or typed by hand. */
export const HOUR_SOURCES = ['shift', 'manual'] as const;
export type HourSource = (typeof HOUR_SOURCES)[number];

/** Most hours one person may have on one date. */
export const MAX_HOURS_A_DAY = 24;
export const ADULT_AGE = 18;
/** Below this age nobody volunteers, even with a guardian's consent. */
export const MIN_MINOR_AGE = 14;

// --- Local date-times ----------------------------------------------------------------------

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59;
}

/** Minutes since 1970-01-01T00:00 local, counted from the text (no time zone involved). */
export function localMinutes(value: string): number {
  const m = LOCAL.exec(value);
  if (!m || !isLocalDateTime(value)) throw new Error(`not a local date-time: ${value}`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, mo - 1, d) / 60_000 + h * 60 + mi;
}

const KZ_OFFSET_MINUTES = 5 * 60;

/** The wall-clock time in Kazakhstan at an instant, to the minute. */
export function localDateTimeAt(instant: Date): string {
  return new Date(instant.getTime() + KZ_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
}

/** The instant a Kazakhstan wall-clock time names. */
export function instantOf(value: string): Date {
  return new Date((localMinutes(value) - KZ_OFFSET_MINUTES) * 60_000);
}

/** The calendar date a shift counts on: its start date, even when it ends after midnight. */
export const dateOf = (value: string) => value.slice(0, 10);

/** The month ('YYYY-MM') a date or date-time falls in. */
export const monthOf = (value: string) => value.slice(0, 7);

export interface Span {
  start: string;
  end: string;
}

/** Two shifts overlap when each starts before the other ends (touching ends do not overlap). */
export function overlaps(a: Span, b: Span): boolean {
  return localMinutes(a.start) < localMinutes(b.end) && localMinutes(b.start) < localMinutes(a.end);
}

/** Whether a shift lies within its event's dates (it may end the morning after the last day). */
export function withinEvent(shift: Span, event: { start: string; end: string }): boolean {
  return dateOf(shift.start) >= event.start && dateOf(shift.start) <= event.end;
}

/** Hours worked: check-out minus check-in, rounded to the nearest quarter hour (halves round up). */
export function workedHours(checkIn: string, checkOut: string): number {
  const minutes = localMinutes(checkOut) - localMinutes(checkIn);
  if (minutes < 0) throw new RangeError('check-out before check-in');
  return Math.round(minutes / 15) / 4;
}

/** A typed number of hours is whole quarters between 0 and 24. */
export const isValidHours = (hours: number) => Number.isFinite(hours) && hours > 0 && hours <= MAX_HOURS_A_DAY && Number.isInteger(hours * 4);

// --- Who may work a shift ------------------------------------------------------------------

export interface AgeFacts {
  birthDate: string | null;
  guardianConsentDate: string | null;
}

export interface AgeRule {
  category: EventCategory;
  /** The shift's own minimum age, if any. */
  minAge: number | null;
  /** The shift's date (its start date). */
  on: string;
}

/**
 * The age refusal for a person on a shift, or null. Emergency events: nobody under 18
 * (`minorEmergency`). Elsewhere: under 14 never, 14–17 only with a guardian's consent dated on or
 * before the shift, and never under the shift's own minimum (`tooYoung`). An unknown birth date
 * cannot show the person is an adult, so it is refused as the rule that asks for the age.
 */
export function ageRefusal(person: AgeFacts, rule: AgeRule): 'tooYoung' | 'minorEmergency' | null {
  if (!person.birthDate) return isEmergency(rule.category) ? 'minorEmergency' : 'tooYoung';
  const age = ageOn(person.birthDate, rule.on);
  if (age < ADULT_AGE && isEmergency(rule.category)) return 'minorEmergency';
  if (rule.minAge !== null && age < rule.minAge) return 'tooYoung';
  if (age >= ADULT_AGE) return null;
  if (age < MIN_MINOR_AGE) return 'tooYoung';
  return person.guardianConsentDate !== null && person.guardianConsentDate <= rule.on ? null : 'tooYoung';
}

/**
 * The latest birth date of someone at least `years` old on `on`: `ageOn(b, on) >= years` exactly
 * when `b <= bornBy(on, years)` as 'YYYY-MM-DD' text (a 29 February bound in a common year is
 * not a real date, yet compares right: a person born on 28 February is in, on 1 March out).
 */
export function bornBy(on: string, years: number): string {
  return `${String(Number(on.slice(0, 4)) - years).padStart(4, '0')}${on.slice(4, 10)}`;
}

/**
 * `ageRefusal` as bounds a database can search by: who passes is born on or before `bornBy`, and,
 * when that still lets minors in, either born on or before `adultBy` or with a guardian's consent
 * dated on or before `on`. Null birth dates fail every bound, as `ageRefusal` refuses them.
 */
export function ageBounds(rule: AgeRule): { bornBy: string; adultBy: string | null; on: string } {
  const floor = Math.max(isEmergency(rule.category) ? ADULT_AGE : MIN_MINOR_AGE, rule.minAge ?? 0);
  return { bornBy: bornBy(rule.on, floor), adultBy: floor >= ADULT_AGE ? null : bornBy(rule.on, ADULT_AGE), on: rule.on };
}

// --- Suggestions ---------------------------------------------------------------------------

export interface CandidateFacts {
  id: string;
  sortName: string;
  inRegion: boolean;
  speaksLanguage: boolean;
  hoursThisMonth: number;
}

/**
 * Best first: in the event's region, then speaking a language the shift asks for, then fewer hours
 * this month (fairness), then by name and id so every office lists the same order.
 */
export function compareCandidates(a: CandidateFacts, b: CandidateFacts): number {
  if (a.inRegion !== b.inRegion) return a.inRegion ? -1 : 1;
  if (a.speaksLanguage !== b.speaksLanguage) return a.speaksLanguage ? -1 : 1;
  if (a.hoursThisMonth !== b.hoursThisMonth) return a.hoursThisMonth - b.hoursThisMonth;
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first and last day of a month ('YYYY-MM'). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** The pair id that makes the same assignment (and its shift's hour entry) one record at every office. */
export const assignmentId = (shiftId: string, volunteerId: string) => `${shiftId}:${volunteerId}`;
export const shiftHoursId = assignmentId;

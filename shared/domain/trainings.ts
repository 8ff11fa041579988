/**
 * Trainings and qualifications, the pure rules. Dates are calendar dates ('YYYY-MM-DD' text),
 * never midnights: every computation below works on year/month/day numbers (Date.UTC only to
 * count days), so the machine's time zone cannot move a date by one.
 */

export const SESSION_STATUSES = ['planned', 'open', 'held', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ATTENDANCE = ['present', 'absent', 'noShow'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const RESULTS = ['passed', 'failed'] as const;
export type TrainingResult = (typeof RESULTS)[number];

/** Where someone stands in a session: derived from the enrolments, never stored. */
export const PLACES = ['enrolled', 'waitlisted', 'withdrawn'] as const;
export type Place = (typeof PLACES)[number];

/** `pending`: granted with a start still ahead (a pass in a session that ends later). */
export const QUALIFICATION_STATUSES = ['pending', 'valid', 'grace', 'expired'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

/** The languages a title can be written in; the office's working language is required. */
export const TITLE_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type TitleLanguage = (typeof TITLE_LANGUAGES)[number];

/** Statuses in which enrolment is open and results can be entered. */
export const ENROLLING_STATUSES: readonly SessionStatus[] = ['planned', 'open', 'held'];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function daysInMonth(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** The same calendar day `months` later, clamped to the month's end (31 Aug + 6 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

const dayNumber = (date: string) => {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

export function addDays(date: string, days: number): string {
  const t = new Date((dayNumber(date) + days) * 86_400_000);
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Age in whole years on a date: a birthday on 29 Feb counts from 1 Mar in common years. */
export function ageOn(birthDate: string, date: string): number {
  const b = parse(birthDate);
  const t = parse(date);
  const before = t.m < b.m || (t.m === b.m && t.d < b.d);
  return t.y - b.y - (before ? 1 : 0);
}

/**
 * Kazakhstan's calendar date now. The whole country is UTC+5 (since March 2024), so "today" is
 * the same for every office whatever time zone the computer is set to.
 */
export function todayInKazakhstan(now: Date = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

/** The instant a Kazakhstan calendar date begins (its midnight, UTC+5), as stored timestamps are written. */
export function startOfDayInKazakhstan(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+05:00`)).toISOString();
}

export interface Validity {
  /** Last day it is valid, null = never expires. */
  validUntil: string | null;
  /** Last day of the renewal grace, null = never expires; equals validUntil without grace. */
  graceUntil: string | null;
}

/**
 * Valid through the same calendar date `validityMonths` later (clamped), then in grace for
 * `graceMonths` counted from the grant date too, so clamping never compounds (31 Aug + 6 is
 * 28 Feb, and + 6 + 3 is 31 May, not 28 May).
 */
export function validity(from: string, validityMonths: number | null, graceMonths: number): Validity {
  if (validityMonths === null) return { validUntil: null, graceUntil: null };
  return { validUntil: addMonths(from, validityMonths), graceUntil: addMonths(from, validityMonths + graceMonths) };
}

export function qualificationStatus(from: string, v: Validity, on: string): QualificationStatus {
  if (on < from) return 'pending';
  if (v.validUntil === null || on <= v.validUntil) return 'valid';
  if (v.graceUntil !== null && on <= v.graceUntil) return 'grace';
  return 'expired';
}

/** Counts for the roster filter and prerequisites: valid on the date (grace does not count). */
export function isValidOn(from: string, v: Validity, on: string): boolean {
  return qualificationStatus(from, v, on) === 'valid';
}

export interface EnrolmentOrderKey {
  id: string;
  /** The clock stamp of the (latest) enrolment: the same string at every office. */
  enrolledAt: string;
  withdrawn: boolean;
}

export interface Placement {
  place: Place;
  /** 1-based place in the waiting list, null unless waitlisted. */
  position: number | null;
}

/**
 * Who has a place and who waits: the first `capacity` active enrolments by (enrolment stamp,
 * id) are enrolled, the rest wait in that order. Derived from replicated values only, so offices
 * that hold the same enrolments agree, and a withdrawal moves the first waiting person up.
 */
export function placements<T extends EnrolmentOrderKey>(enrolments: readonly T[], capacity: number): Map<string, Placement> {
  const result = new Map<string, Placement>();
  const active = enrolments.filter((e) => !e.withdrawn).sort(compareEnrolments);
  active.forEach((e, i) => {
    result.set(e.id, i < capacity ? { place: 'enrolled', position: null } : { place: 'waitlisted', position: i - capacity + 1 });
  });
  for (const e of enrolments) if (e.withdrawn) result.set(e.id, { place: 'withdrawn', position: null });
  return result;
}

export function compareEnrolments(a: EnrolmentOrderKey, b: EnrolmentOrderKey): number {
  if (a.enrolledAt !== b.enrolledAt) return a.enrolledAt < b.enrolledAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The pair ids that make the same record at every office. */
export const enrolmentId = (sessionId: string, volunteerId: string) => `${sessionId}:${volunteerId}`;
export const passQualificationId = (sessionId: string, volunteerId: string) => `${sessionId}:${volunteerId}`;

/** Whether a result (pass or fail) meets the program's pass mark when a score is given. */
export function scorePasses(score: number, passMark: number | null): boolean {
  return passMark === null || score >= passMark;
}

import { z } from 'zod';
import { ASSIGNMENT_STATUSES, EVENT_CATEGORIES, EVENT_STATUSES, HOUR_SOURCES, REFUSALS, isLocalDateTime } from '../domain/events';
import { OFFICE_CODES } from '../domain/regions';
import { isoDate, text } from '../domain/text';
import { LANGUAGES } from '../domain/vocabulary';
import { call, idOnly, ok, patchOf } from './call';
import { generatedFile } from './files';

/**
 * Events, staffing, the day itself and the hours ledger. Coordinators plan events and shifts,
 * cancel events and correct verified hours; staff staff shifts, check people in and out and
 * verify hours. An assignment of many people answers per person (one refusal code each).
 */

const id = z.string().min(1).max(64);
/** An hour entry's id is a pair `source:volunteer`, longer than one record id. */
const entryId = z.strictObject({ id: z.string().min(1).max(160) });
/** A Kazakhstan wall-clock time, 'YYYY-MM-DDTHH:MM'. */
export const localDateTime = z.string().refine(isLocalDateTime, { error: 'error.events.localDateTime' });
const hours = z.number().min(0.25, { error: 'error.events.hours' }).max(24, { error: 'error.events.hours' }).refine((h) => Number.isInteger(h * 4), { error: 'error.events.hours' });

// --- Events --------------------------------------------------------------------------------

export const eventInput = z.strictObject({
  title: text(300).refine((s) => s.trim() !== '', { error: 'error.required' }),
  category: z.enum(EVENT_CATEGORIES),
  start: isoDate,
  end: isoDate,
  region: z.enum(OFFICE_CODES),
  locality: text(200).default(''),
  /** The address or place (`place` on the command line). */
  place: text(500).default(''),
  partners: text(500).default(''),
  contact: text(300).default(''),
}, { error: 'error.unknownField' });
export type EventInput = z.input<typeof eventInput>;

export const eventRow = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(EVENT_CATEGORIES),
  start: z.string(),
  end: z.string(),
  region: z.string().nullable(),
  locality: z.string(),
  place: z.string(),
  partners: z.string(),
  contact: z.string(),
  status: z.enum(EVENT_STATUSES),
  office: z.string().nullable(),
  needed: z.number(),
  filled: z.number(),
});
export type EventRow = z.infer<typeof eventRow>;

export const eventQuery = z.strictObject({
  category: z.enum(EVENT_CATEGORIES).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  region: z.enum(OFFICE_CODES).optional(),
  /** Events overlapping this month (YYYY-MM), for the calendar. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'error.date' }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  text: z.string().max(200).default(''),
  /** Planned or under way and not over yet (the dashboard's "upcoming events"). */
  upcoming: z.boolean().optional(),
  /** Upcoming with places still to fill on a shift yet to start (the dashboard's "staffing gaps"). */
  understaffed: z.boolean().optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type EventQuery = z.input<typeof eventQuery>;

// --- Shifts --------------------------------------------------------------------------------

export const shiftInput = z.strictObject({
  title: text(300).refine((s) => s.trim() !== '', { error: 'error.required' }),
  start: localDateTime,
  end: localDateTime,
  meetingPoint: text(300).default(''),
  needed: z.number().int().min(1).max(10_000),
  /** Qualification kinds that must be valid on the shift's date. */
  requires: z.array(id).max(20).default([]),
  minAge: z.number().int().min(0).max(100).nullable().default(null),
  /** Languages the shift asks for (any one of them counts). */
  languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length).default([]),
}, { error: 'error.unknownField' });
export type ShiftInput = z.input<typeof shiftInput>;

export const assignmentRow = z.object({
  volunteerId: z.string(),
  name: z.string(),
  /** For the day screen's search by IIN digits. */
  iin: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  removalReason: z.string().nullable(),
  walkIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  noShow: z.boolean(),
  /**
   * Why a person holding a place no longer fits the shift as it is now (its times or requirements
   * changed, the event became an emergency, a qualification lapsed), or null. They stay on it, flagged.
   */
  misfit: z.enum(REFUSALS).nullable(),
});
export type AssignmentRow = z.infer<typeof assignmentRow>;

/** A person on a shift who no longer fits it, with the one reason. */
export const misfit = z.object({ volunteerId: z.string(), name: z.string(), reason: z.enum(REFUSALS) });
export type Misfit = z.infer<typeof misfit>;

export const shiftRow = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  meetingPoint: z.string(),
  needed: z.number(),
  requires: z.array(z.string()),
  minAge: z.number().nullable(),
  languages: z.array(z.string()),
  /** People holding a place (invited or confirmed). */
  filled: z.number(),
  assignments: z.array(assignmentRow),
});
export type ShiftRow = z.infer<typeof shiftRow>;

export const eventDetail = eventRow.extend({
  shifts: z.array(shiftRow),
  /** Whether this office may change it (the office that created it, or the centre); `office` keeps it. */
  mayChange: z.boolean(),
});
export type EventDetail = z.infer<typeof eventDetail>;

// --- Staffing ------------------------------------------------------------------------------

export const SUGGESTION_REASONS = ['active', 'qualified', 'inRegion', 'speaksLanguage', 'free', 'fewerHours'] as const;

export const suggestion = z.object({
  volunteerId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  hoursThisMonth: z.number(),
  /** Why this person is suggested, in order of weight. */
  reasons: z.array(z.enum(SUGGESTION_REASONS)),
});
export type Suggestion = z.infer<typeof suggestion>;

export const assignOutcome = z.object({
  volunteerId: z.string(),
  outcome: z.enum(['assigned', 'refused']),
  /** One refusal code when refused. */
  reason: z.enum(REFUSALS).nullable(),
});
export type AssignOutcome = z.infer<typeof assignOutcome>;

const onShift = { shiftId: id, volunteerId: id };

// --- Hours ---------------------------------------------------------------------------------

export const hourEntry = z.object({
  id: z.string(),
  volunteerId: z.string(),
  eventId: z.string().nullable(),
  shiftId: z.string().nullable(),
  source: z.enum(HOUR_SOURCES),
  date: z.string(),
  hours: z.number(),
  category: z.enum(EVENT_CATEGORIES).nullable(),
  note: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  /** The entry this one corrects, with who corrected it and why. */
  corrects: z.string().nullable(),
  correctedBy: z.string().nullable(),
  correctionReason: z.string().nullable(),
  /** Replaced by a later correction: kept as history, counted nowhere. */
  superseded: z.boolean(),
  /** When a correction was made (its replicated stamp, the same at every office); null for other entries. */
  correctedAt: z.string().nullable(),
  /** What lists show beside the ids: the person, the event and the shift (kept after the shift is deleted). */
  name: z.string(),
  eventTitle: z.string().nullable(),
  shiftTitle: z.string().nullable(),
});
export type HourEntry = z.infer<typeof hourEntry>;

const period = { from: isoDate.optional(), to: isoDate.optional() };

export const totalsQuery = z.strictObject({
  ...period,
  volunteerId: id.optional(),
  eventId: id.optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  /** Count verified entries only. */
  verified: z.boolean().default(false),
});

export const totals = z.object({
  hours: z.number(),
  verified: z.number(),
  unverified: z.number(),
  entries: z.number(),
  /** Per month 'YYYY-MM' (and so per year by adding them), the profile's table. */
  byMonth: z.array(z.object({ month: z.string(), hours: z.number(), verified: z.number() })),
});
export type Totals = z.infer<typeof totals>;

export const SUMMARY_GROUPS = ['volunteer', 'event', 'category'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

/** One line of the office's totals: a person, an event or a category (null: hours outside any event / without category). */
export const summaryRow = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  hours: z.number(),
  verified: z.number(),
  entries: z.number(),
});
export type SummaryRow = z.infer<typeof summaryRow>;

export const eventCalls = {
  'events.list': call({ access: 'staff', writes: false, input: eventQuery, output: z.object({ total: z.number(), rows: z.array(eventRow) }) }),
  'events.get': call({ access: 'staff', writes: false, input: idOnly, output: eventDetail }),
  'events.add': call({ access: 'coordinator', writes: true, input: eventInput, output: z.object({ id: z.string() }) }),
  'events.update': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ id, patch: patchOf(eventInput), status: z.enum(EVENT_STATUSES).optional() }),
    output: z.object({ id: z.string() }),
  }),
  /** Releases everyone on its shifts; returns whom to tell (with phones). */
  'events.cancel': call({
    access: 'coordinator',
    writes: true,
    input: idOnly,
    output: z.object({ notify: z.array(z.object({ volunteerId: z.string(), name: z.string(), phone: z.string().nullable(), shiftId: z.string() })) }),
  }),
  /** Those the cancellation released, with phones, as an .xlsx to work through by phone. */
  'events.notifyExport': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject({ id, lang: z.enum(['kk', 'ru', 'en']).default('ru') }),
    output: generatedFile.extend({ rows: z.number() }),
  }),

  'events.shifts.add': call({ access: 'coordinator', writes: true, input: shiftInput.extend({ eventId: id }), output: z.object({ id: z.string() }) }),
  /** Changes a shift; the people on it who no longer fit stay on it and are returned (`misfits`) and flagged on the board. */
  'events.shifts.update': call({
    access: 'coordinator', writes: true, input: z.strictObject({ id, patch: patchOf(shiftInput) }), output: z.object({ id: z.string(), misfits: z.array(misfit) }),
  }),
  /** Deletes a shift; hours already earned on it stay in the ledger. */
  'events.shifts.delete': call({ access: 'coordinator', writes: true, input: idOnly, output: ok }),

  'events.suggest': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ shiftId: id, limit: z.number().int().min(1).max(500).default(20) }),
    output: z.array(suggestion),
  }),
  'events.assign': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ shiftId: id, volunteerIds: z.array(id).min(1).max(1000), walkIn: z.boolean().default(false) }),
    output: z.object({ outcomes: z.array(assignOutcome) }),
  }),
  'events.respond': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ ...onShift, answer: z.enum(['confirmed', 'declined']) }),
    output: ok,
  }),
  'events.remove': call({ access: 'staff', writes: true, input: z.strictObject({ ...onShift, reason: text(500).default('') }), output: ok }),

  /** `at` defaults to now in Kazakhstan. */
  'events.checkin': call({ access: 'staff', writes: true, input: z.strictObject({ ...onShift, at: localDateTime.optional() }), output: ok }),
  /** Writes (or rewrites, until verified) the person's hour entry for the shift. */
  'events.checkout': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ ...onShift, at: localDateTime.optional() }),
    output: z.object({ entryId: z.string(), hours: z.number() }),
  }),
  /** Everyone still expected who never checked in becomes a no-show. */
  'events.noShows': call({ access: 'staff', writes: true, input: z.strictObject({ shiftId: id }), output: z.object({ noShows: z.array(z.string()) }) }),

  'hours.add': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({
      volunteerId: id, date: isoDate, hours, eventId: id.optional(), category: z.enum(EVENT_CATEGORIES).optional(), note: text(1000).default(''), verified: z.boolean().default(false),
    }),
    output: z.object({ id: z.string() }),
  }),
  'hours.verify': call({ access: 'staff', writes: true, input: entryId, output: ok }),
  'hours.verifyShift': call({ access: 'staff', writes: true, input: z.strictObject({ shiftId: id }), output: z.object({ verified: z.number() }) }),
  /** A new entry replacing one (verified or not), with who, when and why. */
  'hours.correct': call({
    access: 'coordinator',
    writes: true,
    input: entryId.extend({ hours: z.number().min(0).max(24).refine((h) => Number.isInteger(h * 4), { error: 'error.events.hours' }), reason: text(500).refine((s) => s.trim() !== '', { error: 'error.required' }) }),
    output: z.object({ id: z.string() }),
  }),
  'hours.total': call({ access: 'staff', writes: false, input: totalsQuery, output: totals }),
  'hours.list': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({
      ...period, volunteerId: id.optional(), eventId: id.optional(), shiftId: id.optional(), history: z.boolean().default(false),
      /** Only counted entries still waiting for verification. */
      unverified: z.boolean().default(false),
    }),
    output: z.array(hourEntry),
  }),
  /** Totals per person, event or category for a period, most hours first (the office's screen). */
  'hours.summary': call({
    access: 'staff',
    writes: false,
    input: totalsQuery.omit({ volunteerId: true }).extend({ by: z.enum(SUMMARY_GROUPS), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(summaryRow),
  }),
  'hours.export': call({
    access: 'staff',
    writes: false,
    long: true,
    input: totalsQuery.omit({ volunteerId: true }).extend({ lang: z.enum(['kk', 'ru', 'en']).default('ru') }),
    output: generatedFile.extend({ rows: z.number() }),
  }),
};

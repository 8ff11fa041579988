import { z } from 'zod';
import {
  ATTENDANCE, PLACES, QUALIFICATION_STATUSES, RESULTS, SESSION_STATUSES, TITLE_LANGUAGES,
} from '../domain/trainings';
import { isoDate, text } from '../domain/text';
import { call, idOnly, ok, patchOf } from './call';
import { generatedFile } from './files';

/**
 * Trainings and qualifications. Staff enrol, mark attendance and enter results; coordinators
 * manage kinds, programs and sessions, close and reopen. Refusals are translation keys under
 * `error.trainings.*` (an enrolment of many people answers per person instead of failing all).
 */

const id = z.string().min(1).max(64);
const lang = z.enum(TITLE_LANGUAGES);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'error.date' });

/** A name or title in kk / ru / en; empty strings mean "not written in that language". */
export const localized = z.strictObject({
  kk: text(300).optional(),
  ru: text(300).optional(),
  en: text(300).optional(),
}, { error: 'error.unknownField' });
export type Localized = z.infer<typeof localized>;
const localizedOut = z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() });

// --- Qualification kinds -------------------------------------------------------------------

export const kindInput = z.strictObject({
  names: localized,
  /** Months it stays valid; null = never expires. */
  validityMonths: z.number().int().min(1).max(600).nullable().default(null),
  /** Months of grace for renewal after it expires. */
  graceMonths: z.number().int().min(0).max(120).default(0),
}, { error: 'error.unknownField' });
export type KindInput = z.input<typeof kindInput>;

export const kind = z.object({
  id: z.string(),
  names: localizedOut,
  validityMonths: z.number().nullable(),
  graceMonths: z.number(),
  /** The office that made it: `KZ` = the national list. */
  office: z.string().nullable(),
});
export type QualificationKind = z.infer<typeof kind>;

/**
 * Whether this office may change the record (it made it, or this is the centre; see
 * electron/core/exchange/authority.ts): the screens offer only the changes the core accepts.
 */
const mayChange = { mayChange: z.boolean() };
export const kindHere = kind.extend(mayChange);

// --- Programs ------------------------------------------------------------------------------

export const programInput = z.strictObject({
  title: localized,
  hours: z.number().min(0.5).max(1000),
  /** Score out of 100 needed to pass; null = passed or failed by the trainer's word. */
  passMark: z.number().min(0).max(100).nullable().default(null),
  /** The qualification kind a pass grants. */
  grants: id.nullable().default(null),
  /** A qualification kind that must be valid on the session's first day. */
  prerequisite: id.nullable().default(null),
  minAge: z.number().int().min(0).max(100).nullable().default(null),
  description: text(2000).nullable().default(null),
}, { error: 'error.unknownField' });
export type ProgramInput = z.input<typeof programInput>;

export const program = z.object({
  id: z.string(),
  title: localizedOut,
  hours: z.number(),
  passMark: z.number().nullable(),
  grants: z.string().nullable(),
  prerequisite: z.string().nullable(),
  minAge: z.number().nullable(),
  description: z.string().nullable(),
  office: z.string().nullable(),
  sessionCount: z.number(),
});
export type Program = z.infer<typeof program>;
export const programHere = program.extend(mayChange);

// --- Sessions ------------------------------------------------------------------------------

export const sessionInput = z.strictObject({
  programId: id,
  start: isoDate,
  end: isoDate,
  place: text(300).default(''),
  /** Trainers' names as one line ("Әлия Сейітова, Иван Петров"). */
  trainers: text(500).default(''),
  capacity: z.number().int().min(1, { error: 'error.trainings.capacity' }).max(10_000),
  status: z.enum(SESSION_STATUSES).default('planned'),
}, { error: 'error.unknownField' });
export type SessionInput = z.input<typeof sessionInput>;

export const sessionRow = z.object({
  id: z.string(),
  programId: z.string(),
  programTitle: localizedOut,
  start: z.string(),
  end: z.string(),
  place: z.string(),
  trainers: z.string(),
  capacity: z.number(),
  status: z.enum(SESSION_STATUSES),
  office: z.string().nullable(),
  enrolled: z.number(),
  waitlisted: z.number(),
});
export type SessionRow = z.infer<typeof sessionRow>;

export const sessionQuery = z.strictObject({
  programId: id.optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  /** Sessions overlapping this month (YYYY-MM), for the calendar. */
  month: month.optional(),
  /** Sessions overlapping [from, to]. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Held (or closed) sessions that ended on this date or later and by today: the dashboard's "trainings held". */
  heldSince: isoDate.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type SessionQuery = z.input<typeof sessionQuery>;

export const enrolmentRow = z.object({
  volunteerId: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  place: z.enum(PLACES),
  /** 1-based place in the waiting list. */
  position: z.number().nullable(),
  attendance: z.enum(ATTENDANCE).nullable(),
  result: z.enum(RESULTS).nullable(),
  score: z.number().nullable(),
  enrolledBy: z.string().nullable(),
});
export type EnrolmentRow = z.infer<typeof enrolmentRow>;

export const sessionDetail = sessionRow.extend({
  program: program,
  enrolments: z.array(enrolmentRow),
  /** More active enrolments than places (e.g. after two offices enrolled offline): the session screen says so. */
  overCapacity: z.boolean(),
  /** Closed sessions are locked; each reopening is recorded. */
  reopenings: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
  /** This office runs it (enrols, marks, enters results, changes its status) or is the centre. */
  ...mayChange,
});
export type SessionDetail = z.infer<typeof sessionDetail>;

// --- Enrolment and results -----------------------------------------------------------------

export const ENROL_OUTCOMES = ['enrolled', 'waitlisted', 'refused'] as const;

export const enrolOutcome = z.object({
  volunteerId: z.string(),
  outcome: z.enum(ENROL_OUTCOMES),
  /** Place in the waiting list when waitlisted. */
  position: z.number().nullable(),
  /** Why refused: an `error.trainings.*` key and its parameters. */
  reason: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type EnrolOutcome = z.infer<typeof enrolOutcome>;

export const resultInput = z.strictObject({
  sessionId: id,
  volunteerId: id,
  /** `absent` marks attendance and no result. */
  outcome: z.enum(['passed', 'failed', 'absent']),
  score: z.number().min(0).max(100).nullable().default(null),
});

// --- Qualifications ------------------------------------------------------------------------

export const qualification = z.object({
  id: z.string(),
  volunteerId: z.string(),
  kindId: z.string(),
  kindNames: localizedOut,
  from: z.string(),
  validUntil: z.string().nullable(),
  graceUntil: z.string().nullable(),
  status: z.enum(QUALIFICATION_STATUSES),
  /** `training` = granted by a pass (sessionId set); `manual` = recorded by hand with a note. */
  source: z.enum(['training', 'manual']),
  sessionId: z.string().nullable(),
  note: z.string().nullable(),
});
export type Qualification = z.infer<typeof qualification>;

export const expiringQuery = z.strictObject({
  /** Valid ones ending within this many days of `on`. */
  within: z.number().int().min(0).max(3660).default(30),
  /** Defaults to today in Kazakhstan. */
  on: isoDate.optional(),
  /** Also those already expired and still in grace. */
  includeGrace: z.boolean().default(true),
  kindId: id.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ExpiringQuery = z.input<typeof expiringQuery>;

export const expiringRow = z.object({
  qualificationId: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  kindId: z.string(),
  kindNames: localizedOut,
  from: z.string(),
  validUntil: z.string(),
  graceUntil: z.string(),
  status: z.enum(QUALIFICATION_STATUSES),
  /** Days from `on` to validUntil (negative in grace). */
  daysLeft: z.number(),
});
export type ExpiringRow = z.infer<typeof expiringRow>;


export const trainingCalls = {
  /** The office's working language: program titles must be written in it. */
  'trainings.settings': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({}),
    output: z.object({ workingLanguage: lang }),
  }),
  'trainings.setWorkingLanguage': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ workingLanguage: lang }),
    output: ok,
  }),

  'trainings.kinds.list': call({ access: 'staff', writes: false, input: z.strictObject({}), output: z.array(kindHere) }),
  'trainings.kinds.add': call({ access: 'coordinator', writes: true, input: kindInput, output: z.object({ id: z.string() }) }),
  'trainings.kinds.update': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ id, patch: patchOf(kindInput) }),
    output: z.object({ id: z.string() }),
  }),

  'trainings.programs.list': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ text: z.string().max(200).default('') }),
    output: z.array(programHere),
  }),
  'trainings.programs.get': call({ access: 'staff', writes: false, input: idOnly, output: programHere }),
  'trainings.programs.add': call({ access: 'coordinator', writes: true, input: programInput, output: z.object({ id: z.string() }) }),
  'trainings.programs.update': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ id, patch: patchOf(programInput) }),
    output: z.object({ id: z.string() }),
  }),

  'trainings.sessions.list': call({
    access: 'staff',
    writes: false,
    input: sessionQuery,
    output: z.object({ total: z.number(), rows: z.array(sessionRow) }),
  }),
  'trainings.sessions.get': call({ access: 'staff', writes: false, input: idOnly, output: sessionDetail }),
  'trainings.sessions.add': call({ access: 'coordinator', writes: true, input: sessionInput, output: z.object({ id: z.string() }) }),
  'trainings.sessions.update': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ id, patch: patchOf(sessionInput.omit({ programId: true, status: true })) }),
    output: z.object({ id: z.string() }),
  }),
  /** planned → open → held → closed, or cancelled. Closing locks results; reopening is `trainings.reopen`. */
  'trainings.sessions.setStatus': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ id, status: z.enum(SESSION_STATUSES) }),
    output: ok,
  }),

  /** Enrols many people at once; each gets an outcome (over capacity: the waiting list). */
  'trainings.enrol': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ sessionId: id, volunteerIds: z.array(id).min(1).max(1000) }),
    output: z.object({ outcomes: z.array(enrolOutcome) }),
  }),
  /** Frees the place; the first waiting person moves up (named in `promoted`). */
  'trainings.withdraw': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ sessionId: id, volunteerId: id }),
    output: z.object({ promoted: z.string().nullable() }),
  }),
  'trainings.attendance': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({
      sessionId: id,
      marks: z.array(z.strictObject({ volunteerId: id, attendance: z.enum(ATTENDANCE).nullable() })).min(1).max(10_000),
    }),
    output: ok,
  }),
  /** A pass grants the program's qualification from the session's last day. */
  'trainings.result': call({
    access: 'staff',
    writes: true,
    input: resultInput,
    output: z.object({ qualificationId: z.string().nullable() }),
  }),
  'trainings.reopen': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ id, reason: text(500).default('') }),
    output: ok,
  }),
  /** The attendance sheet (PDF, A4) in the given language. */
  'trainings.sheet': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ sessionId: id, lang: lang.default('ru') }),
    output: generatedFile,
  }),
  /** Sessions a volunteer was enrolled in (the profile's trainings). */
  'trainings.ofVolunteer': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ volunteerId: id }),
    output: z.array(sessionRow.extend({ place: z.enum(PLACES), position: z.number().nullable(), attendance: z.enum(ATTENDANCE).nullable(), result: z.enum(RESULTS).nullable(), score: z.number().nullable() })),
  }),

  /** A volunteer's qualifications with their status on a date (today by default); expired ones stay listed. */
  'qualifications.list': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ volunteerId: id, on: isoDate.optional() }),
    output: z.array(qualification),
  }),
  /** One obtained elsewhere (a Red Crescent first-aid card), with a note. */
  'qualifications.add': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ volunteerId: id, kindId: id, from: isoDate, note: text(1000).default('') }),
    output: z.object({ id: z.string() }),
  }),
  /** Qualification ids are pairs (`source:volunteer`), longer than a record id. */
  'qualifications.delete': call({ access: 'coordinator', writes: true, input: z.strictObject({ id: z.string().min(1).max(160) }), output: ok }),
  /** Qualifications ending within N days of a date, and (by default) those in grace. */
  'qualifications.expiring': call({
    access: 'staff',
    writes: false,
    input: expiringQuery,
    output: z.object({ total: z.number(), rows: z.array(expiringRow) }),
  }),
  'qualifications.expiringExport': call({
    access: 'staff',
    writes: false,
    input: expiringQuery.omit({ offset: true, limit: true }).extend({ lang: lang.default('ru') }),
    output: generatedFile.extend({ rows: z.number() }),
  }),
};

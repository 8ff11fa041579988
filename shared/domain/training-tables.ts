import { defineTable } from './replicated-table';
import { ATTENDANCE, RESULTS, SESSION_STATUSES } from './trainings';

/**
 * Trainings as replicated tables (migration 0008). Conflicts on them are settled by choosing a
 * side (`values: null`): their screens, not the Conflicts screen, are where values are typed.
 */
export const qualificationKindsTable = defineTable({
  label: 'exchange.table.qualificationKinds',
  labels: 'trainingField',
  fields: {
    name_kk: { kind: 'text' },
    name_ru: { kind: 'text' },
    name_en: { kind: 'text' },
    validity_months: { kind: 'number' },
    grace_months: { kind: 'number' },
    office: { kind: 'region' },
  },
  labelFields: ['name_ru', 'name_kk', 'name_en'],
  values: null,
});

export const programsTable = defineTable({
  label: 'exchange.table.programs',
  labels: 'trainingField',
  fields: {
    title_kk: { kind: 'text' },
    title_ru: { kind: 'text' },
    title_en: { kind: 'text' },
    hours: { kind: 'number' },
    pass_mark: { kind: 'number' },
    grants_kind_id: { kind: 'ref', ref: 'qualification_kinds' },
    prerequisite_kind_id: { kind: 'ref', ref: 'qualification_kinds' },
    min_age: { kind: 'number' },
    description: { kind: 'text' },
    office: { kind: 'region' },
  },
  labelFields: ['title_ru', 'title_kk', 'title_en'],
  values: null,
  notFound: 'error.trainings.unknownProgram',
});

export const trainingSessionsTable = defineTable({
  label: 'exchange.table.trainingSessions',
  labels: 'trainingField',
  fields: {
    program_id: { kind: 'ref', ref: 'programs' },
    start_date: { kind: 'date' },
    end_date: { kind: 'date' },
    place: { kind: 'text' },
    trainers: { kind: 'text' },
    capacity: { kind: 'number' },
    status: { kind: 'enum', codes: SESSION_STATUSES },
    office: { kind: 'region' },
  },
  labelRefs: ['program_id'],
  values: null,
  notFound: 'error.trainings.unknownSession',
  screen: 'session',
});

/** A coordinator's reopening of a closed session, kept as the record of it. */
export const trainingReopeningsTable = defineTable({
  label: 'exchange.table.trainingReopenings',
  labels: 'trainingField',
  fields: {
    session_id: { kind: 'ref', ref: 'training_sessions' },
    reason: { kind: 'text' },
    reopened_at: { kind: 'text' },
    reopened_by: { kind: 'text' },
  },
  labelRefs: ['session_id'],
  values: null,
});

/** One person on one session: the same enrolment made at two offices is one record. */
export const enrolmentsTable = defineTable({
  label: 'exchange.table.enrolments',
  labels: 'trainingField',
  fields: {
    session_id: { kind: 'ref', ref: 'training_sessions' },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    enrolled_at: { kind: 'text' },
    attendance: { kind: 'enum', codes: ATTENDANCE },
    result: { kind: 'enum', codes: RESULTS },
    score: { kind: 'number' },
  },
  pairId: ['session_id', 'volunteer_id'],
  labelRefs: ['volunteer_id', 'session_id'],
  values: null,
});

/** A qualification: granted by a pass (source = the session) or recorded by hand (a random source id). */
export const qualificationsTable = defineTable({
  label: 'exchange.table.qualifications',
  labels: 'trainingField',
  fields: {
    source_id: { kind: 'ref', ref: 'training_sessions' },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    kind_id: { kind: 'ref', ref: 'qualification_kinds' },
    session_id: { kind: 'ref', ref: 'training_sessions' },
    valid_from: { kind: 'date' },
    valid_until: { kind: 'date' },
    grace_until: { kind: 'date' },
    note: { kind: 'text' },
  },
  pairId: ['source_id', 'volunteer_id'],
  labelRefs: ['volunteer_id', 'kind_id'],
  values: null,
});

import { ASSIGNMENT_STATUSES, EVENT_CATEGORIES, EVENT_STATUSES, HOUR_SOURCES } from './events';
import { defineTable } from './replicated-table';
import { LANGUAGES } from './vocabulary';

/**
 * Events, shifts, assignments and the hours ledger as replicated tables (migration 0009).
 * Conflicts on them are settled by choosing a side (`values: null`): their screens are where
 * values are typed.
 */
export const eventsTable = defineTable({
  label: 'exchange.table.events',
  labels: 'eventField',
  fields: {
    title: { kind: 'text' },
    category: { kind: 'enum', vocab: 'eventCategory', codes: EVENT_CATEGORIES },
    start_date: { kind: 'date' },
    end_date: { kind: 'date' },
    region: { kind: 'region' },
    locality: { kind: 'text' },
    address: { kind: 'text' },
    partners: { kind: 'text' },
    contact: { kind: 'text' },
    status: { kind: 'enum', vocab: 'eventStatus', codes: EVENT_STATUSES },
    office: { kind: 'region' },
  },
  labelFields: ['title'],
  values: null,
  /** The Conflicts screen links an event's conflict to its screen. */
  screen: 'event',
  notFound: 'error.events.unknownEvent',
});

export const shiftsTable = defineTable({
  label: 'exchange.table.shifts',
  labels: 'eventField',
  fields: {
    event_id: { kind: 'ref', ref: 'events' },
    title: { kind: 'text' },
    start_at: { kind: 'text' },
    end_at: { kind: 'text' },
    meeting_point: { kind: 'text' },
    needed: { kind: 'number' },
    // Qualification kind ids, a JSON array (kinds are never merged, so nothing re-points them).
    required_kinds: { kind: 'json' },
    min_age: { kind: 'number' },
    languages: { kind: 'list', vocab: 'language', codes: LANGUAGES },
  },
  labelFields: ['title'],
  values: null,
  notFound: 'error.events.unknownShift',
});

/**
 * One person on one shift: the same assignment made at two offices is one record, and two
 * check-ins of one person made offline are one field in conflict, never two people present.
 */
export const assignmentsTable = defineTable({
  label: 'exchange.table.assignments',
  labels: 'eventField',
  fields: {
    shift_id: { kind: 'ref', ref: 'shifts' },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    event_id: { kind: 'ref', ref: 'events' },
    status: { kind: 'enum', vocab: 'assignmentStatus', codes: ASSIGNMENT_STATUSES },
    invited_at: { kind: 'text' },
    responded_at: { kind: 'text' },
    removal_reason: { kind: 'text' },
    walk_in: { kind: 'number' },
    checked_in_at: { kind: 'text' },
    checked_out_at: { kind: 'text' },
    no_show: { kind: 'number' },
  },
  pairId: ['shift_id', 'volunteer_id'],
  labelRefs: ['volunteer_id', 'shift_id'],
  values: null,
});

/**
 * The ledger. A shift's entry has the pair id `shift:volunteer` (hours never double when two
 * offices check the same person out); one typed by hand pairs a random source id with the person.
 * A verified entry changes only by a correction: a new entry naming the one it replaces, with who,
 * when and why; the replaced entry stays as history.
 */
export const hourEntriesTable = defineTable({
  label: 'exchange.table.hourEntries',
  labels: 'eventField',
  fields: {
    source_id: { kind: 'ref', ref: 'shifts' },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    event_id: { kind: 'ref', ref: 'events' },
    shift_id: { kind: 'ref', ref: 'shifts' },
    source: { kind: 'enum', vocab: 'hourSource', codes: HOUR_SOURCES },
    entry_date: { kind: 'date' },
    hours: { kind: 'number' },
    category: { kind: 'enum', vocab: 'eventCategory', codes: EVENT_CATEGORIES },
    note: { kind: 'text' },
    verified_at: { kind: 'text' },
    verified_by: { kind: 'text' },
    corrects_id: { kind: 'ref', ref: 'hour_entries' },
    corrected_by: { kind: 'text' },
    correction_reason: { kind: 'text' },
  },
  pairId: ['source_id', 'volunteer_id'],
  labelRefs: ['volunteer_id'],
  // Nine tenths of the country's records: a new entry takes the import's lean path.
  appendOnly: true,
  values: null,
});

import { CallError } from '../../shared/contract/errors';
import { CLI_ACTOR } from '../core/app';
import type { Core } from '../core/app';
import { DB, positional, integer, json, need, parseJson, UsageError, withOffice, type Commands, type Parsed } from './helpers';

/**
 * `erikti events …` and `erikti hours …`: planning, staffing, check-in/out and the hours ledger,
 * JSON in and out, for coordinators' scripts and acceptance checks.
 */

const JSON_OPTION = { json: { type: 'string', value: "'{...}'", required: true } } as const;
const AT = { at: { type: 'string', value: 'YYYY-MM-DDTHH:MM' } } as const;
const PERIOD = { from: { type: 'string', value: 'YYYY-MM-DD' }, to: { type: 'string', value: 'YYYY-MM-DD' } } as const;

const call = (options: Parsed['options'], fn: (core: Core) => unknown) => (io: { out(text: string): void }) =>
  withOffice(options, (core) => io.out(json(fn(core))));

function hoursOption(options: Parsed['options']): number {
  const hours = Number(need(options, 'hours'));
  if (!Number.isFinite(hours)) throw new UsageError('--hours must be a number');
  return hours;
}

const text = (options: Parsed['options'], name: string) => (typeof options[name] === 'string' ? options[name] : undefined);

export const eventsCommands: Commands = {
  events: {
    options: { ...DB, month: { type: 'string', value: 'YYYY-MM' } },
    run: ({ options }, io) => call(options, (core) => core.callAs(CLI_ACTOR, 'events.list', { month: text(options, 'month'), limit: 1000 }).rows)(io),
  },
  'events add': {
    options: { ...DB, ...JSON_OPTION },
    run: ({ options }, io) => call(options, (core) => core.callAs(CLI_ACTOR, 'events.add', parseJson(need(options, 'json'))))(io),
  },
  'events get': {
    options: DB,
    args: 'EVENT',
    run: (args, io) => call(args.options, (core) => core.callAs(CLI_ACTOR, 'events.get', { id: positional(args, 0, 'event ID', 'events get') }))(io),
  },
  'events shift add': {
    options: { ...DB, ...JSON_OPTION },
    args: 'EVENT',
    run: (args, io) =>
      call(args.options, (core) => {
        const body = parseJson(need(args.options, 'json'));
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UsageError('--json must be an object');
        return core.callAs(CLI_ACTOR, 'events.shifts.add', { ...body, eventId: positional(args, 0, 'event ID', 'events shift add') });
      })(io),
  },
  'events suggest': {
    options: { ...DB, limit: { type: 'string', value: 'N' } },
    args: 'SHIFT',
    note: 'best first, with reasons',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'events.suggest', { shiftId: positional(args, 0, 'shift ID', 'events suggest'), limit: integer(args.options, 'limit', 20) }))(io),
  },
  'events assign': {
    options: DB,
    args: 'SHIFT VOLUNTEER',
    note: 'a refusal exits 1 with {"reason": CODE}',
    run: (args, io) =>
      withOffice(args.options, (core) => {
        const shiftId = positional(args, 0, 'shift ID', 'events assign');
        const volunteerId = positional(args, 1, 'volunteer ID', 'events assign');
        const outcome = core.callAs(CLI_ACTOR, 'events.assign', { shiftId, volunteerIds: [volunteerId] }).outcomes[0]!;
        io.out(json(outcome.reason ? { reason: outcome.reason } : { assigned: outcome.volunteerId }));
        if (outcome.reason) throw new CallError({ code: 'validation', key: `error.events.${outcome.reason}` });
      }),
  },
  'events checkin': {
    options: { ...DB, ...AT },
    args: 'SHIFT VOLUNTEER',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'events.checkin', {
          shiftId: positional(args, 0, 'shift ID', 'events checkin'), volunteerId: positional(args, 1, 'volunteer ID', 'events checkin'), at: text(args.options, 'at'),
        }))(io),
  },
  'events checkout': {
    options: { ...DB, ...AT },
    args: 'SHIFT VOLUNTEER',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'events.checkout', {
          shiftId: positional(args, 0, 'shift ID', 'events checkout'), volunteerId: positional(args, 1, 'volunteer ID', 'events checkout'), at: text(args.options, 'at'),
        }))(io),
  },
  'events cancel': {
    options: DB,
    args: 'EVENT',
    note: 'prints whom to tell',
    run: (args, io) => call(args.options, (core) => core.callAs(CLI_ACTOR, 'events.cancel', { id: positional(args, 0, 'event ID', 'events cancel') }))(io),
  },
  'hours add': {
    options: {
      ...DB, volunteer: { type: 'string', value: 'ID', required: true }, date: { type: 'string', value: 'YYYY-MM-DD', required: true },
      hours: { type: 'string', value: 'H', required: true }, event: { type: 'string', value: 'ID' }, category: { type: 'string', value: 'C' },
      note: { type: 'string', value: 'TEXT' }, verified: { type: 'boolean' },
    },
    run: ({ options }, io) =>
      call(options, (core) =>
        core.callAs(CLI_ACTOR, 'hours.add', {
          volunteerId: need(options, 'volunteer'), date: need(options, 'date'), hours: hoursOption(options), eventId: text(options, 'event'),
          category: text(options, 'category'), note: text(options, 'note') ?? '', verified: options.verified === true,
        }))(io),
  },
  'hours verify': {
    options: DB,
    args: 'ENTRY',
    run: (args, io) => call(args.options, (core) => core.callAs(CLI_ACTOR, 'hours.verify', { id: positional(args, 0, 'entry ID', 'hours verify') }))(io),
  },
  'hours total': {
    options: { ...DB, volunteer: { type: 'string', value: 'ID', required: true }, ...PERIOD, verified: { type: 'boolean' } },
    run: ({ options }, io) =>
      call(options, (core) =>
        core.callAs(CLI_ACTOR, 'hours.total', { volunteerId: need(options, 'volunteer'), from: text(options, 'from'), to: text(options, 'to'), verified: options.verified === true }))(io),
  },
};

import { CallError } from '../../shared/contract/errors';
import { LANGS, type Lang } from '../../shared/i18n/translate';
import { CLI_ACTOR } from '../core/app';
import type { Core } from '../core/app';
import { DB, positional, integer, json, need, parseJson, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { outPath, writeOutFile } from './out-file';

/**
 * `erikti trainings …` and `erikti qualifications …`: the calls of the Trainings screens, JSON in
 * and out, for coordinators' scripts and acceptance checks.
 */

const JSON_OPTION = { json: { type: 'string', value: "'{...}'", required: true } } as const;
const ON = { on: { type: 'string', value: 'YYYY-MM-DD' } } as const;

/** The SESSION VOLUNTEER pair enrol, withdraw and result take. */
const sessionAndVolunteer = (args: Parsed, command: string) => ({
  sessionId: positional(args, 0, 'session ID', command),
  volunteerId: positional(args, 1, 'volunteer ID', command),
});

const call = (options: Parsed['options'], fn: (core: Core) => unknown) => (io: { out(text: string): void }) =>
  withOffice(options, (core) => io.out(json(fn(core))));

/** A JSON body for an "add" call, wrapped into what the contract expects. */
const add = (name: 'trainings.kinds.add' | 'trainings.programs.add' | 'trainings.sessions.add'): Commands[string] => ({
  options: { ...DB, ...JSON_OPTION },
  run: ({ options }, io) => call(options, (core) => core.callAs(CLI_ACTOR, name, parseJson(need(options, 'json'))))(io),
});

function resultOutcome(options: Parsed['options']): 'passed' | 'failed' | 'absent' {
  const chosen = (['passed', 'failed', 'absent'] as const).filter((o) => options[o] === true);
  if (chosen.length !== 1) throw new UsageError('trainings result needs exactly one of --passed, --failed, --absent');
  return chosen[0]!;
}

export const trainingsCommands: Commands = {
  'trainings kinds': {
    options: DB,
    run: ({ options }, io) => call(options, (core) => core.callAs(CLI_ACTOR, 'trainings.kinds.list', {}))(io),
  },
  'trainings kind add': add('trainings.kinds.add'),
  'trainings programs': {
    options: DB,
    run: ({ options }, io) => call(options, (core) => core.callAs(CLI_ACTOR, 'trainings.programs.list', {}))(io),
  },
  'trainings program add': add('trainings.programs.add'),
  'trainings sessions': {
    options: { ...DB, month: { type: 'string', value: 'YYYY-MM' } },
    run: ({ options }, io) =>
      call(options, (core) => core.callAs(CLI_ACTOR, 'trainings.sessions.list', { month: options.month, limit: 1000 }).rows)(io),
  },
  'trainings session add': add('trainings.sessions.add'),
  'trainings session get': {
    options: DB,
    args: 'SESSION',
    run: (args, io) => call(args.options, (core) => core.callAs(CLI_ACTOR, 'trainings.sessions.get', { id: positional(args, 0, 'session ID', 'trainings session get') }))(io),
  },
  'trainings session status': {
    options: DB,
    args: 'SESSION planned|open|held|closed|cancelled',
    run: (args, io) =>
      call(args.options, (core) => {
        const id = positional(args, 0, 'session ID', 'trainings session status');
        return core.callAs(CLI_ACTOR, 'trainings.sessions.setStatus', { id, status: positional(args, 1, 'status', 'trainings session status') });
      })(io),
  },
  'trainings reopen': {
    options: { ...DB, reason: { type: 'string', value: 'TEXT' } },
    args: 'SESSION',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'trainings.reopen', { id: positional(args, 0, 'session ID', 'trainings reopen'), reason: args.options.reason ?? '' }))(io),
  },
  'trainings enrol': {
    options: DB,
    args: 'SESSION VOLUNTEER',
    note: 'a refusal exits 1 with the reason',
    run: (args, io) =>
      withOffice(args.options, (core) => {
        const { sessionId, volunteerId } = sessionAndVolunteer(args, 'trainings enrol');
        const outcome = core.callAs(CLI_ACTOR, 'trainings.enrol', { sessionId, volunteerIds: [volunteerId] }).outcomes[0]!;
        if (outcome.outcome === 'refused') {
          throw new CallError({ code: 'validation', key: outcome.reason ?? 'error.invalid', ...(outcome.params ? { params: outcome.params } : {}) });
        }
        io.out(json({ status: outcome.outcome, position: outcome.position }));
      }),
  },
  'trainings withdraw': {
    options: DB,
    args: 'SESSION VOLUNTEER',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'trainings.withdraw', {
          ...sessionAndVolunteer(args, 'trainings withdraw'),
        }))(io),
  },
  'trainings result': {
    options: { ...DB, passed: { type: 'boolean' }, failed: { type: 'boolean' }, absent: { type: 'boolean' }, score: { type: 'string', value: 'N' } },
    args: 'SESSION VOLUNTEER',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'trainings.result', {
          ...sessionAndVolunteer(args, 'trainings result'),
          outcome: resultOutcome(args.options),
          score: args.options.score === undefined ? null : integer(args.options, 'score'),
        }))(io),
  },
  'trainings sheet': {
    options: { ...DB, out: { type: 'string', value: 'FILE.pdf', required: true }, lang: { type: 'string', value: 'kk|ru|en' } },
    args: 'SESSION',
    note: 'the attendance sheet, A4 PDF',
    run: async (args, io) => {
      const lang = (args.options.lang ?? 'ru') as Lang;
      if (!(LANGS as readonly unknown[]).includes(lang)) throw new UsageError('--lang must be kk, ru or en');
      const sessionId = positional(args, 0, 'session ID', 'trainings sheet');
      const out = outPath(need(args.options, 'out'));
      const sheet = withOffice(args.options, (core) => core.callAs(CLI_ACTOR, 'trainings.sheet', { sessionId, lang }));
      writeOutFile(out, Buffer.from(sheet.base64, 'base64'));
      io.out(json({ out, suggestedName: sheet.fileName }));
    },
  },
  qualifications: {
    options: { ...DB, ...ON },
    args: 'VOLUNTEER',
    run: (args, io) =>
      call(args.options, (core) =>
        core.callAs(CLI_ACTOR, 'qualifications.list', { volunteerId: positional(args, 0, 'volunteer ID', 'qualifications'), on: args.options.on }).map((q) => ({
          kind: q.kindId, kindNames: q.kindNames, from: q.from, until: q.validUntil, graceUntil: q.graceUntil, status: q.status, source: q.source, note: q.note,
        })))(io),
  },
  'qualifications expiring': {
    options: { ...DB, within: { type: 'string', value: 'DAYS', required: true }, ...ON },
    run: ({ options }, io) =>
      call(options, (core) => core.callAs(CLI_ACTOR, 'qualifications.expiring', { within: integer(options, 'within'), on: options.on, limit: 1000 }).rows)(io),
  },
};

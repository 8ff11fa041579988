import { CLI_ACTOR } from '../core/app';
import { seedRoster } from '../core/seed/seed';
import { seedTrainings } from '../core/seed/trainings';
import { HOURS_PER_VOLUNTEER, seedEvents } from '../core/seed/events';
import { seedLogistics } from '../core/seed/logistics';
import { DB, integer, json, need, parseJson, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { progressReporter } from '../core/progress';
import { withProgress } from './progress-line';

/** `erikti volunteers add|update|delete|get|search` and `seed`: the roster, one volunteer at a time. */

const JSON_OPTION = { json: { type: 'string', value: "'{...}'", required: true } } as const;

function volunteerId({ positionals }: Parsed, command: string): string {
  const id = positionals[0];
  if (!id) throw new UsageError(`${command} needs the volunteer ID`);
  return id;
}

export const volunteersCommands: Commands = {
  'volunteers add': {
    options: { ...DB, ...JSON_OPTION },
    run: ({ options }, io) =>
      withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'volunteers.create', parseJson(need(options, 'json')))))),
  },

  'volunteers update': {
    options: { ...DB, ...JSON_OPTION },
    args: 'ID',
    run: (args, io) =>
      withOffice(args.options, (core) => {
        const id = volunteerId(args, 'volunteers update');
        io.out(json(core.callAs(CLI_ACTOR, 'volunteers.update', { id, patch: parseJson(need(args.options, 'json')) })));
      }),
  },

  'volunteers delete': {
    options: DB,
    args: 'ID',
    run: (args, io) =>
      withOffice(args.options, (core) => {
        const id = volunteerId(args, 'volunteers delete');
        io.out(json(core.callAs(CLI_ACTOR, 'volunteers.delete', { id })));
      }),
  },

  'volunteers get': {
    options: DB,
    args: 'ID',
    run: ({ options, positionals }, io) =>
      withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'volunteers.get', { id: positionals[0] ?? '' })))),
  },

  'volunteers search': {
    options: { ...DB, limit: { type: 'string', value: 'N' }, offset: { type: 'string', value: 'N' } },
    args: 'TEXT',
    run: ({ options, positionals }, io) =>
      withOffice(options, (core) => {
        const result = core.callAs(CLI_ACTOR, 'volunteers.search', {
          text: positionals.join(' '),
          limit: integer(options, 'limit', 100),
          offset: integer(options, 'offset', 0),
        });
        io.out(json(result.rows));
      }),
  },

  seed: {
    options: { ...DB, volunteers: { type: 'string', value: 'N', required: true }, hours: { type: 'string', value: 'M' }, seed: { type: 'string', value: 'S' } },
    run: ({ options }, io) =>
      withOffice(options, (core) => {
        const seed = integer(options, 'seed', 1);
        const volunteers = integer(options, 'volunteers');
        const hours = integer(options, 'hours', HOURS_PER_VOLUNTEER * volunteers);
        // The same line as a long call's: each part of the seed reports through the core's reporter.
        const { result, trainings, events, logistics } = withProgress(io, (control) => {
          const progress = progressReporter(control);
          const result = seedRoster(core.db, { volunteers, seed, progress });
          const trainings = seedTrainings(core.db, { volunteers: result.volunteers, seed });
          const events = seedEvents(core.db, { volunteers: result.volunteers, seed, hours, progress });
          return { result, trainings, events, logistics: seedLogistics(core.db, { seed }) };
        });
        io.out(json({ ...result, hours: events.hourEntries, trainings, events, logistics }));
      }),
  },
};

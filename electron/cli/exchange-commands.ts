import path from 'node:path';
import { CLI_ACTOR } from '../core/app';
import { issueFileToken } from '../core/exchange/files';
import { DB, existingFile, json, need, withOfficeKeyed as withOffice, type Commands } from './helpers';
import { withProgress } from './progress-line';

/**
 * `erikti export`, `import`, `conflicts`, `duplicates`, `history`: the exchange calls of the
 * contract, with files named on the command line.
 *
 * `export` without --to sends to the centre (KZ); the centre itself must name the office.
 */
export const exchangeCommands: Commands = {
  export: {
    options: { ...DB, out: { type: 'string', value: 'BUNDLE', required: true }, to: { type: 'string', value: 'CODE' }, full: { type: 'boolean' } },
    privateKeys: true,
    note: 'default recipient: the centre KZ',
    run: ({ options }, io) =>
      withOffice(options, (core) => {
        const out = path.resolve(need(options, 'out'));
        const to = typeof options.to === 'string' ? options.to : undefined;
        const input = { to: to as never, full: options.full === true, target: { token: issueFileToken(out, 'write') } };
        const result = withProgress(io, (control) => core.callAs(CLI_ACTOR, 'exchange.export', input, control));
        io.out(json({ ...result, out }));
      }),
  },

  import: {
    options: { ...DB, 'dry-run': { type: 'boolean' } },
    args: 'BUNDLE',
    privateKeys: true,
    run: ({ options, positionals }, io) =>
      withOffice(options, (core) => {
        const file = existingFile(positionals, 'import');
        const source = { token: issueFileToken(file, 'read') };
        const summary = withProgress(io, (control) => core.callAs(CLI_ACTOR, options['dry-run'] ? 'exchange.preview' : 'exchange.import', { source }, control));
        io.out(json(summary));
      }),
  },

  conflicts: {
    options: DB,
    run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'conflicts.list', { limit: 1000 }).items))),
  },

  duplicates: {
    options: DB,
    run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'duplicates.list', { limit: 2000 })))),
  },

  history: {
    options: DB,
    run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'exchange.history', { limit: 1000 }).items))),
  },
};

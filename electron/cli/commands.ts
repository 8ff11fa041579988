import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CallError } from '../../shared/contract/errors';
import { ROLES, type Role } from '../../shared/domain/vocabulary';
import { CLI_ACTOR, createCore } from '../core/app';
import { dump } from '../core/dump/dump';
import { createOffice } from '../core/office/identity';
import { seedRoster } from '../core/seed/seed';
import { exchangeCommands, EXCHANGE_USAGE } from './exchange-commands';
import { cliCoreOptions } from './passphrase';
import { rosterCommands } from './roster-commands';
import { integer, json, need, parseJson, UsageError, withOffice, type Command } from './io';

export { UsageError, type Io, type Parsed } from './io';

export const COMMANDS: Record<string, Command> = {
  init: ({ options }, io) => {
    const file = path.resolve(need(options, 'db'));
    const code = need(options, 'office');
    const existed = existsSync(file);
    try {
      const core = createCore(file, cliCoreOptions());
      try {
        const office = createOffice(core.db, code, typeof options.name === 'string' ? options.name : undefined);
        io.out(json({ office: office.code, name: office.name, db: file }));
      } finally {
        core.close();
      }
    } catch (error) {
      // A failed init leaves nothing behind, but never removes a database that was there before.
      if (!existed) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      throw error;
    }
  },

  'users add': async ({ options }, io) => {
    const role = need(options, 'role');
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const password = (await io.readStdin()).replace(/\r?\n$/, '');
    withOffice(options, (core) => {
      const login = need(options, 'login');
      const displayName = typeof options.name === 'string' ? options.name : login;
      const user = core.callAs(CLI_ACTOR, 'users.add', { login, displayName, role: role as Role, password });
      io.out(json(user));
    });
  },

  'volunteers add': ({ options }, io) =>
    withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'volunteers.create', parseJson(need(options, 'json')))))),

  'volunteers update': ({ options, positionals }, io) =>
    withOffice(options, (core) => {
      const id = positionals[0];
      if (!id) throw new UsageError('volunteers update needs the volunteer ID');
      io.out(json(core.callAs(CLI_ACTOR, 'volunteers.update', { id, patch: parseJson(need(options, 'json')) })));
    }),

  'volunteers delete': ({ options, positionals }, io) =>
    withOffice(options, (core) => {
      const id = positionals[0];
      if (!id) throw new UsageError('volunteers delete needs the volunteer ID');
      io.out(json(core.callAs(CLI_ACTOR, 'volunteers.delete', { id })));
    }),

  'volunteers get': ({ options, positionals }, io) =>
    withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'volunteers.get', { id: positionals[0] ?? '' })))),

  'volunteers search': ({ options, positionals }, io) =>
    withOffice(options, (core) => {
      const result = core.callAs(CLI_ACTOR, 'volunteers.search', {
        text: positionals.join(' '),
        limit: integer(options, 'limit', 100),
        offset: integer(options, 'offset', 0),
      });
      io.out(json(result.rows));
    }),

  seed: ({ options }, io) =>
    withOffice(options, (core) => {
      const hours = integer(options, 'hours', 0);
      if (hours > 0) io.err('note: the hours ledger is not part of this version yet; --hours was ignored\n');
      const result = seedRoster(core.db, { volunteers: integer(options, 'volunteers'), seed: integer(options, 'seed', 1) });
      io.out(json({ ...result, hours: 0 }));
    }),

  dump: ({ options }, io) => withOffice(options, (core) => io.out(dump(core.db))),

  ...rosterCommands,
  ...exchangeCommands,
};

export const USAGE = `usage: erikti <command> [options]
  init --db FILE --office CODE [--name TEXT]
  users add --db FILE --login NAME --role staff|coordinator|administrator [--name TEXT]   (password on stdin)
  volunteers add --db FILE --json '{...}'
  volunteers update --db FILE ID --json '{...}'
  volunteers delete --db FILE ID
  volunteers get --db FILE ID
  volunteers search --db FILE TEXT [--limit N] [--offset N]
  seed --db FILE --volunteers N [--hours M] [--seed S]
  roster import --db FILE ROSTER.xlsx|ROSTER.csv [--dry-run] [--sheet NAME|N]
  roster export --db FILE --out ROSTER.xlsx|ROSTER.csv [--lang kk|ru|en] [--columns lastName,firstName,...]
  dump --db FILE
${EXCHANGE_USAGE}`;

export { CallError };

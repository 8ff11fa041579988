import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '../../shared/domain/vocabulary';
import { CLI_ACTOR, createCore } from '../core/app';
import { dump } from '../core/dump/dump';
import { createOffice } from '../core/office/identity';
import { DB, json, need, UsageError, withOffice, type Commands } from './helpers';
import { cliCoreOptions } from './passphrase';

/** `erikti init`, `users add`, `dump`: the office database itself and who may use it. */
export const officeCommands: Commands = {
  init: {
    options: { ...DB, office: { type: 'string', value: 'CODE', required: true }, name: { type: 'string' } },
    privateKeys: true,
    run: ({ options }, io) => {
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
  },

  'users add': {
    options: { ...DB, login: { type: 'string', value: 'NAME', required: true }, role: { type: 'string', value: ROLES.join('|'), required: true }, name: { type: 'string' } },
    note: 'password on stdin',
    run: async ({ options }, io) => {
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
  },

  dump: {
    options: DB,
    run: ({ options }, io) => withOffice(options, (core) => io.out(dump(core.db))),
  },
};

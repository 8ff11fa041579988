import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CallError } from '../../shared/contract/errors';
import { CLI_ACTOR, createCore, type Core } from '../core/app';
import { issueFileToken } from '../core/exchange/files';
import { publicKeyFile, requireOwnKeys } from '../core/exchange/keys';
import { readOffice } from '../core/office/identity';
import type { Io, Parsed } from './commands';
import { cliCoreOptions } from './passphrase';
import { UsageError } from './commands';

/**
 * `erikti keys export|trust`, `export`, `import`, `conflicts` (and `duplicates`, `history`,
 * `trust list`): the exchange calls of the contract, with files named on the command line.
 *
 * `export` without --to sends to the centre (KZ); the centre itself must name the office.
 */
const json = (value: unknown) => `${JSON.stringify(value)}\n`;

function need(options: Parsed['options'], name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

function withOffice<T>(options: Parsed['options'], fn: (core: Core) => T): T {
  const file = path.resolve(need(options, 'db'));
  if (!existsSync(file)) throw new UsageError(`no database at ${file} (create one with: erikti init --db FILE --office CODE)`);
  const core = createCore(file, cliCoreOptions());
  try {
    if (!readOffice(core.db)) throw new UsageError(`${file} has no office yet (run: erikti init)`);
    return fn(core);
  } catch (error) {
    // Bundle and key refusals carry an English message that names the cause; keep the key for scripts.
    if (error instanceof CallError && /^error\.(bundle|keys|conflict|duplicates)\./.test(error.key)) {
      throw new Error(`${error.message} [${error.key}]`, { cause: error });
    }
    throw error;
  } finally {
    core.close();
  }
}

function existingFile(positionals: string[], what: string): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`${what} needs the file name`);
  const full = path.resolve(file);
  if (!existsSync(full)) throw new UsageError(`no file at ${full}`);
  return full;
}

type Command = (args: Parsed, io: Io) => Promise<void> | void;

export const exchangeCommands: Record<string, Command> = {
  'keys export': ({ options }, io) =>
    withOffice(options, (core) => {
      const out = path.resolve(need(options, 'out'));
      writeFileSync(out, publicKeyFile(core.db));
      const keys = requireOwnKeys(core.db);
      io.out(json({ office: keys.office, replica: keys.replica, fingerprint: keys.fingerprint, out }));
    }),

  // The fingerprint is the one the other office read out: required, as on the screen.
  'keys trust': ({ options, positionals }, io) =>
    withOffice(options, (core) => {
      const file = existingFile(positionals, 'keys trust');
      const fingerprint = need(options, 'fingerprint');
      io.out(json(core.callAs(CLI_ACTOR, 'trust.add', { keyFile: readFileSync(file, 'utf8').slice(0, 16_384), fingerprint })));
    }),

  'keys rotate': ({ options }, io) =>
    withOffice(options, (core) => {
      const { keyFile: _file, ...rotated } = core.callAs(CLI_ACTOR, 'keys.rotate', {});
      io.out(json(rotated));
    }),

  'keys show': ({ options }, io) =>
    withOffice(options, (core) => {
      const { keyFile: _file, ...own } = core.callAs(CLI_ACTOR, 'keys.own', {});
      io.out(json(own));
    }),

  'trust list': ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'trust.list', {})))),

  'trust remove': ({ options }, io) =>
    withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'trust.remove', { fingerprint: need(options, 'fingerprint') })))),

  'trust confirm': ({ options }, io) =>
    withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'trust.confirm', { fingerprint: need(options, 'fingerprint') })))),

  'trust reject': ({ options }, io) =>
    withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'trust.reject', { fingerprint: need(options, 'fingerprint') })))),

  export: ({ options }, io) =>
    withOffice(options, (core) => {
      const out = path.resolve(need(options, 'out'));
      const to = typeof options.to === 'string' ? options.to : undefined;
      const result = core.callAs(CLI_ACTOR, 'exchange.export', {
        to: to as never,
        full: options.full === true,
        target: { token: issueFileToken(out, 'write') },
      });
      io.out(json({ ...result, out }));
    }),

  import: ({ options, positionals }, io) =>
    withOffice(options, (core) => {
      const file = existingFile(positionals, 'import');
      const source = { token: issueFileToken(file, 'read') };
      const summary = core.callAs(CLI_ACTOR, options['dry-run'] ? 'exchange.preview' : 'exchange.import', { source });
      io.out(json(summary));
    }),

  conflicts: ({ options }, io) =>
    withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'conflicts.list', { limit: 1000 }).items))),

  duplicates: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'duplicates.list', { limit: 2000 })))),

  history: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'exchange.history', { limit: 1000 }).items))),
};

export const EXCHANGE_USAGE = `  keys export --db FILE --out FILE.pub
  keys trust --db FILE --fingerprint "XXXX …" FILE.pub   (an administrator's act; the fingerprint read out by the other office)
  keys show --db FILE
  keys rotate --db FILE                         (new keys for this workstation; other offices switch over after exchange)
  trust list --db FILE
  trust remove --db FILE --fingerprint "XXXX …"   (at the centre, or for this office's own keys: revoked everywhere)
  trust confirm|reject --db FILE --fingerprint "XXXX …"   (a key the centre's list proposed)
  export --db FILE --out BUNDLE [--to CODE] [--full]   (default recipient: the centre KZ)
  import --db FILE BUNDLE [--dry-run]
  conflicts --db FILE
  duplicates --db FILE
  history --db FILE`;

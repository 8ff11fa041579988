import { readFileSync } from 'node:fs';
import { CLI_ACTOR } from '../core/app';
import { publicKeyFile, requireOwnKeys } from '../core/office/keys';
import { DB, existingFile, json, need, withOfficeKeyed as withOffice, type Commands, type OptionSpec } from './helpers';
import { outPath, writeOutFile } from './out-file';

/** `erikti keys export|trust|show|rotate` and `trust list|remove|confirm|reject`: whose bundles this office accepts. */

const FINGERPRINT: Record<string, OptionSpec> = { fingerprint: { type: 'string', value: '"XXXX …"', required: true } };

/** A key of the centre's list: confirmed or rejected by this office. */
const decision = (call: 'trust.confirm' | 'trust.reject', note?: string) => ({
  options: { ...DB, ...FINGERPRINT },
  ...(note ? { note } : {}),
  run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, call, { fingerprint: need(options, 'fingerprint') })))),
}) satisfies Commands[string];

export const keysCommands: Commands = {
  'keys export': {
    options: { ...DB, out: { type: 'string', value: 'FILE.pub', required: true } },
    run: ({ options }, io) =>
      withOffice(options, (core) => {
        const out = outPath(need(options, 'out'));
        writeOutFile(out, Buffer.from(publicKeyFile(core.db)));
        const keys = requireOwnKeys(core.db);
        io.out(json({ office: keys.office, replica: keys.replica, fingerprint: keys.fingerprint, out }));
      }),
  },

  // The fingerprint is the one the other office read out: required, as on the screen.
  'keys trust': {
    options: { ...DB, ...FINGERPRINT },
    args: 'FILE.pub',
    note: "an administrator's act; the fingerprint read out by the other office",
    run: ({ options, positionals }, io) =>
      withOffice(options, (core) => {
        const file = existingFile(positionals, 'keys trust');
        const fingerprint = need(options, 'fingerprint');
        io.out(json(core.callAs(CLI_ACTOR, 'trust.add', { keyFile: readFileSync(file, 'utf8').slice(0, 16_384), fingerprint })));
      }),
  },

  'keys show': {
    options: DB,
    run: ({ options }, io) =>
      withOffice(options, (core) => {
        const { keyFile: _file, ...own } = core.callAs(CLI_ACTOR, 'keys.own', {});
        io.out(json(own));
      }),
  },

  'keys rotate': {
    options: DB,
    privateKeys: true,
    note: 'new keys for this workstation; other offices switch over after exchange',
    run: ({ options }, io) =>
      withOffice(options, (core) => {
        const { keyFile: _file, ...rotated } = core.callAs(CLI_ACTOR, 'keys.rotate', {});
        io.out(json(rotated));
      }),
  },

  'trust list': {
    options: DB,
    run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'trust.list', {})))),
  },

  'trust remove': {
    options: { ...DB, ...FINGERPRINT },
    privateKeys: true,
    note: "at the centre, or for this office's own keys: revoked everywhere",
    run: ({ options }, io) =>
      withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'trust.remove', { fingerprint: need(options, 'fingerprint') })))),
  },

  'trust confirm': decision('trust.confirm', "a key the centre's list proposed"),
  'trust reject': decision('trust.reject'),
};

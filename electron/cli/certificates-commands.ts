import { CLI_ACTOR } from '../core/app';
import type { Core } from '../core/app';
import type { GeneratedFile } from '../../shared/contract/files';
import { DB, json, need, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { withProgress } from './progress-line';
import { outPath, writeOutFile } from './out-file';

/**
 * `erikti certificates …`: issue (one, or a batch into one PDF), re-print, list, revoke and
 * verify certificates, and see or revoke certificate keys. JSON on stdout.
 */

const text = (options: Parsed['options'], name: string) => (typeof options[name] === 'string' && options[name] !== '' ? (options[name] as string) : undefined);

function number(options: Parsed['options'], name: string): number {
  const n = Number(need(options, name));
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} needs a number`);
  return n;
}

const call = (options: Parsed['options'], fn: (core: Core) => unknown) => (io: { out(text: string): void }) =>
  withOffice(options, (core) => io.out(json(fn(core))));

const PRINTING = {
  out: { type: 'string', value: 'FILE.pdf' },
  english: { type: 'boolean' },
  signatory: { type: 'string', value: 'TEXT' },
} as const;

/** Writes the PDF when --out was given; returns its path. */
function save(options: Parsed['options'], file: GeneratedFile | null): string | null {
  const out = text(options, 'out');
  if (!out || !file) return null;
  const full = outPath(out);
  writeOutFile(full, Buffer.from(file.base64, 'base64'));
  return full;
}

/** Print options; a --out whose folder is missing is refused here, before anything is numbered. */
function printing(options: Parsed['options']) {
  const out = text(options, 'out');
  if (out !== undefined) outPath(out);
  return { print: out !== undefined, english: options.english === true, signatory: text(options, 'signatory') };
}

export const certificatesCommands: Commands = {
  'certificates issue': {
    options: {
      ...DB, volunteer: { type: 'string', value: 'ID', required: true }, kind: { type: 'string', value: 'training|service', required: true },
      session: { type: 'string', value: 'ID' }, from: { type: 'string', value: 'YYYY-MM-DD' }, to: { type: 'string', value: 'YYYY-MM-DD' }, ...PRINTING,
    },
    privateKeys: true,
    note: 'the same person and session (or period) again gives the same certificate',
    run: ({ options }, io) =>
      call(options, (core) => {
        const result = core.callAs(CLI_ACTOR, 'certificates.issue', {
          kind: need(options, 'kind'), volunteerId: need(options, 'volunteer'), sessionId: text(options, 'session'), from: text(options, 'from'),
          to: text(options, 'to'), ...printing(options),
        });
        const { number, code, qr, again } = result.certificates[0]!;
        return { number, code, qr, again, out: save(options, result.file) };
      })(io),
  },
  'certificates batch': {
    options: {
      ...DB, kind: { type: 'string', value: 'training|service', required: true }, session: { type: 'string', value: 'ID' },
      'min-hours': { type: 'string', value: 'N' }, year: { type: 'string', value: 'YYYY' }, ...PRINTING,
    },
    privateKeys: true,
    note: 'training: everyone who passed --session; service: everyone with --min-hours verified hours in --year; one PDF, all or nothing',
    run: ({ options }, io) =>
      call(options, (core) => {
        const kind = need(options, 'kind');
        const input =
          kind === 'training'
            ? { kind, sessionId: need(options, 'session') }
            : kind === 'service'
              ? { kind, year: number(options, 'year'), minHours: number(options, 'min-hours') }
              : null;
        if (!input) throw new UsageError('--kind must be training or service');
        const result = withProgress(io, (control) => core.callAs(CLI_ACTOR, 'certificates.batch', { ...input, ...printing(options) }, control));
        save(options, result.file);
        return result.certificates.map(({ number, code, qr, volunteerId, again }) => ({ number, code, qr, volunteerId, again }));
      })(io),
  },
  'certificates print': {
    options: { ...DB, out: { type: 'string', value: 'FILE.pdf', required: true }, english: { type: 'boolean' } },
    args: 'NUMBER...',
    note: 're-prints: the same numbers, codes and QR codes',
    run: ({ options, positionals }, io) =>
      call(options, (core) => {
        if (positionals.length === 0) throw new UsageError('certificates print needs certificate numbers');
        const file = withProgress(io, (control) => core.callAs(CLI_ACTOR, 'certificates.print', { numbers: positionals, english: options.english === true }, control));
        return { out: save(options, file), pages: positionals.length };
      })(io),
  },
  'certificates list': {
    options: { ...DB, volunteer: { type: 'string', value: 'ID' }, text: { type: 'string', value: 'TEXT' }, year: { type: 'string', value: 'YYYY' } },
    run: ({ options }, io) =>
      call(options, (core) =>
        core.callAs(CLI_ACTOR, 'certificates.list', {
          volunteerId: text(options, 'volunteer'), text: text(options, 'text'), year: text(options, 'year') ? number(options, 'year') : undefined, limit: 1000,
        }).rows)(io),
  },
  'certificates revoke': {
    options: { ...DB, reason: { type: 'string', value: 'TEXT', required: true } },
    args: 'NUMBER',
    run: ({ options, positionals }, io) =>
      call(options, (core) => {
        if (!positionals[0]) throw new UsageError('certificates revoke needs the certificate number');
        return core.callAs(CLI_ACTOR, 'certificates.revoke', { number: positionals[0], reason: need(options, 'reason') });
      })(io),
  },
  'certificates verify': {
    options: DB,
    args: 'CODE|QRTEXT',
    note: 'exit 0 only when valid',
    run: ({ options, positionals }, io) =>
      withOffice(options, (core) => {
        if (positionals.length === 0) throw new UsageError('certificates verify needs the printed code or the QR content');
        // A code typed with spaces may arrive as several words.
        const verdict = core.callAs(CLI_ACTOR, 'certificates.verify', { text: positionals.join(' ') });
        io.out(json(verdict));
        if (verdict.status !== 'valid') throw new Error(`the certificate is ${verdict.status}${verdict.reason ? ` (${verdict.reason})` : ''}`);
      }),
  },
  'certificates keys': {
    options: DB,
    run: ({ options }, io) => call(options, (core) => core.callAs(CLI_ACTOR, 'certificates.keys', {}))(io),
  },
  'certificates key revoke': {
    options: { ...DB, at: { type: 'string', value: 'ISO-TIME' } },
    args: 'KEYID',
    privateKeys: true,
    note: 'the centre: any office’s certificate key; an office: its own (replaced at once)',
    run: ({ options, positionals }, io) =>
      call(options, (core) => {
        if (!positionals[0]) throw new UsageError('certificates key revoke needs the key id');
        return core.callAs(CLI_ACTOR, 'certificates.revokeKey', { keyId: positionals[0], at: text(options, 'at') });
      })(io),
  },
};

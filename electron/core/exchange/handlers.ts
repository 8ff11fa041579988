import { CallError } from '../../../shared/contract/errors';
import type { exchangeCalls } from '../../../shared/contract/exchange';
import { BUNDLE_BASE64_MAX } from '../../../shared/contract/exchange';
import type { CallContext, HandlerMap } from '../context';
import { listConflicts, resolveConflict, resolveMany } from './conflicts';
import { likelyDuplicates, markDistinct, mergeChosen } from './duplicates';
import { bundleError, reviewError } from './errors';
import { exportBundle, fileSink, memorySink } from './export';
import { takeFileToken } from './files';
import { bytesSource, fileSource, type Source } from './format';
import { historyDetail, listHistory } from './history';
import { importBundle } from './import';
import { listTrusted, parseKeyFile, publicKeyFile, removeTrusted, requireOwnKeys, trustKeys } from './keys';

const MAX_DOWNLOAD_BYTES = Math.floor((BUNDLE_BASE64_MAX / 4) * 3);

function sourceOf(input: { token: string } | { base64: string }): Source {
  if ('token' in input) return fileSource(takeFileToken(input.token, 'read'));
  return bytesSource(Buffer.from(input.base64, 'base64'));
}

function withSource<T>(input: { token: string } | { base64: string }, fn: (source: Source) => T): T {
  const source = sourceOf(input);
  try {
    return fn(source);
  } finally {
    source.close();
  }
}

const actorName = (ctx: CallContext) => ctx.stamp().actor;

function recordExists(ctx: CallContext, id: string): void {
  const row = ctx.db.prepare('SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id);
  if (!row) throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id } }, `No volunteer ${id}`);
}

export const exchangeHandlers: HandlerMap<keyof typeof exchangeCalls> = {
  'exchange.export': ({ to, full, target }, ctx) => {
    const at = ctx.now().toISOString();
    if (target) {
      const sink = fileSink(takeFileToken(target.token, 'write'));
      try {
        const result = exportBundle(ctx.db, sink, { to, full, actor: actorName(ctx), at });
        sink.commit();
        return result;
      } catch (error) {
        sink.abort();
        throw error;
      }
    }
    const sink = memorySink();
    const result = exportBundle(ctx.db, sink, { to, full, actor: actorName(ctx), at });
    const bytes = sink.bytes();
    if (bytes.length > MAX_DOWNLOAD_BYTES) {
      throw bundleError('tooLargeForDownload', 'The bundle is too large to download here: export it to a file', { limit: MAX_DOWNLOAD_BYTES });
    }
    return { ...result, base64: bytes.toString('base64') };
  },

  'exchange.preview': ({ source }, ctx) =>
    withSource(source, (s) => importBundle(ctx.db, s, { clock: ctx.clock, actor: actorName(ctx), at: ctx.now().toISOString(), dryRun: true })),

  'exchange.import': ({ source }, ctx) =>
    withSource(source, (s) => importBundle(ctx.db, s, { clock: ctx.clock, actor: actorName(ctx), at: ctx.now().toISOString() })),

  'exchange.history': (page, ctx) => listHistory(ctx.db, page),

  'exchange.historyEntry': ({ id }, ctx) => {
    const detail = historyDetail(ctx.db, id);
    if (!detail) throw new CallError({ code: 'notFound', key: 'error.notFound' }, `No history entry ${id}`);
    return detail;
  },

  'conflicts.list': (query, ctx) => listConflicts(ctx.db, query),

  'conflicts.resolveMany': ({ ids, choice, office }, ctx) => {
    if (choice !== 'office') return resolveMany(ctx.stamp(), ids, { choice });
    if (!office) throw new CallError({ code: 'validation', key: 'error.region' }, 'Choose the office whose values to take');
    return resolveMany(ctx.stamp(), ids, { choice, office });
  },

  'conflicts.resolve': ({ id, choice, value }, ctx) => {
    if (choice === 'value') return resolveConflict(ctx.stamp(), id, { choice, value: value ?? null });
    return resolveConflict(ctx.stamp(), id, { choice });
  },

  'duplicates.list': ({ limit }, ctx) => likelyDuplicates(ctx.db, { limit }),

  'duplicates.merge': ({ keepId, otherId }, ctx) => {
    recordExists(ctx, keepId);
    recordExists(ctx, otherId);
    if (keepId === otherId) throw reviewError('duplicates.same', 'A record cannot be merged with itself');
    return mergeChosen(ctx.stamp(), 'volunteers', keepId, otherId);
  },

  'duplicates.markDistinct': ({ a, b }, ctx) => {
    recordExists(ctx, a);
    recordExists(ctx, b);
    markDistinct(ctx.stamp(), 'volunteers', a, b);
    return { ok: true };
  },

  'trust.list': (_input, ctx) =>
    listTrusted(ctx.db).map((k) => ({ office: k.office, replica: k.replica, name: k.name, fingerprint: k.fingerprint, source: k.source, addedAt: k.addedAt, addedBy: k.addedBy })),

  'trust.add': ({ keyFile }, ctx) => {
    const keys = parseKeyFile(keyFile);
    const added = trustKeys(ctx.db, keys, 'administrator', actorName(ctx), ctx.now().toISOString());
    return { added, office: keys.office, fingerprint: keys.fingerprint };
  },

  'trust.remove': ({ fingerprint }, ctx) => {
    if (!removeTrusted(ctx.db, fingerprint)) throw new CallError({ code: 'notFound', key: 'error.notFound' }, 'No such trusted key');
    return { ok: true };
  },

  'keys.own': (_input, ctx) => {
    const keys = requireOwnKeys(ctx.db);
    return { office: keys.office, replica: keys.replica, name: keys.name, fingerprint: keys.fingerprint, keyFile: publicKeyFile(ctx.db) };
  },
};

import { CallError } from '../../../shared/contract/errors';
import type { exchangeCalls } from '../../../shared/contract/exchange';
import { BUNDLE_BASE64_MAX } from '../../../shared/contract/exchange';
import type { CallContext, HandlerMap, ReadContext } from '../context';
import { auditAct } from '../audit/log';
import { assertMayChange } from './authority';
import { listConflicts, resolveConflict, resolveMany } from './conflicts';
import { markDistinct } from '../replication/distinct-pairs';
import { listMerges, mergeChosen, undoMerge, type FieldChoices } from '../replication/merges';
import { pageOfDuplicates } from '../volunteers/duplicates';
import { REPLICATED_TABLES, specOf, type ReplicatedTable } from '../replication/tables';
import { toColumn } from '../volunteers/columns';
import { bundleError, reviewError } from './errors';
import { exportBundle, fileSink, memorySink } from './export';
import { takeFileToken } from './files';
import { bytesSource, fileSource, type Source } from './format';
import { historyDetail, listHistory } from './history';
import { importBundle } from './import';
import { keysError } from '../office/errors';
import { confirmPending, listTrusted, parseKeyFile, publicKeyFile, rejectPending, removeTrusted, requireOwnKeys, trustKeys } from '../office/keys';
import { mayRevoke, revokeKey, rotateOwnKeys } from '../office/trust';

/** Fingerprints as people type them: any spacing, any case. */
const normalFingerprint = (text: string) => text.replace(/\s+/g, '').toUpperCase();

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

const actorName = (ctx: ReadContext) => ctx.actorName();

/** The volunteer fields a merge chooses between (all replicated fields but the tombstone flag). */
const MERGED_FIELDS: readonly string[] = REPLICATED_TABLES.volunteers.filter((f) => f !== 'deleted');

/** A live record of the table, or the table's own "not found" error. */
function recordExists(ctx: ReadContext, table: ReplicatedTable, id: string): void {
  const row = ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted = 0`).get(id);
  if (!row) throw new CallError({ code: 'notFound', key: specOf(table).notFound ?? 'error.notFound', params: { id } }, `No ${table} record ${id}`);
}

/** A bundle carries people's data: its export is recorded in the call's transaction (the file is committed after). */
const auditExport = (ctx: CallContext, bundle: { to: string; full: boolean; rows: number; bundleId: string }) =>
  auditAct(ctx, 'export.exchange', bundle.to, { rows: String(bundle.rows), full: String(bundle.full), bundle: bundle.bundleId });

export const exchangeHandlers: HandlerMap<keyof typeof exchangeCalls> = {
  'exchange.export': ({ to, full, target }, ctx) => {
    const at = ctx.now().toISOString();
    if (target) {
      const sink = fileSink(takeFileToken(target.token, 'write'));
      try {
        const result = exportBundle(ctx.db, sink, { to, full, actor: actorName(ctx), at, progress: ctx.progress });
        auditExport(ctx, result);
        sink.commit();
        return result;
      } catch (error) {
        sink.abort();
        throw error;
      }
    }
    const sink = memorySink();
    const result = exportBundle(ctx.db, sink, { to, full, actor: actorName(ctx), at, progress: ctx.progress });
    const bytes = sink.bytes();
    if (bytes.length > MAX_DOWNLOAD_BYTES) {
      throw bundleError('tooLargeForDownload', 'The bundle is too large to download here: export it to a file', { limit: MAX_DOWNLOAD_BYTES });
    }
    auditExport(ctx, result);
    return { ...result, base64: bytes.toString('base64') };
  },

  'exchange.preview': ({ source }, ctx) =>
    withSource(source, (s) => ctx.rehearse((db) => importBundle(db, s, { clock: ctx.clock, actor: actorName(ctx), at: ctx.now().toISOString(), dryRun: true, progress: ctx.progress }))),

  'exchange.import': ({ source }, ctx) =>
    withSource(source, (s) => importBundle(ctx.db, s, { clock: ctx.clock, actor: actorName(ctx), at: ctx.now().toISOString(), progress: ctx.progress })),

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

  'duplicates.list': (page, ctx) => pageOfDuplicates(ctx.db, page),

  'duplicates.merge': ({ keepId, otherId, choices }, ctx) => {
    recordExists(ctx, 'volunteers', keepId);
    recordExists(ctx, 'volunteers', otherId);
    if (keepId === otherId) throw reviewError('duplicates.same', 'A record cannot be merged with itself');
    // A merge writes on both records (and makes their keepers one person's keepers): a regional
    // office merges only people it may change, the centre anyone.
    assertMayChange(ctx.db, 'volunteers', keepId);
    assertMayChange(ctx.db, 'volunteers', otherId);
    const columns: FieldChoices = {};
    for (const [field, side] of Object.entries(choices)) {
      const column = toColumn(field);
      if (!MERGED_FIELDS.includes(column)) throw new CallError({ code: 'validation', key: 'error.invalid' }, `Unknown field ${field}`);
      columns[column] = side;
    }
    return mergeChosen(ctx.stamp(), 'volunteers', keepId, otherId, columns);
  },

  'duplicates.compare': ({ a, b }, ctx) => {
    recordExists(ctx, 'volunteers', a);
    recordExists(ctx, 'volunteers', b);
    // As stored (the conflict list's form); coordinators may read IINs, and only they compare.
    const [x, y] = [a, b].map((id) => ctx.db.prepare('SELECT * FROM volunteers WHERE id = ?').get(id) as Record<string, unknown>);
    return { fields: MERGED_FIELDS.map((column) => ({ field: column, a: x![column] ?? null, b: y![column] ?? null })) };
  },

  'merges.list': (page, ctx) => listMerges(ctx.db, requireOwnKeys(ctx.db).office, page),

  'merges.undo': ({ id }, ctx) => {
    // As imports decide it: the keepers of the person merged (either record) and the centre.
    if (ctx.db.prepare('SELECT 1 FROM merges WHERE id = ?').get(id)) assertMayChange(ctx.db, 'merges', id);
    return undoMerge(ctx.stamp(), id);
  },

  'duplicates.markDistinct': ({ a, b }, ctx) => {
    recordExists(ctx, 'volunteers', a);
    recordExists(ctx, 'volunteers', b);
    markDistinct(ctx.stamp(), 'volunteers', a, b);
    return { ok: true };
  },

  'trust.list': (_input, ctx) =>
    listTrusted(ctx.db).map((k) => ({
      office: k.office, replica: k.replica, name: k.name, fingerprint: k.fingerprint, source: k.source, status: k.status,
      validFrom: k.validFrom, validUntil: k.revokedAt, addedAt: k.addedAt, addedBy: k.addedBy,
    })),

  'trust.add': ({ keyFile, fingerprint }, ctx) => {
    const keys = parseKeyFile(keyFile);
    if (normalFingerprint(fingerprint) !== normalFingerprint(keys.fingerprint)) {
      throw keysError('fingerprint', `The fingerprint given (${fingerprint}) is not this key file's (${keys.fingerprint}): do not trust it`);
    }
    const added = trustKeys(ctx.db, keys, 'administrator', actorName(ctx), ctx.now().toISOString());
    if (added) auditAct(ctx, 'trust.added', keys.office, { fingerprint: keys.fingerprint });
    return { added, office: keys.office, fingerprint: keys.fingerprint };
  },

  'trust.remove': ({ fingerprint }, ctx) => {
    const at = ctx.now().toISOString();
    const removed = removeTrusted(ctx.db, fingerprint, actorName(ctx), at);
    if (!removed) throw new CallError({ code: 'notFound', key: 'error.notFound' }, 'No such trusted key');
    const revoked = removed.revokedAt === null && removed.status === 'active' && mayRevoke(requireOwnKeys(ctx.db).office, removed.office);
    if (revoked) revokeKey(ctx.db, removed, at);
    auditAct(ctx, 'trust.removed', removed.office, { fingerprint: removed.fingerprint, revoked: String(revoked) });
    return { ok: true as const, revoked };
  },

  'trust.confirm': ({ fingerprint }, ctx) => {
    const key = confirmPending(ctx.db, fingerprint, actorName(ctx), ctx.now().toISOString());
    auditAct(ctx, 'trust.confirmed', key.office, { fingerprint: key.fingerprint });
    return { ok: true };
  },

  'trust.reject': ({ fingerprint }, ctx) => {
    const key = rejectPending(ctx.db, fingerprint, actorName(ctx), ctx.now().toISOString());
    auditAct(ctx, 'trust.rejected', key.office, { fingerprint: key.fingerprint });
    return { ok: true };
  },

  'keys.rotate': (_input, ctx) => {
    const previous = requireOwnKeys(ctx.db).fingerprint;
    const next = rotateOwnKeys(ctx.db, ctx.now().toISOString());
    auditAct(ctx, 'keys.rotated', next.office, { previous, fingerprint: next.fingerprint });
    return { office: next.office, replica: next.replica, fingerprint: next.fingerprint, previous, keyFile: publicKeyFile(ctx.db) };
  },

  'keys.own': (_input, ctx) => {
    const keys = requireOwnKeys(ctx.db);
    return { office: keys.office, replica: keys.replica, name: keys.name, fingerprint: keys.fingerprint, keyFile: publicKeyFile(ctx.db) };
  },
};

import type { Core } from '../../../../electron/core/app';
import { SCHEMA_VERSION } from '../../../../electron/core/db/migrate';
import { memorySink } from '../../../../electron/core/exchange/export';
import { BundleWriter } from '../../../../electron/core/exchange/format';
import { currentKeysFor, ownKeys, ownPrivateKeys } from '../../../../electron/core/office/keys';
import { dump } from '../../../../electron/core/dump/dump';
import { REPLICATED_TABLE_NAMES } from '../../../../electron/core/replication/tables';
import type { ImportSummaryView } from '../../../../shared/contract/exchange';
import { ADMIN, officeCore } from '../../../helpers/temp-db';

/** An office database whose administrator trusts the given offices (and they it). */
export function offices(...codes: string[]): Core[] {
  const cores = codes.map((code) => officeCore(code));
  for (const a of cores) {
    for (const b of cores) {
      if (a === b) continue;
      trust(a, b);
    }
  }
  return cores;
}

/** An administrator of `a` trusts `b`'s key file, having compared the fingerprint `b` reads out. */
export function trust(a: Core, b: Core): void {
  const { keyFile, fingerprint } = b.callAs(ADMIN, 'keys.own', {});
  a.callAs(ADMIN, 'trust.add', { keyFile, fingerprint });
}

export function exportTo(from: Core, to: string, full = false): Buffer {
  const result = from.callAs(ADMIN, 'exchange.export', { to, full });
  return Buffer.from(result.base64!, 'base64');
}

export function importInto(core: Core, bundle: Buffer): ImportSummaryView {
  return core.callAs(ADMIN, 'exchange.import', { source: { base64: bundle.toString('base64') } });
}

export function previewIn(core: Core, bundle: Buffer): ImportSummaryView {
  return core.callAs(ADMIN, 'exchange.preview', { source: { base64: bundle.toString('base64') } });
}

/** Everything observable about a database's data and bookkeeping, to prove "nothing was written". */
export function snapshot(core: Core): { dump: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  for (const t of [...REPLICATED_TABLE_NAMES, 'row_clock', 'conflicts', 'trusted_keys', 'exchange_history', 'exchange_peers', 'exchange_sent']) {
    counts[t] = core.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  }
  counts.maxSeq = core.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM row_clock').pluck().get() as number;
  return { dump: dump(core.db), counts };
}

export const person = (lastName: string, firstName: string, extra: Record<string, unknown> = {}) => ({ lastName, firstName, ...extra });

/** A bundle written by hand with a real office's keys (for hostile or historical payloads); `encrypt: false` for a plain one. */
export function craft(from: Core, to: string, lines: string, manifest: Partial<Record<string, unknown>> = {}, level?: number, encrypt = true): Buffer {
  const keys = { ...ownKeys(from.db)!, ...ownPrivateKeys(from.db) };
  const recipients = currentKeysFor(from.db, to, new Date().toISOString()).map((k) => ({ fingerprint: k.fingerprint, box: k.box }));
  const sink = memorySink();
  const id = `crafted-${Math.random()}`;
  const writer = new BundleWriter(sink, { bundleId: id, signPrivate: keys.signPrivate, senderFingerprint: keys.fingerprint, recipients: encrypt ? recipients : null, level });
  writer.raw(lines);
  const rows = lines.split('\n').filter(Boolean).length;
  writer.finish({
    schema: SCHEMA_VERSION, app: 'erikti', id, createdAt: new Date().toISOString(),
    sender: { office: keys.office, replica: keys.replica, name: keys.name, fingerprint: keys.fingerprint },
    recipient: { office: to, fingerprints: recipients.map((r) => r.fingerprint) },
    compression: 'deflate-raw', full: true, since: 0, upTo: 1, acks: {}, hlc: { min: null, max: null }, counts: {}, rows, trust: 0, statements: [],
    ...manifest,
  } as never);
  return sink.bytes();
}

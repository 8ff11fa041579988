import { createHash } from 'node:crypto';
import { createAtomically } from '../files/atomic-file';
import { isOfficeCode } from '../../../shared/domain/regions';
import type { Db } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';
import { entryOf, parseEntries, stampReplica, toWire, type RowClock, type WireEntry } from '../replication/entries';
import { newId } from '../replication/ids';
import { REPLICATED_TABLE_NAMES, REPLICATED_TABLES, type Row } from '../replication/tables';
import { prepared } from '../db/statements';
import { bundleError } from './errors';
import { BundleWriter, type BundleHeader, type Sink } from './format';
import { currentKeysFor, listTrusted, ownPrivateKeys, publicPart, requireOwnKeys } from '../office/keys';
import { ackedBy, acksFor, learnedFrom, recordSent, sentWatermark } from './peers';
import { CENTRE, knownStatements } from '../office/trust';
import type { ExportResultView } from '../../../shared/contract/exchange';
import { knownCertificateKeyStatements, ownCertificateKey } from '../certificates/keys';
import { noProgress, type Progress } from '../progress';

export { CENTRE };
export const APP_FORMAT_NAME = 'erikti';

export interface ExportOptions {
  /** Recipient office code; defaults to the centre (KZ) for a regional office. The centre must name one. */
  to?: string;
  /** Everything this office holds, not only what the recipient has not been sent. */
  full?: boolean;
  /** Encrypt to the recipient (default). Only tests and diagnostics turn it off. */
  encrypt?: boolean;
  actor: string;
  at: string;
  /** For tests: write a bundle that claims another format version. */
  formatVersion?: number;
  /** Hears of each changed record considered (`collecting`) and of the signing at the end. */
  progress?: Progress;
}

export function defaultRecipient(ownOffice: string, to: string | undefined): string {
  if (to) return to;
  if (ownOffice === CENTRE) throw bundleError('noRecipient', 'The centre exports to a named office: give --to CODE');
  return CENTRE;
}

/** A file name that says who sent what to whom and when; never taken from a bundle. */
export function bundleFileName(from: string, to: string, at: string, id: string): string {
  return `erikti-${from}-to-${to}-${at.slice(0, 10)}-${id.slice(-6)}.erikti`;
}

/**
 * Writes a bundle of this office's data for one recipient office to the sink.
 * Incremental by default: records (and, for records the recipient already has, only the fields)
 * that changed since the last bundle to that office; values the recipient wrote itself, and
 * values learned from the recipient's own bundles (what it relayed), are left out. The centre relays everything it holds and adds its trust list.
 * Records what was sent (watermark and history) in the caller's transaction.
 */
export function exportBundle(db: Db, sink: Sink, options: ExportOptions): ExportResultView {
  const own = requireOwnKeys(db);
  const to = defaultRecipient(own.office, options.to);
  if (!isOfficeCode(to)) throw bundleError('recipientUnknown', `Unknown office code ${to}`, { office: to });
  // Only keys valid now: a revoked or rotated-out key (a stolen laptop's) receives nothing more.
  const recipients = currentKeysFor(db, to, options.at);
  if (recipients.length === 0) {
    throw bundleError('recipientUnknown', `No keys of office ${to} are trusted here: trust its public-key file first`, { office: to });
  }
  const recipientReplicas = new Set([
    ...recipients.map((r) => r.replica),
    ...(prepared(db, 'SELECT replica FROM exchange_peers WHERE office = ?').pluck().all(to) as string[]),
  ]);
  const full = options.full === true;
  const since = full ? 0 : sentWatermark(db, to);
  const acked = full ? 0 : ackedBy(db, to, [...recipientReplicas]);
  const upTo = (prepared(db, 'SELECT COALESCE(MAX(seq), 0) AS m FROM row_clock').get() as { m: number }).m;
  const bundleId = newId();

  let bytes = 0;
  const fileHash = createHash('sha256');
  const counting: Sink = {
    write(chunk) {
      bytes += chunk.length;
      fileHash.update(chunk);
      sink.write(chunk);
    },
  };
  const writer = new BundleWriter(counting, {
    bundleId,
    signPrivate: ownPrivateKeys(db).signPrivate,
    senderFingerprint: own.fingerprint,
    recipients: options.encrypt === false ? null : recipients.map((r) => ({ fingerprint: r.fingerprint, box: r.box })),
    formatVersion: options.formatVersion,
  });

  const counts: Record<string, number> = {};
  let rows = 0;
  let min: string | null = null;
  let max: string | null = null;
  const see = (s: string) => {
    if (min === null || s < min) min = s;
    if (max === null || s > max) max = s;
  };
  const fromRecipient = (s: string) => recipientReplicas.has(stampReplica(s));
  // What the recipient sent us (its own work or what it relayed) it holds already.
  const learned = full ? () => false : learnedFrom(db, to, since);

  const progress = options.progress ?? noProgress;
  // Every record changed since the watermark is considered once (most are sent): a real total, counted cheaply by the index on seq.
  const candidates = (prepared(db, 'SELECT count(*) FROM row_clock WHERE seq > ?').pluck().get(since) as number);
  let considered = 0;
  progress('collecting', 0, candidates);
  for (const table of REPLICATED_TABLE_NAMES) {
    const columns = REPLICATED_TABLES[table] as readonly string[];
    const query = prepared(
      db,
      `SELECT rc.base, rc.actor, rc.fields, rc.seq, rc.base_seq, t.* FROM row_clock rc JOIN ${table} t ON t.id = rc.row_id
       WHERE rc.tbl = '${table}' AND rc.seq > ? ORDER BY rc.seq`,
    );
    let n = 0;
    for (const record of query.iterate(since) as Iterable<Row & RowClock>) {
      progress('collecting', considered++, candidates);
      const clock = { ...record, tbl: table, row_id: String(record.id) } as RowClock;
      const entries = parseEntries(clock);
      const asFull = full || (clock.base_seq > acked && !learned(clock.base_seq));
      const v: Row = {};
      const c: Record<string, WireEntry> = {};
      let news = false;
      for (const column of columns) {
        const entry = entryOf(clock, entries, column);
        const fresh = full || (entry.q > since && !fromRecipient(entry.s) && !learned(entry.q));
        if (!asFull && !fresh) continue;
        if (fresh) news = true;
        v[column] = record[column] ?? null;
        if (entries[column]) c[column] = toWire(entries[column]!);
        see(entry.s);
      }
      if (!news) continue;
      const line: Record<string, unknown> = { t: table, id: record.id, b: clock.base, a: clock.actor, v };
      if (Object.keys(c).length > 0) line.c = c;
      if (asFull) line.f = 1;
      writer.line(line);
      n++;
    }
    if (n > 0) counts[table] = n;
    rows += n;
  }

  progress('collecting', candidates, candidates);

  let trust = 0;
  if (own.office === CENTRE) {
    const current = listTrusted(db).filter((k) => k.status === 'active' && k.revokedAt === null);
    for (const key of [publicPart(own), ...current.map(publicPart)]) {
      writer.line({ k: key });
      trust++;
    }
  }

  // The office's certificate key is announced with its bundles, so the centre can vouch for it before the first certificate.
  ownCertificateKey(db, options.at);
  // Signing is one step: the last chunk sealed, the header signed (nothing in it to count).
  progress('signing', 0, 1);
  const header: BundleHeader = writer.finish({
    schema: SCHEMA_VERSION,
    app: APP_FORMAT_NAME,
    id: bundleId,
    createdAt: options.at,
    sender: { office: own.office, replica: own.replica, name: own.name, fingerprint: own.fingerprint },
    recipient: { office: to, fingerprints: recipients.map((r) => r.fingerprint) },
    compression: 'deflate-raw',
    full,
    since,
    upTo,
    acks: acksFor(db, to),
    hlc: { min, max },
    counts,
    rows,
    trust,
    statements: knownStatements(db),
    certificateKeys: knownCertificateKeyStatements(db),
  });
  progress('signing', 1, 1);
  const sha256 = fileHash.digest('hex');
  recordSent(db, to, upTo);
  prepared(
    db,
    `INSERT INTO exchange_history (direction, bundle_id, peer_office, peer_replica, full, since_seq, up_to_seq, rows, bytes, sha256, summary, at, actor)
     VALUES ('export', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(bundleId, to, full ? 1 : 0, since, upTo, rows, bytes, sha256, JSON.stringify({ counts, trust, encrypted: header.encryption !== null }), options.at, options.actor);
  return { bundleId, from: own.office, to, full, since, upTo, rows, counts, bytes, sha256, fileName: bundleFileName(own.office, to, options.at, bundleId) };
}

/** A sink that collects the bundle in memory. */
export function memorySink(): Sink & { bytes(): Buffer } {
  const parts: Buffer[] = [];
  return { write: (chunk) => parts.push(Buffer.from(chunk)), bytes: () => Buffer.concat(parts) };
}

/**
 * A sink that streams into a temporary file next to the target and renames it into place on
 * `commit` (`files/atomic-file.ts`), so a half-written bundle never sits under the final name.
 */
export function fileSink(target: string): Sink & { commit(): void; abort(): void } {
  try {
    return createAtomically(target);
  } catch (error) {
    throw bundleError('unreadable', `Cannot write the bundle file: ${(error as Error).message}`);
  }
}

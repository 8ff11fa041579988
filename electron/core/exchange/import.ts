import type { Db } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';
import { type WireEntry } from '../replication/entries';
import { persistClock, type HybridClock } from '../replication/hlc';
import { applyRemoteRow, type MergeEnv, type RemoteRow, type RowOutcome } from '../replication/merge';
import { REPLICATED_TABLES, isReplicatedTable, type ReplicatedTable } from '../replication/tables';
import { nextChangeSeq, prepared, type WriteStamp } from '../replication/write';
import { applyMerges, autoMergeByIin, likelyDuplicates } from './duplicates';
import { bundleError } from './errors';
import { DEFAULT_LIMITS, readEnvelope, readLines, verifyEnvelope, type BundleHeader, type BundleLimits, type Envelope, type Source } from './format';
import { checkedKeys, requireOwnKeys, trustKeys, trustedByFingerprint, type TrustedKey } from './keys';
import { recordAck, recordReceived } from './peers';
import { emptyReport, ReportCollector, type ChangeReport } from './report';
import { CENTRE } from './export';

export interface TableSummary {
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
  conflicts: number;
  merged: number;
}

export interface ImportSummary {
  bundleId: string;
  from: { office: string; replica: string; name: string; fingerprint: string };
  createdAt: string;
  full: boolean;
  dryRun: boolean;
  alreadyImported: boolean;
  /** True when applying the bundle changed nothing (a repeat, or data already here). */
  nothingChanged: boolean;
  rows: number;
  tables: Record<string, TableSummary>;
  conflicts: number;
  duplicates: { merged: number; review: number };
  trustAdded: number;
  /** The offices whose keys the centre's trust list added, one entry per key. */
  trustOffices: string[];
  /** Record by record what the import does (capped detail, exact counts). */
  report: ChangeReport;
}

export interface ImportOptions {
  clock: HybridClock;
  actor: string;
  at: string;
  dryRun?: boolean;
  limits?: BundleLimits;
  onProgress?: (done: number, total: number) => void;
  /** Detailed records kept per kind in the report (tests lower it). */
  reportCap?: number;
}

export interface VerifiedBundle {
  envelope: Envelope;
  signer: TrustedKey;
}

/**
 * Everything that can be checked before a single row is read: the frame and header (format,
 * size, truncation), the schema version, that this office is the recipient, that the signer is
 * trusted, the checksum and the signature. Throws a CallError naming the cause.
 */
export function verifyBundle(db: Db, source: Source, limits: BundleLimits = DEFAULT_LIMITS): VerifiedBundle {
  const own = requireOwnKeys(db);
  const envelope = readEnvelope(source, limits);
  const { header } = envelope;
  if (header.schema > SCHEMA_VERSION) {
    throw bundleError('newerSchema', `The bundle holds data of schema ${header.schema}; this Erikti knows ${SCHEMA_VERSION}. Update Erikti.`, {
      found: header.schema,
      supported: SCHEMA_VERSION,
    });
  }
  if (header.sender.replica === own.replica || header.sender.fingerprint === own.fingerprint) {
    throw bundleError('ownBundle', 'This bundle was exported by this very database');
  }
  if (header.recipient.office !== own.office) {
    throw bundleError('wrongRecipient', `The bundle is addressed to office ${header.recipient.office}, not to ${own.office}`, {
      office: header.recipient.office,
    });
  }
  if (header.encryption && !header.encryption.keys.some((k) => k.fingerprint === own.fingerprint)) {
    throw bundleError('wrongCopy', 'The bundle is not encrypted for this workstation’s key', { office: header.recipient.office });
  }
  const signer = trustedByFingerprint(db, header.sender.fingerprint);
  if (!signer || signer.office !== header.sender.office) {
    throw bundleError('unknownSigner', `The bundle is signed by ${header.sender.office} (${header.sender.fingerprint}), whose key this office does not trust`, {
      office: header.sender.office,
      fingerprint: header.sender.fingerprint,
    });
  }
  verifyEnvelope(source, envelope, signer.sign);
  return { envelope, signer };
}

const STAMP = /^\d{13}\.[0-9a-f]{6}\.[A-Za-z0-9~_-]{1,60}$/;
const ALLOWED = Object.fromEntries(Object.entries(REPLICATED_TABLES).map(([t, f]) => [t, new Set<string>(f)])) as Record<ReplicatedTable, Set<string>>;

function corrupt(what: string): never {
  throw bundleError('corrupt', `The bundle holds a malformed record (${what})`);
}

function checkEntry(w: unknown): WireEntry {
  if (!Array.isArray(w) || w.length < 3 || w.length > 4) corrupt('clock entry');
  const [s, a, p, k] = w as unknown[];
  if (typeof s !== 'string' || !STAMP.test(s) || typeof a !== 'string' || a.length > 200 || !Array.isArray(p) || p.length > 8) corrupt('clock entry');
  for (const x of p as unknown[]) if (typeof x !== 'string' || !STAMP.test(x)) corrupt('clock ancestors');
  if (k !== undefined) {
    if (typeof k !== 'object' || k === null || Array.isArray(k) || Object.keys(k).length > 200) corrupt('clock entry');
    for (const x of Object.values(k)) if (typeof x !== 'string' || !STAMP.test(x)) corrupt('clock entry');
  }
  return w as WireEntry;
}

/** Validates one row line of a bundle (no trust in anything it says). */
export function checkRow(value: Record<string, unknown>): RemoteRow {
  const { t, id, b, a, v, c, f } = value;
  if (typeof t !== 'string' || !isReplicatedTable(t)) corrupt('unknown table');
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) corrupt('id');
  if (typeof b !== 'string' || !STAMP.test(b) || typeof a !== 'string' || a.length > 200) corrupt('creation stamp');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) corrupt('values');
  const allowed = ALLOWED[t];
  for (const [field, x] of Object.entries(v)) {
    if (!allowed.has(field)) corrupt(`unknown field ${t}.${field}`);
    if (!(x === null || (typeof x === 'string' && x.length <= 100_000) || (typeof x === 'number' && Number.isFinite(x)))) corrupt(`value of ${field}`);
  }
  if (c !== undefined) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) corrupt('clock');
    for (const [field, e] of Object.entries(c)) {
      if (!(field in v)) corrupt('clock of an absent field');
      checkEntry(e);
    }
  }
  if (f !== undefined && f !== 1) corrupt('flag');
  return value as unknown as RemoteRow;
}

const emptySummary = (): TableSummary => ({ created: 0, updated: 0, unchanged: 0, missing: 0, conflicts: 0, merged: 0 });

class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

function summaryBase(header: BundleHeader, dryRun: boolean): ImportSummary {
  return {
    bundleId: header.id,
    from: { ...header.sender },
    createdAt: header.createdAt,
    full: header.full,
    dryRun,
    alreadyImported: false,
    nothingChanged: true,
    rows: header.rows,
    tables: {},
    conflicts: 0,
    duplicates: { merged: 0, review: 0 },
    trustAdded: 0,
    trustOffices: [],
    report: emptyReport(),
  };
}

/**
 * Verifies a bundle, then applies it in one transaction (nested in the caller's, if any):
 * every record merged field by field, the centre's trust list taken in, same-IIN people merged,
 * merges applied, watermarks and history recorded. A dry run does the same and rolls back, so
 * its summary is exactly what the import would do. A bundle imported before is recognised by
 * its id: applying it again could not change anything (the merge is idempotent), so it is not
 * read again.
 */
export function importBundle(db: Db, source: Source, options: ImportOptions): ImportSummary {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { envelope, signer } = verifyBundle(db, source, limits);
  const { header } = envelope;
  const dryRun = options.dryRun === true;
  const own = requireOwnKeys(db);

  const before = prepared(db, "SELECT 1 FROM exchange_history WHERE direction = 'import' AND bundle_id = ?").get(header.id);
  if (before) {
    const summary = summaryBase(header, dryRun);
    summary.alreadyImported = true;
    for (const [table, n] of Object.entries(header.counts)) summary.tables[table] = { ...emptySummary(), unchanged: n };
    return summary;
  }

  const run = () => {
    const summary = summaryBase(header, dryRun);
    const table = (t: string) => (summary.tables[t] ??= emptySummary());
    let seq = nextChangeSeq(db);
    const firstSeq = seq;
    const openConflicts = new Set(
      (prepared(db, "SELECT tbl || char(0) || row_id FROM conflicts WHERE resolved_at IS NULL").pluck().all() as string[]),
    );
    const report = new ReportCollector(options.reportCap);
    const env: MergeEnv = {
      db, nextSeq: () => seq++, at: options.at, bundleId: header.id, openConflicts, conflictsLogged: 0,
      onChange: (t, id, before, fields, values) => report.changed(t, id, before, fields, values),
    };
    const touchedVolunteers = new Set<string>();
    let maxStamp: string | null = null;
    let done = 0;
    const trustLines: unknown[] = [];
    readLines(source, envelope, { boxPrivate: own.boxPrivate, fingerprint: own.fingerprint }, limits, (line) => {
      if (typeof line !== 'object' || line === null) corrupt('line');
      const record = line as Record<string, unknown>;
      if ('k' in record) {
        trustLines.push(record.k);
        return;
      }
      const row = checkRow(record);
      if (maxStamp === null || row.b > maxStamp) maxStamp = row.b;
      if (row.c) for (const e of Object.values(row.c)) if (e[0] > maxStamp!) maxStamp = e[0];
      const outcome: RowOutcome = applyRemoteRow(env, row);
      table(row.t)[outcome]++;
      if (outcome === 'created') report.created(row.t, row.id, row.v);
      if (row.t === 'volunteers' && outcome !== 'unchanged' && outcome !== 'missing') touchedVolunteers.add(row.id);
      if (++done % 5000 === 0) options.onProgress?.(done, header.rows);
    });
    if (done !== header.rows) throw bundleError('corrupt', 'The bundle holds a different number of records than its header states');
    if (maxStamp) options.clock.observe(maxStamp);

    if (header.sender.office === CENTRE && signer.office === CENTRE) {
      for (const k of trustLines) {
        let keys;
        try {
          keys = checkedKeys(k);
        } catch {
          corrupt('trust list entry');
        }
        if (keys.fingerprint === own.fingerprint) continue;
        if (trustKeys(db, keys, 'centre', `${header.sender.office} trust list`, options.at)) {
          summary.trustAdded++;
          summary.trustOffices.push(keys.office);
        }
      }
    }

    const w: WriteStamp = { db, clock: options.clock, actor: `exchange@${own.office}`, at: options.at };
    const mergesBefore = prepared(db, 'SELECT count(*) FROM merges WHERE deleted = 0').pluck().get() as number;
    applyMerges(w);
    const merged = autoMergeByIin(w, touchedVolunteers);
    applyMerges(w);
    summary.duplicates.merged = (prepared(db, 'SELECT count(*) FROM merges WHERE deleted = 0').pluck().get() as number) - mergesBefore;
    table('volunteers').merged += merged;
    if (dryRun) summary.duplicates.review = likelyDuplicates(db, { onlyIds: touchedVolunteers, limit: 10_000 }).length;

    const perTable = prepared(db, 'SELECT tbl, count(*) AS n FROM conflicts WHERE bundle_id = ? GROUP BY tbl').all(header.id) as { tbl: string; n: number }[];
    for (const { tbl, n } of perTable) table(tbl).conflicts = n;
    summary.conflicts = env.conflictsLogged;
    summary.report = report.finish(db, header.id, firstSeq);
    summary.nothingChanged = Object.values(summary.tables).every((t) => t.created === 0 && t.updated === 0) && summary.conflicts === 0 && summary.trustAdded === 0 && summary.duplicates.merged === 0;

    persistClock(db, options.clock);
    recordReceived(db, header.sender.replica, header.sender.office, header.since, header.upTo);
    recordAck(db, header.sender.replica, header.sender.office, header.acks[own.replica]);
    prepared(
      db,
      `INSERT INTO exchange_history (direction, bundle_id, peer_office, peer_replica, full, since_seq, up_to_seq, rows, bytes, sha256, summary, at, actor, report)
       VALUES ('import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(header.id, header.sender.office, header.sender.replica, header.full ? 1 : 0, header.since, header.upTo, header.rows, source.size, header.payloadSha256,
      JSON.stringify({ tables: summary.tables, conflicts: summary.conflicts, duplicates: summary.duplicates, trustAdded: summary.trustAdded }), options.at, options.actor,
      JSON.stringify(summary.report));
    options.onProgress?.(header.rows, header.rows);
    if (dryRun) throw new DryRunDone(summary);
    return summary;
  };

  const restore = boundedMemory(db);
  try {
    return db.transaction(run)();
  } catch (error) {
    if (error instanceof DryRunDone) return error.summary;
    throw error;
  } finally {
    restore();
  }
}

/**
 * An import touches pages all over a large database once. Read through the operating system's
 * cache rather than a memory map, with a modest page cache, so the import's resident memory stays
 * bounded whatever the database's size (the connection's settings come back afterwards).
 */
function boundedMemory(db: Db): () => void {
  const mmap = db.pragma('mmap_size', { simple: true }) as number;
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('mmap_size = 0');
  db.pragma(`cache_size = ${Math.max(cache, -32768)}`);
  return () => {
    db.pragma(`mmap_size = ${mmap}`);
    db.pragma(`cache_size = ${cache}`);
  };
}

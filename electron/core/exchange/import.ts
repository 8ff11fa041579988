import { writeTransaction, type Db } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';
import { readRetiredKeys, retiredKeyFingerprints } from '../office/private-keys';
import { type WireEntry } from '../replication/entries';
import { persistClock, syncClock, type HybridClock } from '../replication/hlc';
import { applyRemoteRow, type MergeEnv, type RemoteRow, type RowOutcome } from '../replication/merge';
import { MERGEABLE, REPLICATED_TABLE_NAMES, REPLICATED_TABLES, isReplicatedTable, specOf, type ReplicatedTable } from '../replication/tables';
import { ATTACHMENT_MAX_BASE64 } from '../../../shared/domain/attachments';
import { prepared } from '../db/statements';
import { nextChangeSeq, type WriteStamp } from '../replication/write';
import { autoMergeByIin, likelyDuplicates } from '../volunteers/duplicates';
import { applyMerges, mergesSince, standingMerges, type MergeWork } from '../replication/merges';
import { checkAuthority, type OwnersCache, type RefusedChange } from './authority';
import { bundleError } from './errors';
import { DEFAULT_LIMITS, readEnvelope, readLines, verifyEnvelope, type BundleHeader, type BundleLimits, type Envelope, type Source } from './format';
import { checkedKeys, ownPrivateKeys, requireOwnKeys, trustedByFingerprint, type PublicKeys, type TrustedKey } from '../office/keys';
import { recordAck, recordLearned, recordReceived } from './peers';
import { applyCentreTrustList, applyStatements, CENTRE } from '../office/trust';
import { applyCertificateKeyStatements } from '../certificates/keys';
import { emptyReport, ReportCollector } from './report';
import { noProgress, type Progress } from '../progress';
import type { ImportSummaryView, TableSummaryView, TrustChangeView } from '../../../shared/contract/exchange';

/**
 * Clock bounds. A stamp more than a year ahead of this computer's clock (a PC whose date is years
 * off, or a crafted bundle), or whose counter sits at the format's limit, is refused: imported, it
 * would drag every office's clock there and leave stamps nobody could beat. Stamps a few minutes
 * or more ahead are imported, and the preview says so, naming the office.
 */
export const MAX_CLOCK_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;
export const WARN_CLOCK_AHEAD_MS = 5 * 60 * 1000;
const msPrefix = (ms: number) => String(Math.max(0, Math.min(ms, 9_999_999_999_999))).padStart(13, '0');
const MERGES_LISTED = 200;
const REFUSED_LISTED = 200;

export interface ImportOptions {
  clock: HybridClock;
  actor: string;
  at: string;
  dryRun?: boolean;
  limits?: BundleLimits;
  /**
   * Hears of the payload read (`reading`, bytes) and of each record applied (`writing`, or
   * `checking` for a dry run, records); a cancel stops the import there and it rolls back.
   */
  progress?: Progress;
  /** Tests only (never reachable from the contract or the CLI): accept a bundle that is not encrypted. */
  allowUnencrypted?: boolean;
  /** Detailed records kept per kind in the report (tests lower it). */
  reportCap?: number;
}

export interface VerifiedBundle {
  envelope: Envelope;
  signer: TrustedKey;
  /** What the key statements in the header changed here (already applied, in the caller's transaction). */
  trustChanges: TrustChangeView[];
  /** Set when the signer's key is retired: every stamp in the bundle must be earlier than this (13-digit ms prefix). */
  stampsBefore: string | null;
}

/**
 * Everything that can be checked before a single row is read: the frame and header (format,
 * size, truncation), the schema version, that this office is the recipient and the bundle is
 * encrypted to it, that the signer is trusted, valid when it signed and is the workstation the
 * bundle names, the signature, then the checksum, and the clock range the header declares.
 * Applies the key statements the header carries first (a rotated signer becomes known), so call
 * it inside the import's transaction. Throws a CallError naming the cause.
 */
export function verifyBundle(db: Db, source: Source, envelope: Envelope, at: string, allowUnencrypted = false, progress: Progress = noProgress): VerifiedBundle {
  const own = requireOwnKeys(db);
  const { header } = envelope;
  if (header.schema > SCHEMA_VERSION) {
    throw bundleError('newerSchema', `The bundle holds data of schema ${header.schema}; this Erikti knows ${SCHEMA_VERSION}. Update Erikti.`, {
      found: header.schema,
      supported: SCHEMA_VERSION,
    });
  }
  const ownFingerprints = [own.fingerprint, ...retiredKeyFingerprints(db)];
  if (header.sender.replica === own.replica || ownFingerprints.includes(header.sender.fingerprint)) {
    throw bundleError('ownBundle', 'This bundle was exported by this very database');
  }
  if (header.recipient.office !== own.office) {
    throw bundleError('wrongRecipient', `The bundle is addressed to office ${header.recipient.office}, not to ${own.office}`, {
      office: header.recipient.office,
    });
  }
  if (!header.encryption && !allowUnencrypted) throw bundleError('notEncrypted', 'The bundle is not encrypted: Erikti accepts only encrypted bundles');
  if (header.encryption && !header.encryption.keys.some((k) => ownFingerprints.includes(k.fingerprint))) {
    throw bundleError('wrongCopy', 'The bundle is not encrypted for this workstation’s key', { office: header.recipient.office });
  }
  const createdAt = Date.parse(header.createdAt);
  if (Number.isNaN(createdAt)) throw bundleError('corrupt', 'The bundle’s header is damaged (creation time)');
  const trustChanges = applyStatements(db, header.statements, at);
  const signer = trustedByFingerprint(db, header.sender.fingerprint);
  if (!signer || signer.status !== 'active' || signer.office !== header.sender.office || signer.replica !== header.sender.replica) {
    throw bundleError('unknownSigner', `The bundle is signed by ${header.sender.office} (${header.sender.fingerprint}), whose key this office does not trust for that workstation`, {
      office: header.sender.office,
      fingerprint: header.sender.fingerprint,
    });
  }
  verifyEnvelope(source, envelope, signer.sign, progress);
  // A retired key's signature counts only for a bundle made before the retirement, and then only
  // if every stamp in it is earlier too: the creation time is the signer's claim, so a back-dated
  // bundle from a stolen key can still add nothing that overrules what was written since.
  let stampsBefore: string | null = null;
  if (signer.revokedAt !== null) {
    const retired = Date.parse(signer.revokedAt);
    if (createdAt >= retired) {
      throw bundleError('revokedSigner', `The bundle is signed by a key of ${signer.office} that was revoked on ${signer.revokedAt}`, {
        office: signer.office,
        at: signer.revokedAt,
      });
    }
    stampsBefore = msPrefix(retired);
  }
  const nowMs = Date.parse(at);
  for (const stamp of [header.hlc.min, header.hlc.max]) if (stamp) checkStamp(stamp, header, nowMs, stampsBefore);
  return { envelope, signer, trustChanges, stampsBefore };
}

/** Refuses a clock stamp beyond the bounds (see MAX_CLOCK_AHEAD_MS), or one later than its retired signer's retirement. */
function checkStamp(stamp: string, header: BundleHeader, nowMs: number, stampsBefore: string | null): void {
  const ms = stamp.slice(0, 13);
  if (ms > msPrefix(nowMs + MAX_CLOCK_AHEAD_MS) || stamp.slice(14, 20) === 'ffffff') {
    const days = Math.round((Number(ms) - nowMs) / 86_400_000);
    throw bundleError('clockAhead', `The bundle from ${header.sender.office} carries clock stamps ${days} days ahead of this computer’s clock (or at the format’s limit)`, {
      office: header.sender.office,
      days,
    });
  }
  if (stampsBefore !== null && ms >= stampsBefore) {
    throw bundleError('revokedSigner', `The bundle holds changes made after its signing key of ${header.sender.office} was revoked`, {
      office: header.sender.office,
      at: new Date(Number(stampsBefore)).toISOString(),
    });
  }
}

const STAMP = /^\d{13}\.[0-9a-f]{6}\.[A-Za-z0-9~_-]{1,60}$/;
const ALLOWED = Object.fromEntries(Object.entries(REPLICATED_TABLES).map(([t, f]) => [t, new Set<string>(f)])) as Record<ReplicatedTable, Set<string>>;

/** Longest text value a bundle may carry: a file's content (base64) up to the attachment limit, any other field 100,000 characters. */
const MAX_TEXT = 100_000;
const CONTENT_FIELDS = Object.fromEntries(
  REPLICATED_TABLE_NAMES.map((t) => [t, new Set(Object.entries(specOf(t).fields).filter(([, f]) => f.kind === 'content').map(([column]) => column))]),
) as unknown as Record<ReplicatedTable, ReadonlySet<string>>;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function textValueFits(table: ReplicatedTable, field: string, value: string): boolean {
  if (!CONTENT_FIELDS[table].has(field)) return value.length <= MAX_TEXT;
  return value.length <= ATTACHMENT_MAX_BASE64 && BASE64.test(value);
}

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
    if (!(x === null || (typeof x === 'string' && textValueFits(t, field, x)) || (typeof x === 'number' && Number.isFinite(x)))) corrupt(`value of ${field}`);
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

const emptySummary = (): TableSummaryView => ({ created: 0, updated: 0, erased: 0, unchanged: 0, missing: 0, conflicts: 0, merged: 0, refused: 0 });

class DryRunDone extends Error {
  constructor(readonly summary: ImportSummaryView) {
    super('dry run');
  }
}

function summaryBase(header: BundleHeader, dryRun: boolean, trustChanges: TrustChangeView[]): ImportSummaryView {
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
    duplicates: { merged: 0, review: 0, people: [] },
    trustAdded: trustChanges.filter((c) => c.change === 'added').length,
    trustChanges: [...trustChanges],
    refused: { total: 0, offices: {}, changes: [] },
    clockAheadMinutes: 0,
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
export function importBundle(db: Db, source: Source, options: ImportOptions): ImportSummaryView {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const envelope = readEnvelope(source, limits);
  const { header } = envelope;
  const dryRun = options.dryRun === true;
  const own = requireOwnKeys(db);
  const progress = options.progress ?? noProgress;
  // A rehearsal writes nothing that stays: to the person waiting it is checking the bundle.
  const applying = dryRun ? 'checking' : 'writing';

  const run = () => {
    const { signer, trustChanges, stampsBefore } = verifyBundle(db, source, envelope, options.at, options.allowUnencrypted === true, progress);
    // Replays: a bundle is known by its sender and id. The same id from another workstation is a
    // copy re-signed by someone else.
    const seenFrom = prepared(db, "SELECT peer_replica FROM exchange_history WHERE direction = 'import' AND bundle_id = ?").pluck().all(header.id) as (string | null)[];
    if (seenFrom.length > 0) {
      if (!seenFrom.includes(header.sender.replica)) {
        throw bundleError('replayed', `A bundle with this id was already imported from another office; this copy names ${header.sender.office}`, { office: header.sender.office });
      }
      const summary = summaryBase(header, dryRun, trustChanges);
      summary.alreadyImported = true;
      summary.nothingChanged = trustChanges.length === 0;
      for (const [table, n] of Object.entries(header.counts)) summary.tables[table] = { ...emptySummary(), unchanged: n };
      if (dryRun) throw new DryRunDone(summary);
      return summary;
    }
    syncClock(db, options.clock);
    const nowMs = Date.parse(options.at);
    const summary = summaryBase(header, dryRun, trustChanges);
    const table = (t: string) => (summary.tables[t] ??= emptySummary());
    let seq = nextChangeSeq(db);
    const firstSeq = seq;
    const mergesBefore = standingMerges(db);
    const erased: { table: string; id: string }[] = [];
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
    const openers = [{ boxPrivate: ownPrivateKeys(db).boxPrivate, fingerprint: own.fingerprint }, ...readRetiredKeys(db)];
    const deferred: RemoteRow[] = [];
    const owners: OwnersCache = new Map();
    // Refused changes never reach here, so their stamps move no clock: they cannot push this office's later edits.
    let applied = 0;
    const apply = (row: RemoteRow) => {
      progress(applying, applied++, header.rows);
      if (maxStamp === null || row.b > maxStamp) maxStamp = row.b;
      if (row.c) for (const e of Object.values(row.c)) if (e[0] > maxStamp!) maxStamp = e[0];
      const outcome: RowOutcome = applyRemoteRow(env, row);
      // Whom a record answers to changes only with merges, or when a record they name arrives.
      if (row.t === 'merges' || (outcome === 'created' && MERGEABLE.includes(row.t))) owners.clear();
      table(row.t)[outcome]++;
      if (outcome === 'erased') erased.push({ table: row.t, id: row.id });
      if (outcome === 'created') report.created(row.t, row.id, row.v);
      if (row.t === 'volunteers' && outcome !== 'unchanged' && outcome !== 'missing') touchedVolunteers.add(row.id);
    };
    readLines(source, envelope, openers, limits, (line) => {
      if (typeof line !== 'object' || line === null) corrupt('line');
      const record = line as Record<string, unknown>;
      if ('k' in record) {
        trustLines.push(record.k);
        return;
      }
      const checked = checkRow(record);
      checkStamp(checked.b, header, nowMs, stampsBefore);
      if (checked.c) for (const e of Object.values(checked.c)) checkStamp(e[0], header, nowMs, stampsBefore);
      done++;
      // A change the author may not make is decided again once the bundle's merge records are in:
      // values a merge carried over from a person merged away keep their author.
      if (checkAuthority(db, checked, owners).refused.length > 0) deferred.push(checked);
      else apply(checked);
    });
    for (const checked of deferred) {
      const { row, refused } = checkAuthority(db, checked, owners);
      noteRefused(summary, refused);
      if (row) apply(row);
    }
    if (done !== header.rows) throw bundleError('corrupt', 'The bundle holds a different number of records than its header states');
    // What follows the records (merges, duplicates, the report) has nothing to count, and takes
    // seconds on a national bundle: a cancel is still heard between its steps.
    const stillGoing = () => progress(applying, header.rows, header.rows);
    stillGoing();
    if (maxStamp) options.clock.observe(maxStamp);
    // What the rows brought came from the sender: it is not sent back (derived writes below are ours).
    recordLearned(db, header.sender.replica, header.sender.office, firstSeq, seq - 1);

    if (maxStamp !== null && Number((maxStamp as string).slice(0, 13)) - nowMs > WARN_CLOCK_AHEAD_MS) {
      summary.clockAheadMinutes = Math.round((Number((maxStamp as string).slice(0, 13)) - nowMs) / 60_000);
    }
    if (header.sender.office === CENTRE && trustLines.length > 0) {
      const keys: PublicKeys[] = trustLines.map((k) => {
        try {
          return checkedKeys(k);
        } catch {
          return corrupt('trust list entry');
        }
      });
      const listed = applyCentreTrustList(db, keys, signer, options.at);
      summary.trustChanges.push(...listed);
      summary.trustAdded += listed.filter((c) => c.change === 'added').length;
      summary.trustOffices.push(...listed.filter((c) => c.change === 'added').map((c) => c.office));
    }
    // After the trust list: a centre key it brings may be what vouches for these certificate keys.
    applyCertificateKeyStatements(db, header.certificateKeys ?? [], options.at);

    const w: WriteStamp = { db, clock: options.clock, actor: `exchange@${own.office}`, at: options.at };
    const work: MergeWork = { db, at: options.at, bundleId: header.id, openConflicts, conflictsLogged: 0, nextSeq: () => nextChangeSeq(db) };
    applyMerges(w, work);
    stillGoing();
    const merged = autoMergeByIin(w, touchedVolunteers, work);
    stillGoing();
    applyMerges(w, work);
    stillGoing();
    const people = mergesSince(db, own.office, mergesBefore);
    summary.duplicates.merged = people.length;
    summary.duplicates.people = people.slice(0, MERGES_LISTED);
    table('volunteers').merged += merged;
    // A record the bundle tombstoned because it was merged away is counted as a merge, not an erasure.
    const mergedAway = new Set(people.map((p) => `${p.table}\u0000${p.loser.id}`));
    for (const e of erased) {
      if (!mergedAway.has(`${e.table}\u0000${e.id}`)) continue;
      table(e.table).erased--;
      table(e.table).updated++;
    }
    if (dryRun) summary.duplicates.review = likelyDuplicates(db, { onlyIds: touchedVolunteers, limit: 10_000, tick: stillGoing }).length;
    stillGoing();

    const perTable = prepared(db, 'SELECT tbl, count(*) AS n FROM conflicts WHERE bundle_id = ? GROUP BY tbl').all(header.id) as { tbl: string; n: number }[];
    for (const { tbl, n } of perTable) table(tbl).conflicts = n;
    summary.conflicts = env.conflictsLogged + work.conflictsLogged;
    summary.report = report.finish(db, header.id, firstSeq);
    stillGoing();
    summary.nothingChanged = Object.values(summary.tables).every((t) => t.created === 0 && t.updated === 0 && t.erased === 0) && summary.conflicts === 0 && summary.refused.total === 0 && summary.trustChanges.length === 0 && summary.duplicates.merged === 0;

    persistClock(db, options.clock);
    recordReceived(db, header.sender.replica, header.sender.office, header.since, header.upTo);
    recordAck(db, header.sender.replica, header.sender.office, header.acks[own.replica]);
    prepared(
      db,
      `INSERT INTO exchange_history (direction, bundle_id, peer_office, peer_replica, full, since_seq, up_to_seq, rows, bytes, sha256, summary, at, actor, report)
       VALUES ('import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(header.id, header.sender.office, header.sender.replica, header.full ? 1 : 0, header.since, header.upTo, header.rows, source.size, header.payloadSha256,
      JSON.stringify({ tables: summary.tables, conflicts: summary.conflicts, duplicates: summary.duplicates, trustAdded: summary.trustAdded, trustChanges: summary.trustChanges }), options.at, options.actor,
      JSON.stringify(summary.report));
    if (dryRun) throw new DryRunDone(summary);
    return summary;
  };

  const restore = boundedMemory(db);
  try {
    return writeTransaction(db, run);
  } catch (error) {
    if (error instanceof DryRunDone) return error.summary;
    throw error;
  } finally {
    restore();
  }
}

function noteRefused(summary: ImportSummaryView, refused: RefusedChange[]): void {
  for (const r of refused) {
    summary.refused.total++;
    summary.refused.offices[r.office] = (summary.refused.offices[r.office] ?? 0) + 1;
    (summary.tables[r.table] ??= emptySummary()).refused++;
    if (summary.refused.changes.length < REFUSED_LISTED) summary.refused.changes.push(r);
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

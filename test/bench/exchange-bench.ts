import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { exportBundle, fileSink } from '../../electron/core/exchange/export';
import { bytesSource, fileSource } from '../../electron/core/exchange/format';
import { importBundle } from '../../electron/core/exchange/import';
import { ownKeys, publicPart, trustKeys } from '../../electron/core/office/keys';
import { createOffice, replicaId } from '../../electron/core/office/identity';
import { loadClock, persistClock } from '../../electron/core/replication/hlc';
import { REPLICATED_TABLES } from '../../electron/core/replication/tables';
import { insertReplicated, updateReplicated, type WriteStamp } from '../../electron/core/replication/write';
import { seedEvents } from '../../electron/core/seed/events';
import { random, seedRoster } from '../../electron/core/seed/seed';
import { OFFICE_CODES } from '../../shared/domain/regions';
import { TEST_PASSPHRASE, unlockTestKeys } from '../helpers/core-options';
import { round } from './search-bench';

/**
 * Exchange figures of the design brief, measured on synthetic national data:
 *
 * - import_ratio_vs_raw: rows per second of the centre importing the 20 regional bundles (each in
 *   its own `erikti import` process: verify, decrypt, decompress, merge, search index) — each
 *   region's roster, memberships, events, shifts, assignments and its share of the hours ledger
 *   (2M hour entries at national scale, seeded as offices write them) — divided by
 *   rows per second of a raw better-sqlite3 bulk insert of the same rows into plain tables (no
 *   indexes, no search index), measured in the same run. import_ratio_vs_schema_raw divides by a
 *   raw insert into Erikti's own schema instead (its indexes and full-text search index included).
 * - reimport_speedup: first import time / time to import the same 20 bundles again (both without
 *   process start-up: the CLI's start-up is measured and subtracted, the re-import runs in process).
 * - import_peak_rss_mb: the largest peak resident memory of the import processes.
 * - weekly_bundle_kb: one region's incremental bundle after a week of work (~300 new volunteers,
 *   ~1000 edits) in steady state: after a full round trip through the centre (both regions' data
 *   in, everything relayed back out, so the region holds the other region's people too).
 * - roundtrip_bundle_rows: rows in that region's bundle carrying 100 edits right after the round
 *   trip (target ≤ 110: what came from the centre is not sent back).
 *
 * Edits change the stored state only; bundles carry state, so a record edited many times
 * travels once. Needs the built CLI (npm run build).
 */
export interface ExchangeBenchOptions {
  volunteers: number;
  /** Hour entries in all regions together. */
  hours: number;
  workDir: string;
}

export interface ExchangeBenchFigures {
  import_ratio_vs_raw: number;
  reimport_speedup: number;
  import_peak_rss_mb: number;
  weekly_bundle_kb: number;
  roundtrip_bundle_rows: number;
  import_ratio_vs_schema_raw: number;
  import_rows_per_s: number;
  raw_rows_per_s: number;
  import_s: number;
  reimport_s: number;
  bundles_mb: number;
}


const here = path.dirname(fileURLToPath(import.meta.url));

function findCli(): string {
  for (const candidate of [path.resolve(here, '../cli/erikti.js'), path.resolve(here, '../../dist/cli/erikti.js'), path.resolve('dist/cli/erikti.js')]) if (existsSync(candidate)) return candidate;
  throw new Error('The exchange bench needs the built CLI: run "npm run build" first');
}

/** Runs `erikti` in a child with a preload that reports its own duration and peak memory. */
function runMeasured(cli: string, preload: string, args: string[]): { ms: number; maxRssMb: number; stdout: string } {
  const report = path.join(path.dirname(preload), `report-${process.pid}.json`);
  const result = spawnSync(process.execPath, ['-r', preload, cli, ...args], { encoding: 'utf8', env: { ...process.env, ERIKTI_BENCH_REPORT: report, ERIKTI_PASSPHRASE: TEST_PASSPHRASE }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`erikti ${args.join(' ')} failed: ${result.stderr}`);
  const r = JSON.parse(readFileSync(report, 'utf8')) as { ms: number; maxRss: number };
  return { ms: r.ms, maxRssMb: r.maxRss / 1024, stdout: result.stdout };
}

// The CLI runs its work in a worker thread, which inherits \`-r\`: only the main thread reports,
// else two exits write the file at once and it is garbled.
const PRELOAD = `
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const start = performance.now();
if (require('node:worker_threads').isMainThread) process.on('exit', () => {
  fs.writeFileSync(process.env.ERIKTI_BENCH_REPORT, JSON.stringify({ ms: performance.now() - start, maxRss: process.resourceUsage().maxRSS }));
});
`;

function office(file: string, code: string): Db {
  const db = unlockTestKeys(openDatabase(file));
  createOffice(db, code);
  return db;
}

function trustBoth(a: Db, b: Db, at: string): void {
  trustKeys(a, publicPart(ownKeys(b)!), 'administrator', 'bench', at);
  trustKeys(b, publicPart(ownKeys(a)!), 'administrator', 'bench', at);
}

const EDIT_FIELDS = ['status', 'phone', 'notes', 'availability', 'email'] as const;

/** `count` edits of random fields of random live volunteers, stamped like a user's edits. */
function editVolunteers(db: Db, count: number, seed: number, at: string): void {
  const rnd = random(seed);
  const clock = loadClock(db, replicaId(db));
  const w: WriteStamp = { db, clock, actor: `staff@${ownKeys(db)!.office}`, at };
  const ids = db.prepare('SELECT id FROM volunteers WHERE deleted = 0').pluck().all() as string[];
  if (ids.length === 0) return;
  for (let done = 0; done < count; done += 5000) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + 5000); i++) {
        const id = ids[Math.floor(rnd() * ids.length)]!;
        const field = EDIT_FIELDS[Math.floor(rnd() * EDIT_FIELDS.length)]!;
        const value =
          field === 'status' ? (['active', 'inactive', 'candidate'] as const)[Math.floor(rnd() * 3)]! :
          field === 'phone' ? `+7701${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}` :
          field === 'availability' ? (['anytime', 'weekdays', 'weekends', 'evenings'] as const)[Math.floor(rnd() * 4)]! :
          field === 'email' ? `v${Math.floor(rnd() * 1e6)}@mail.kz` :
          `Заметка ${Math.floor(rnd() * 1000)}`;
        updateReplicated(w, 'volunteers', id, { [field]: value });
      }
      persistClock(db, clock);
    })();
  }
}

const REPLICATED = ['volunteers', 'organisations', 'memberships', 'events', 'shifts', 'assignments', 'hour_entries', 'row_clock'] as const;

/** Raw bulk inserts of the regions' rows: into plain tables, and into Erikti's own schema. */
function rawBaselines(regionFiles: string[], workDir: string): { plainMs: number; schemaMs: number; rows: number } {
  const plain = new Database(path.join(workDir, 'raw-plain.sqlite'));
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = FULL');
  const schema = openDatabase(path.join(workDir, 'raw-schema.sqlite'));
  let plainMs = 0;
  let schemaMs = 0;
  let rows = 0;
  let created = false;
  for (const file of regionFiles) {
    const source = new Database(file, { readonly: true });
    // Every column but the local seq key of data tables (each database numbers its own rows).
    const data = REPLICATED.map((t) => {
      // table_xinfo marks generated columns as hidden (2, 3): they are computed, not inserted.
      const columns = (source.pragma(`table_xinfo(${t})`) as { name: string; hidden: number }[])
        .filter((c) => c.hidden === 0 && (t === 'row_clock' || c.name !== 'seq'))
        .map((c) => c.name);
      return { table: t, columns, rows: source.prepare(`SELECT ${columns.join(', ')} FROM ${t}`).raw().all() as unknown[][] };
    });
    source.close();
    if (!created) {
      for (const d of data) plain.exec(`CREATE TABLE ${d.table} (${d.columns.join(', ')})`);
      created = true;
    }
    for (const [db, add] of [[plain, (ms: number) => (plainMs += ms)], [schema, (ms: number) => (schemaMs += ms)]] as const) {
      const statements = data.map((d) => db.prepare(`INSERT INTO ${d.table} (${d.columns.join(', ')}) VALUES (${d.columns.map(() => '?').join(', ')})`));
      const start = performance.now();
      db.transaction(() => data.forEach((d, i) => { for (const row of d.rows) statements[i]!.run(...(row as never[])); }))();
      add(performance.now() - start);
    }
    rows += data.filter((d) => d.table !== 'row_clock').reduce((n, d) => n + d.rows.length, 0);
  }
  plain.close();
  schema.close();
  return { plainMs, schemaMs, rows };
}

export async function benchExchange(opts: ExchangeBenchOptions): Promise<ExchangeBenchFigures> {
  const cli = findCli();
  const dir = path.join(opts.workDir, 'exchange');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const preload = path.join(dir, 'measure.cjs');
  writeFileSync(preload, PRELOAD);
  const at = new Date().toISOString();
  const regions = OFFICE_CODES.filter((c) => c !== 'KZ');
  const perRegion = Math.max(1, Math.round(opts.volunteers / regions.length));
  const hoursPerRegion = Math.round(opts.hours / regions.length);

  const centreFile = path.join(dir, 'centre.sqlite');
  const centre = office(centreFile, 'KZ');
  const regionFiles: string[] = [];
  const bundles: string[] = [];
  regions.forEach((code, i) => {
    const file = path.join(dir, `${code}.sqlite`);
    const db = office(file, code);
    seedRoster(db, { volunteers: perRegion, seed: 1000 + i });
    seedEvents(db, { volunteers: perRegion, seed: 1000 + i, hours: hoursPerRegion });
    trustBoth(db, centre, at);
    const bundle = path.join(dir, `${code}.erikti`);
    const sink = fileSink(bundle);
    db.transaction(() => exportBundle(db, sink, { to: 'KZ', actor: 'bench', at }))();
    sink.commit();
    db.close();
    regionFiles.push(file);
    bundles.push(bundle);
  });
  centre.close();

  const raw = rawBaselines(regionFiles, dir);
  const startup = runMeasured(cli, preload, ['keys', 'show', '--db', centreFile]).ms;
  let importMs = 0;
  let peak = 0;
  let rows = 0;
  for (const bundle of bundles) {
    const run = runMeasured(cli, preload, ['import', '--db', centreFile, bundle]);
    importMs += Math.max(1, run.ms - startup);
    peak = Math.max(peak, run.maxRssMb);
    rows += (JSON.parse(run.stdout) as { rows: number }).rows;
  }
  // Re-import in this process (the already-imported bundles are verified, then recognised):
  // process start-up would otherwise dwarf it.
  let reimportMs = 0;
  const again = unlockTestKeys(openDatabase(centreFile));
  const clock = loadClock(again, replicaId(again));
  for (const bundle of bundles) {
    const source = fileSource(bundle);
    const start = performance.now();
    const summary = again.transaction(() => importBundle(again, source, { clock, actor: 'bench', at }))();
    reimportMs += performance.now() - start;
    source.close();
    if (!summary.nothingChanged) throw new Error('a re-import changed something');
  }
  again.close();
  const steady = steadyState(dir, perRegion, at);
  const importRate = rows / (importMs / 1000);
  const rawRate = raw.rows / (raw.plainMs / 1000);
  const schemaRate = raw.rows / (raw.schemaMs / 1000);

  return {
    import_ratio_vs_raw: round(importRate / rawRate, 3),
    reimport_speedup: round(importMs / reimportMs, 1),
    import_peak_rss_mb: Math.round(peak),
    weekly_bundle_kb: round(steady.weeklyKb, 1),
    roundtrip_bundle_rows: steady.roundtripRows,
    import_ratio_vs_schema_raw: round(importRate / schemaRate, 3),
    import_rows_per_s: Math.round(importRate),
    raw_rows_per_s: Math.round(rawRate),
    import_s: round(importMs / 1000, 1),
    reimport_s: round(reimportMs / 1000, 3),
    bundles_mb: round(bundles.reduce((n, b) => n + statSync(b).size, 0) / 1024 ** 2, 1),
  };
}

/**
 * Two regions and the centre in steady state: both regions' data imported by the centre and
 * relayed back out (a full round trip). Then 100 edits at one region (the rows its bundle
 * carries), then a week of work there: ~300 new volunteers and ~1000 edits (the bundle's size).
 */
function steadyState(dir: string, volunteers: number, at: string): { weeklyKb: number; roundtripRows: number } {
  const region = office(path.join(dir, 'week-region.sqlite'), 'KZ-35');
  const other = office(path.join(dir, 'week-other.sqlite'), 'KZ-71');
  const centre = office(path.join(dir, 'week-centre.sqlite'), 'KZ');
  trustBoth(region, centre, at);
  trustBoth(other, centre, at);
  seedRoster(region, { volunteers, seed: 77 });
  seedRoster(other, { volunteers, seed: 78 });
  const send = (from: Db, to: Db, code: string) => {
    const file = path.join(dir, `week-${code}-${Date.now()}-${Math.random()}.erikti`);
    const sink = fileSink(file);
    const result = from.transaction(() => exportBundle(from, sink, { to: code, actor: 'bench', at }))();
    sink.commit();
    const bytes = readFileSync(file);
    importBundle(to, bytesSource(bytes), { clock: loadClock(to, replicaId(to)), actor: 'bench', at });
    return { bytes: bytes.length, rows: result.rows };
  };
  send(region, centre, 'KZ');
  send(other, centre, 'KZ');
  send(centre, region, 'KZ-35');
  send(centre, other, 'KZ-71');
  editVolunteers(region, 100, 98, at);
  const roundtripRows = send(region, centre, 'KZ').rows;
  // A week: 300 people registered, 1000 edits.
  const clock = loadClock(region, replicaId(region));
  const w: WriteStamp = { db: region, clock, actor: 'staff@KZ-35', at };
  const template = region.prepare('SELECT * FROM volunteers WHERE deleted = 0 LIMIT 300').all() as Record<string, string | number | null>[];
  region.transaction(() => {
    template.forEach((row, i) => {
      const values: Record<string, string | number | null> = {};
      for (const field of REPLICATED_TABLES.volunteers) values[field] = row[field] ?? null;
      insertReplicated(w, 'volunteers', `week-${i}-${Math.random().toString(16).slice(2)}`, { ...values, iin: null, phone: `+7702${String(1000000 + i)}` });
    });
    persistClock(region, clock);
  })();
  editVolunteers(region, 1000, 99, at);
  const weeklyKb = send(region, centre, 'KZ').bytes / 1024;
  region.close();
  other.close();
  centre.close();
  return { weeklyKb, roundtripRows };
}

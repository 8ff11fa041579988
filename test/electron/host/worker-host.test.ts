import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../../electron/core/app';
import { dump } from '../../../electron/core/dump/dump';
import { createOffice } from '../../../electron/core/office/identity';
import { REPLICATED_TABLES } from '../../../electron/core/replication/tables';
import { seedRoster } from '../../../electron/core/seed/seed';
import { startHost, type RunningHost } from '../../../electron/host/server';
import type { CoreRouter } from '../../../electron/worker/router';
import type { ProgressReport } from '../../../shared/contract';
import type { RosterChoice, RosterReport } from '../../../shared/contract/roster';
import { writeRoster } from '../../bench/roster-bench';
import { testCore } from '../../helpers/core-options';
import { testRouter } from '../../helpers/core-worker';
import { hostClient } from '../../helpers/host-client';
import { expectWellFormed } from '../../helpers/progress';
import { uploadRosterThrough, valueOf } from '../../helpers/roster-upload';
import { registerSqlFunctions } from '../../../electron/core/db/functions';

/**
 * The core in its workers behind the web host, as the browser uses it: a 50,000-row roster import
 * streams its progress while searches and profiles keep answering, other writes wait their turn,
 * cancel leaves the database as it was, and a writer that dies is restarted with the database intact.
 */
const ROWS = 50_000;
const SEEDED = 2_000;
const CREDENTIALS = { login: 'admin', password: 'correct horse battery' };
const LONG = 600_000;

let workDir: string;
let baseFile: string;
let rosterBytes: Uint8Array;
/** What an undisturbed import of the roster did: the report and the people it left. */
let undisturbed: { report: RosterReport; people: string[] } | null = null;

const running: { host: RunningHost; router: CoreRouter }[] = [];
afterEach(async () => {
  for (const { host, router } of running.splice(0)) {
    await host.close();
    await router.close();
  }
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

beforeAll(async () => {
  // Shared by the tests in turn (the second compares with the first), so not a per-test folder.
  workDir = mkdtempSync(path.join(tmpdir(), 'erikti-worker-host-'));
  rosterBytes = await (async () => {
    const file = path.join(workDir, 'roster-50k.xlsx');
    await writeRoster(file, ROWS);
    return new Uint8Array(readFileSync(file));
  })();
  // One office every test starts from: a seeded roster and an administrator.
  baseFile = path.join(workDir, 'base.sqlite');
  const core = testCore(baseFile);
  createOffice(core.db, 'KZ-35');
  seedRoster(core.db, { volunteers: SEEDED, seed: 5 });
  core.callAs(CLI_ACTOR, 'users.add', { login: CREDENTIALS.login, displayName: 'Admin', role: 'administrator', password: CREDENTIALS.password });
  core.close();
}, LONG);

/** A copy of the base office served by a web host on the worker runtime, signed in. */
async function office(name: string, logged: unknown[] = []) {
  const file = path.join(workDir, `${name}.sqlite`);
  copyFileSync(baseFile, file);
  const rendererDir = path.join(workDir, `${name}-renderer`);
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Erikti</title>');
  const router = await testRouter(file, { log: (message, error) => logged.push({ message, error }) });
  const host = await startHost({ client: router, rendererDir, port: 0 });
  running.push({ host, router });
  let session: string | null = null;
  const http = hostClient(host, () => session);
  session = valueOf<{ session: string }>(await http.call('auth.signIn', CREDENTIALS)).session;
  const upload = () => uploadRosterThrough(http.call, rosterBytes, 'roster-50k.xlsx');
  return { file, router, host, http, upload };
}

/** Opens the file beside the workers, read-only, for what a test checks directly. */
function inspect<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  registerSqlFunctions(db); // as the app's connections do: the integrity check evaluates the expression indexes
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The volunteers' data without the ids an import makes up (new ids are random). */
const people = (file: string) =>
  inspect(file, (db) => {
    const fields = REPLICATED_TABLES.volunteers.filter((f) => f !== 'id');
    return (db.prepare(`SELECT ${fields.join(', ')} FROM volunteers`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  });

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

/** Resolves at the first progress report that satisfies `when`. */
function reportWhen(when: (report: ProgressReport) => boolean) {
  let hit: (report: ProgressReport) => void = () => {};
  const reached = new Promise<ProgressReport>((resolve) => (hit = resolve));
  let fired = false;
  return {
    reached,
    onProgress: (report: ProgressReport) => {
      if (!fired && when(report)) {
        fired = true;
        hit(report);
      }
    },
  };
}

describe('web host on the worker runtime', () => {
  it('answers searches and profiles while a 50,000-row import runs; a second write waits, then succeeds', { timeout: LONG }, async () => {
    const { file, http, upload } = await office('busy');
    const choice = await upload();
    const { rows } = valueOf<{ rows: { id: string }[] }>(await http.call('volunteers.search', { text: '', limit: 20 }));
    expect(rows.length).toBeGreaterThan(0);

    const started = reportWhen(() => true);
    let importEnded = Infinity;
    const importing = http.stream('roster.import', choice, 'import-1', started.onProgress).then((answer) => {
      importEnded = performance.now();
      return answer;
    });
    await started.reached;

    const latencies: number[] = [];
    const timed = async (name: string, input: unknown) => {
      const start = performance.now();
      const envelope = await http.call(name, input);
      latencies.push(performance.now() - start);
      expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    };
    for (let i = 0; i < 10; i++) {
      await timed('volunteers.search', { text: ['Ив', 'Ахм', 'Ким', 'Асқар'][i % 4], limit: 50 });
      await timed('volunteers.get', { id: rows[i % rows.length]!.id });
    }
    const readsEnded = performance.now();

    const heard: ProgressReport[] = [];
    let secondEnded = 0;
    const second = http.stream('volunteers.create', { lastName: 'Ожидаев', firstName: 'Марат' }, 'write-2', (r) => heard.push(r)).then((answer) => {
      secondEnded = performance.now();
      return answer;
    });
    const [imported, written] = await Promise.all([importing, second]);

    // The reads all answered while the import was still running.
    expect(readsEnded).toBeLessThan(importEnded);
    console.log(`reads during a ${ROWS}-row import: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    expect(percentile(latencies, 95)).toBeLessThan(2_000);

    expect(imported.contentType).toBe('application/x-ndjson');
    const report = valueOf<RosterReport>(imported.envelope);
    // The generated file may match a seeded person by IIN: that row updates them.
    expect(report).toMatchObject({ rows: ROWS, rejectedRows: 0 });
    expect(report.added + report.updated).toBe(ROWS);
    expectWellFormed(imported.progress, ['checking', 'writing']);

    // The second write said it was waiting, then ran after the import, and succeeded.
    expect(heard).toEqual([{ phase: 'waiting', done: 0, total: 0 }]);
    expect(written.envelope).toMatchObject({ ok: true });
    expect(secondEnded).toBeGreaterThanOrEqual(importEnded);
    expect(inspect(file, (db) => db.prepare('SELECT count(*) FROM volunteers').pluck().get())).toBe(SEEDED + report.added + 1);

    // Less the second write: what an undisturbed import leaves, for the restart test to compare with.
    undisturbed = { report, people: people(file).filter((p) => !p.includes('Ожидаев')) };
  });

  it('cancelled at several points, by POST /api-cancel or by hanging up, an import leaves the database exactly as before', { timeout: LONG }, async () => {
    const { file, http, upload } = await office('cancel');
    const choice = await upload();
    const before = inspect(file, dump);
    const points: [ProgressReport['phase'], number][] = [['checking', 0], ['checking', 0.5], ['writing', 0], ['writing', 0.6]];
    for (const [index, [phase, fraction]] of points.entries()) {
      const callId = `cancel-${index}`;
      const at = reportWhen((r) => r.phase === phase && r.done >= fraction * r.total);
      void at.reached.then(() => http.cancel(callId)).then((answer) => expect(answer).toEqual({ ok: true }));
      const answer = await http.stream('roster.import', choice, callId, at.onProgress);
      expect(answer.envelope, `cancelled in ${phase} at ${fraction}`).toEqual({ ok: false, error: { code: 'cancelled', key: 'error.cancelled' } });
      // What came before the cancel was in order: phases in turn, done never going back.
      const phases = [...new Set(answer.progress.map((r) => r.phase))];
      expect(['checking', 'writing'].slice(0, phases.length)).toEqual(phases);
      expect(inspect(file, dump)).toBe(before);
    }

    // A page that goes away (the connection closes) cancels its call too.
    const hangUp = new AbortController();
    const at = reportWhen((r) => r.phase === 'writing');
    void at.reached.then(() => hangUp.abort());
    await expect(http.stream('roster.import', choice, 'hang-up', at.onProgress, hangUp.signal)).rejects.toThrow();
    // The next write runs once the cancelled one has stopped; by then it has rolled back.
    expect(await http.call('auth.signIn', CREDENTIALS)).toMatchObject({ ok: true });
    expect(inspect(file, dump)).toBe(before);
  });

  it('when the writer dies mid-import: the call says so, the worker restarts, the database is intact and the import re-runs to the same result', { timeout: LONG }, async () => {
    const logged: { message: string }[] = [];
    const { file, http, router, upload } = await office('killed', logged);
    let choice: RosterChoice = await upload();
    const before = inspect(file, dump);
    const writing = reportWhen((r) => r.phase === 'writing' && r.done > 0);
    void writing.reached.then(() => router.worker('writer')?.terminate());
    const answer = await http.stream('roster.import', choice, 'doomed', writing.onProgress);
    expect(answer.envelope).toEqual({ ok: false, error: { code: 'unavailable', key: 'error.workerRestarted' } });
    expect(logged.map((l) => l.message)).toContain("The core's writer worker stopped; restarting it");

    // The session lives in the router: still signed in after the restart, on both workers.
    expect(await http.call('auth.me', {})).toMatchObject({ ok: true });
    expect(await http.call('auth.changePassword', { current: CREDENTIALS.password, next: CREDENTIALS.password })).toMatchObject({ ok: true });
    expect(inspect(file, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect(inspect(file, dump)).toBe(before);

    // The upload was in the dead worker's memory: the file is sent again, as the page would.
    expect(await http.call('roster.import', choice)).toMatchObject({ ok: false, error: { key: 'error.roster.expired' } });
    choice = await upload();
    const rerun = valueOf<RosterReport>((await http.stream('roster.import', choice, 'again')).envelope);
    expect(rerun).toMatchObject({ rows: ROWS, rejectedRows: 0 });
    if (undisturbed) {
      expect(rerun).toEqual(undisturbed.report);
      expect(people(file)).toEqual(undisturbed.people);
    }
  });
});

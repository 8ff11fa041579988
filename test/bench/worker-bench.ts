import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_ACTOR, createCore } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { uploadRoster } from '../../electron/core/roster/in-process';
import { startCoreRouter, type CoreRouter } from '../../electron/worker/router';
import { bestSheet } from '../../shared/contract/roster';
import { TEST_CORE_OPTIONS } from '../helpers/core-options';
import { uploadRosterThrough, valueOf } from '../helpers/roster-upload';
import { writeRoster } from './roster-bench';
import { percentile, round, SEARCH_QUERIES } from './search-bench';

/** The bench runs from dist/bench/run.js; the web host's worker bundle sits in dist/host. */
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../host/core-worker.js');
const ROWS = 50_000;

async function rosterFile(workDir: string): Promise<Uint8Array> {
  const file = path.join(workDir, 'roster-50k.xlsx');
  if (!existsSync(file)) await writeRoster(file, ROWS);
  return new Uint8Array(readFileSync(file));
}

async function signedIn(dbFile: string, login: string, password: string): Promise<{ router: CoreRouter; session: string }> {
  const router = await startCoreRouter({ dbFile, workerFile: WORKER_FILE, keyProtector: TEST_CORE_OPTIONS.keyProtector });
  const session = valueOf<{ session: string }>(await router.call('auth.signIn', { login, password }, null)).session;
  return { router, session };
}

/** A fresh office with an administrator, closed again: what both sides of the ratio import into. */
function freshOffice(file: string): void {
  const core = createCore(file, TEST_CORE_OPTIONS);
  createOffice(core.db, 'KZ-35');
  core.callAs(CLI_ACTOR, 'users.add', { login: 'bench', displayName: 'Bench', role: 'administrator', password: 'bench-password' });
  core.close();
}

/** Seconds of one 50,000-row import (upload included) into a fresh office, in-process. */
function importInProcess(file: string, bytes: Uint8Array): number {
  freshOffice(file);
  const core = createCore(file, TEST_CORE_OPTIONS);
  try {
    const start = performance.now();
    const inspected = uploadRoster(core, CLI_ACTOR, bytes, 'roster-50k.xlsx');
    const sheet = bestSheet(inspected.sheets)!;
    core.callAs(CLI_ACTOR, 'roster.import', { token: inspected.token, sheet: sheet.index, mapping: sheet.mapping });
    return performance.now() - start;
  } finally {
    core.close();
  }
}

/** The same through the worker runtime, as the page makes it (progress followed). */
async function importInWorker(file: string, bytes: Uint8Array): Promise<number> {
  freshOffice(file);
  const { router, session } = await signedIn(file, 'bench', 'bench-password');
  try {
    const start = performance.now();
    const choice = await uploadRosterThrough((name, input) => router.call(name, input, session), bytes, 'roster-50k.xlsx');
    valueOf(await router.call('roster.import', choice, session, { onProgress: () => undefined }));
    return performance.now() - start;
  } finally {
    await router.close();
  }
}

/**
 * `import_overhead_ratio`: a 50,000-row roster import through the worker runtime divided by the
 * same import in-process. Each side runs twice, in the order A B B A so neither gains from a warm
 * cache, and keeps its best: the worker and progress should cost almost nothing.
 */
export async function benchImportOverhead(workDir: string): Promise<{ import_overhead_ratio: number; import_in_process_s: number; import_in_worker_s: number }> {
  const bytes = await rosterFile(workDir);
  const file = (name: string) => path.join(workDir, `overhead-${name}.sqlite`);
  const a1 = importInProcess(file('a1'), bytes);
  const b1 = await importInWorker(file('b1'), bytes);
  const b2 = await importInWorker(file('b2'), bytes);
  const a2 = importInProcess(file('a2'), bytes);
  const inProcess = Math.min(a1, a2);
  const inWorker = Math.min(b1, b2);
  return { import_overhead_ratio: round(inWorker / inProcess), import_in_process_s: round(inProcess / 1000, 1), import_in_worker_s: round(inWorker / 1000, 1) };
}

/**
 * `busy_read_p95_ms`: p95 of roster pages and searches made through the worker runtime while a
 * 50,000-row roster import runs on the national database (they run on the reader's connection).
 */
export async function benchBusyReads(workDir: string, nationalFile: string, login: string, password: string): Promise<{ busy_read_p95_ms: number; busy_read_p50_ms: number; busy_reads: number }> {
  const bytes = await rosterFile(workDir);
  const { router, session } = await signedIn(nationalFile, login, password);
  try {
    const choice = await uploadRosterThrough((name, input) => router.call(name, input, session), bytes, 'roster-50k.xlsx');
    let importing = true;
    let started: () => void = () => {};
    const firstReport = new Promise<void>((resolve) => (started = resolve));
    const imported = router.call('roster.import', choice, session, { onProgress: () => started() }).finally(() => (importing = false));
    await firstReport;
    const latencies: number[] = [];
    for (let i = 0; importing; i++) {
      const input = i % 2 ? { text: SEARCH_QUERIES[i % SEARCH_QUERIES.length], limit: 100 } : { text: '', offset: (i * 997) % 150_000, limit: 100 };
      const start = performance.now();
      valueOf(await router.call('volunteers.search', input, session));
      if (importing) latencies.push(performance.now() - start);
    }
    valueOf(await imported);
    return { busy_read_p95_ms: round(percentile(latencies, 95), 1), busy_read_p50_ms: round(percentile(latencies, 50), 1), busy_reads: latencies.length };
  } finally {
    await router.close();
  }
}

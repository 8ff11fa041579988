import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_ACTOR, createCore } from '../../electron/core/app';
import { createOffice, readOffice } from '../../electron/core/office/identity';
import { TEST_CORE_OPTIONS } from '../helpers/core-options';
import { seedRoster } from '../../electron/core/seed/seed';
import { benchSuggest, staffingData } from './events-bench';
import { benchCertificates } from './certificates-bench';
import { benchExchange } from './exchange-bench';
import { benchHoursTotal, seedNationalEvents } from './hours-bench';
import { benchReports } from './reports-bench';
import { benchRosterImport } from './roster-bench';
import { benchRosterScreen } from './roster-screen-bench';
import { benchQualifiedFilter, benchSearch, round } from './search-bench';
import { benchBusyReads, benchImportOverhead } from './worker-bench';
import { seedTrainings } from '../../electron/core/seed/trainings';
import { refreshHourMonths } from '../../electron/core/reports/hour-months';

/**
 * `npm run bench [-- --json] [-- --volunteers N] [-- --only search,qualified,hours,reports,suggest,certificates,screen,import,exchange,worker] [-- --keep DIR]`:
 * measures and prints the design brief's figures on national-scale synthetic data. It never fails
 * on a slow figure: it reports. `--only` runs some of the benchmarks (the seeding always runs).
 * `--keep DIR` keeps the seeded national database in DIR and reuses it on the next run (seeding
 * 200k volunteers and 2M hour entries takes minutes), for measuring one change again and again.
 */
const BENCHMARKS = ['search', 'qualified', 'hours', 'reports', 'suggest', 'certificates', 'screen', 'import', 'exchange', 'worker'] as const;
const { values } = parseArgs({
  options: { json: { type: 'boolean' }, volunteers: { type: 'string', default: '200000' }, only: { type: 'string' }, keep: { type: 'string' } },
});
const volunteers = Number(values.volunteers);
const only = values.only?.split(',').map((name) => name.trim()) ?? [...BENCHMARKS];
const unknown = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')} (choose from ${BENCHMARKS.join(', ')})\n`);
  process.exit(2);
}
const runs = (name: (typeof BENCHMARKS)[number]) => only.includes(name);
const say = (text: string) => {
  if (!values.json) process.stderr.write(`${text}\n`);
};

const workDir = mkdtempSync(path.join(tmpdir(), 'erikti-bench-'));
const nationalFile = values.keep ? path.resolve(values.keep, `national-${volunteers}.sqlite`) : path.join(workDir, 'national.sqlite');
const figures: Record<string, number> = {};
try {
  if (values.keep) mkdirSync(values.keep, { recursive: true });
  const core = createCore(nationalFile, { keyProtector: TEST_CORE_OPTIONS.keyProtector });
  const password = 'bench-password';
  if (!readOffice(core.db)) {
    createOffice(core.db, 'KZ');
    core.callAs(CLI_ACTOR, 'users.add', { login: 'bench', displayName: 'Bench', role: 'administrator', password });
  }
  if (!core.db.prepare('SELECT 1 FROM volunteers LIMIT 1').get()) {
    say(`seeding ${volunteers} volunteers…`);
    const start = performance.now();
    seedRoster(core.db, { volunteers, seed: 42 });
    figures.seed_volunteers_s = round((performance.now() - start) / 1000, 1);
  }

  if (runs('search')) {
    say('search…');
    Object.assign(figures, benchSearch(core));
  }
  if (runs('qualified')) {
    say('trainings: seeding sessions and results, then the roster filtered by a valid qualification…');
    if (!core.db.prepare('SELECT 1 FROM training_sessions LIMIT 1').get()) {
      const trainingsStart = performance.now();
      const seeded = seedTrainings(core.db, { volunteers, seed: 42 });
      figures.seed_trainings_s = round((performance.now() - trainingsStart) / 1000, 1);
      figures.seeded_results = seeded.results;
    }
    Object.assign(figures, benchQualifiedFilter(core));
  }
  if (runs('hours')) {
    say('hours ledger: seeding events and hour entries, then one person\'s yearly totals…');
    Object.assign(figures, seedNationalEvents(core, volunteers));
    Object.assign(figures, benchHoursTotal(core));
  }
  if (runs('reports')) {
    say('reports: the centre\'s dashboard and hours by month, region and category for a year…');
    if (!core.db.prepare('SELECT 1 FROM training_sessions LIMIT 1').get()) seedTrainings(core.db, { volunteers, seed: 42 });
    Object.assign(figures, seedNationalEvents(core, volunteers));
    // The seeded years are 2024–2025: the dashboard is asked on a day in them, so its hours of the
    // month and of the year count a year of entries, as at an office in December.
    // As the runtime's timer does after an import: recount the monthly sums the seed left stale.
    const refreshStart = performance.now();
    const months = refreshHourMonths(core.db);
    if (months > 0) figures.report_totals_refresh_s = round((performance.now() - refreshStart) / 1000, 1);
    const december = createCore(nationalFile, { keyProtector: TEST_CORE_OPTIONS.keyProtector, now: () => new Date('2025-12-15T10:00:00+05:00') });
    Object.assign(figures, benchReports(december));
    december.close();
  }
  if (runs('suggest')) {
    say('staffing: events, shifts and the hours ledger, then suggestions for shifts across the country…');
    // Suggestions ask for qualifications: the trainings seed gives them, once.
    if (!core.db.prepare('SELECT 1 FROM training_sessions LIMIT 1').get()) seedTrainings(core.db, { volunteers, seed: 42 });
    const staffingStart = performance.now();
    const staffing = staffingData(core.db, { seed: 42 });
    figures.seed_staffing_s = round((performance.now() - staffingStart) / 1000, 1);
    figures.seeded_hour_entries = staffing.hours;
    Object.assign(figures, benchSuggest(core));
  }
  if (runs('certificates')) {
    say('certificates: 1,000 of volunteer service into one PDF…');
    Object.assign(figures, benchCertificates(core));
  }
  if (runs('screen')) {
    say('roster screen in Chromium…');
    Object.assign(figures, await benchRosterScreen(core, 'bench', password));
  }
  core.close();

  if (runs('worker')) {
    say('worker runtime: searches and roster pages during a 50,000-row import; the import through the worker vs in-process…');
    Object.assign(figures, await benchBusyReads(workDir, nationalFile, 'bench', password));
    Object.assign(figures, await benchImportOverhead(workDir));
  }
  if (runs('import')) {
    say('roster import of a 50,000-row .xlsx…');
    Object.assign(figures, await benchRosterImport(workDir));
  }
  if (runs('exchange')) {
    say('national exchange: 20 regional bundles into the centre…');
    Object.assign(figures, await benchExchange({ volunteers, hours: 10 * volunteers, workDir: path.join(workDir, 'exchange') }));
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const TARGETS: Record<string, string> = {
  search_p95_ms: '≤ 15',
  qualified_filter_ms: '≤ 50',
  suggest_ms: '≤ 100',
  roster_first_rows_ms: '≤ 1000',
  roster_import_50k_s: '≤ 20',
  import_ratio_vs_raw: '≥ 0.33',
  hours_total_ms: '≤ 5',
  dashboard_ms: '≤ 300',
  report_hours_ms: '≤ 500',
  reimport_speedup: '≥ 5',
  import_peak_rss_mb: '≤ 500',
  weekly_bundle_kb: '≤ 100',
  certificates_1000_s: '≤ 10',
  certificates_1000_mb: '≤ 5',
  roundtrip_bundle_rows: '≤ 110',
  busy_read_p95_ms: '≤ 100',
  import_overhead_ratio: '≤ 1.10',
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  for (const [name, value] of Object.entries(figures)) {
    console.log(`${name.padEnd(28)} ${String(value).padStart(10)}   ${TARGETS[name] ? `target ${TARGETS[name]}` : ''}`);
  }
}

import { CLI_ACTOR, type Core } from '../../electron/core/app';

/** Mixed queries as staff type them: Cyrillic and Latin, with and without Kazakh letters, digits. */
export const SEARCH_QUERIES = [
  'жұмабек', 'zhumabek', 'нурсултан', 'Nursultan', 'сейітов', 'seitov', 'әсел', 'asel', 'қайрат', 'kairat',
  'иванов', 'ivanov', 'мадина', 'madina', 'ерлан б', 'айгерім', 'aigerim', 'смирнов', 'томирис', 'tomiris',
  '701', '8701', '900', 'темірхан', 'temirkhan', 'шолпан', 'sholpan', 'дархан', 'darkhan', 'мұрат',
];

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * p50/p95 of the core's search (validation, FTS match, filters, count and first page).
 * The core remembers totals until the data changes; a no-op write before each query makes
 * every measurement count afresh, as a newly typed query would.
 */
export function benchSearch(core: Core, rounds = 10): { search_p50_ms: number; search_p95_ms: number } {
  const times: number[] = [];
  for (const q of SEARCH_QUERIES) core.callAs(CLI_ACTOR, 'volunteers.search', { text: q }); // warm the page cache
  for (let r = 0; r < rounds; r++) {
    for (const text of SEARCH_QUERIES) {
      core.db.prepare("UPDATE meta SET value = value WHERE key = 'office_code'").run();
      const start = performance.now();
      core.callAs(CLI_ACTOR, 'volunteers.search', { text, limit: 100 });
      times.push(performance.now() - start);
    }
  }
  return { search_p50_ms: round(percentile(times, 50)), search_p95_ms: round(percentile(times, 95)) };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * p95 of the roster filtered by "valid first aid on date D" (first page), on dates across the
 * seeded year and after it; every measurement counts afresh (no remembered total).
 */
export function benchQualifiedFilter(core: Core, rounds = 5): { qualified_filter_p50_ms: number; qualified_filter_ms: number } {
  const kind = core.callAs(CLI_ACTOR, 'trainings.kinds.list', {}).find((k) => k.names.en === 'First aid')!.id;
  const dates = ['2025-03-01', '2025-06-15', '2025-09-30', '2025-12-31', '2026-06-01', '2027-01-15', '2027-12-31'];
  const times: number[] = [];
  for (const on of dates) core.callAs(CLI_ACTOR, 'volunteers.search', { qualifiedKind: kind, qualifiedOn: on });
  for (let r = 0; r < rounds; r++) {
    for (const on of dates) {
      core.db.prepare("UPDATE meta SET value = value WHERE key = 'office_code'").run();
      const start = performance.now();
      core.callAs(CLI_ACTOR, 'volunteers.search', { qualifiedKind: kind, qualifiedOn: on, limit: 100 });
      times.push(performance.now() - start);
    }
  }
  return { qualified_filter_p50_ms: round(percentile(times, 50)), qualified_filter_ms: round(percentile(times, 95)) };
}

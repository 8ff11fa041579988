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

import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { seedEvents } from '../../electron/core/seed/events';
import { random } from '../../electron/core/seed/seed';
import { percentile, round } from './search-bench';

/**
 * Seeds the national office's events and hours ledger (about 6,000 events a year and ten hour
 * entries a person: 2M at 200k) unless it holds them already, so other benchmarks on the ledger
 * can share one seeding.
 */
export function seedNationalEvents(core: Core, volunteers: number): { seed_events_s: number; seeded_hour_entries: number } | Record<string, never> {
  if (core.db.prepare('SELECT 1 FROM hour_entries LIMIT 1').get()) return {};
  const start = performance.now();
  const seeded = seedEvents(core.db, { volunteers, seed: 42 });
  return { seed_events_s: round((performance.now() - start) / 1000, 1), seeded_hour_entries: seeded.hourEntries };
}

/**
 * p95 of one volunteer's yearly totals (per month, verified and not, corrections applied) through
 * the core's `hours.total`, for people drawn at random among those with hours.
 */
export function benchHoursTotal(core: Core, samples = 300): { hours_total_p50_ms: number; hours_total_ms: number } {
  const people = core.db.prepare('SELECT DISTINCT volunteer_id FROM hour_entries ORDER BY volunteer_id LIMIT 20000').pluck().all() as string[];
  const rnd = random(7);
  const times: number[] = [];
  for (let i = 0; i < samples + 20; i++) {
    const volunteerId = people[Math.floor(rnd() * people.length)]!;
    const year = rnd() < 0.5 ? '2024' : '2025';
    const start = performance.now();
    core.callAs(CLI_ACTOR, 'hours.total', { volunteerId, from: `${year}-01-01`, to: `${year}-12-31` });
    if (i >= 20) times.push(performance.now() - start); // the first calls warm the page cache
  }
  return { hours_total_p50_ms: round(percentile(times, 50)), hours_total_ms: round(percentile(times, 95)) };
}

import { CLI_ACTOR, type Core } from '../../electron/core/app';
import type { Db } from '../../electron/core/db/connection';
import { random } from '../../electron/core/seed/seed';
import { EVENT_CATEGORIES } from '../../shared/domain/events';
import { OFFICE_CODES } from '../../shared/domain/regions';
import { addDays } from '../../shared/domain/trainings';
import { percentile, round } from './search-bench';

/**
 * Staffing at national scale: ~6,000 events in 2026 (per 200,000 volunteers) with ~15,000 shifts (some asking for a
 * qualification, a language or a minimum age), ~8 people on each, and ~10 hour entries per
 * volunteer with a few corrections. Until `erikti seed` generates events and the ledger, this
 * writes them with plain bulk inserts (deterministic from the seed; no replication bookkeeping,
 * which suggestions never read). When the seed has them, `staffingData` uses what is there.
 */
export function staffingData(db: Db, options: { seed: number; hoursPerVolunteer?: number }): { events: number; shifts: number; assignments: number; hours: number } {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE deleted = 0`).pluck().get() as number;
  if (count('shifts') === 0) bulkStaffing(db, options.seed, options.hoursPerVolunteer ?? 10);
  return { events: count('events'), shifts: count('shifts'), assignments: count('assignments'), hours: count('hour_entries') };
}

function bulkStaffing(db: Db, seed: number, hoursPerVolunteer: number): void {
  const rnd = random(seed * 104_729 + 3);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  let serial = 0;
  const id = (prefix: string) => `${prefix}${(serial++).toString(36).padStart(8, '0')}`;
  const people = db.prepare('SELECT id, region FROM volunteers WHERE deleted = 0 ORDER BY seq').all() as { id: string; region: string | null }[];
  const byRegion = new Map<string, string[]>();
  for (const p of people) {
    const list = byRegion.get(p.region ?? '') ?? [];
    list.push(p.id);
    byRegion.set(p.region ?? '', list);
  }
  const kinds = db.prepare('SELECT id FROM qualification_kinds WHERE deleted = 0 ORDER BY seq').pluck().all() as string[];
  const stamp = ['2026-01-01T00:00:00.000Z', 'bench'] as const;
  const std = 'deleted, created_at, created_by, updated_at, updated_by';
  const insertEvent = db.prepare(`INSERT INTO events (id, title, category, start_date, end_date, region, status, office, ${std}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`);
  const insertShift = db.prepare(
    `INSERT INTO shifts (id, event_id, title, start_at, end_at, needed, required_kinds, languages, min_age, ${std}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const insertAssignment = db.prepare(
    `INSERT OR IGNORE INTO assignments (id, shift_id, volunteer_id, event_id, status, invited_at, walk_in, no_show, ${std}) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)`,
  );
  const insertHours = db.prepare(
    `INSERT INTO hour_entries (id, source_id, volunteer_id, event_id, shift_id, source, entry_date, hours, category, corrects_id, ${std}) VALUES (?, ?, ?, NULL, NULL, 'manual', ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const regions = OFFICE_CODES.slice(1);
  const time = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00`;
  db.transaction(() => {
    // 6,000 events a year for 200,000 volunteers, in proportion for other roster sizes.
    const events = Math.max(50, Math.round((6000 * people.length) / 200_000));
    for (let e = 0; e < events; e++) {
      const eventId = id('e');
      const start = addDays('2026-01-01', int(360));
      const end = addDays(start, int(4));
      // A few events are the state office's own (national forums): nobody lives in region `KZ`.
      const region = rnd() < 0.02 ? 'KZ' : pick(regions);
      const category = pick(EVENT_CATEGORIES);
      insertEvent.run(eventId, `Event ${e}`, category, start, end, region, 'planned', region, ...stamp, ...stamp);
      const local = byRegion.get(region) ?? people.map((p) => p.id);
      for (let s = 0, shifts = 1 + int(4); s < shifts; s++) {
        const shiftId = id('s');
        const date = addDays(start, int(1 + (Date.parse(end) - Date.parse(start)) / 86_400_000));
        const from = 6 + int(12);
        const requires = kinds.length > 0 && rnd() < 0.3 ? JSON.stringify([pick(kinds)]) : null;
        const languages = rnd() < 0.3 ? '["kk"]' : '[]';
        const minAge = rnd() < 0.1 ? 21 : null;
        insertShift.run(shiftId, eventId, `Shift ${s}`, time(date, from), time(date, Math.min(23, from + 2 + int(8))), 3 + int(28), requires, languages, minAge, ...stamp, ...stamp);
        for (let a = 0, n = int(16); a < n; a++) {
          const volunteerId = pick(local);
          insertAssignment.run(`${shiftId}:${volunteerId}`, shiftId, volunteerId, eventId, rnd() < 0.8 ? 'confirmed' : 'invited', stamp[0], ...stamp, ...stamp);
        }
      }
    }
    const entries = people.length * hoursPerVolunteer;
    let previous: string | null = null;
    for (let h = 0; h < entries; h++) {
      const volunteerId = people[int(people.length)]!.id;
      const entryId = `${id('h')}:${volunteerId}`;
      // One entry in a hundred corrects the one before it (a verified entry changed by a coordinator).
      const corrects = previous !== null && rnd() < 0.01 ? previous : null;
      insertHours.run(entryId, entryId.split(':')[0], volunteerId, addDays('2026-01-01', int(365)), (1 + int(32)) / 4, pick(EVENT_CATEGORIES), corrects, ...stamp, ...stamp);
      previous = entryId;
    }
  })();
}

/**
 * p50/p95 of `events.suggest` (20 best) for shifts across the year and the country: every
 * kind of shift the data has (with and without a qualification, a language, a minimum age, the
 * state office's own events). A benchmark reports; it never fails on time.
 */
export function benchSuggest(core: Core, shifts = 200): { suggest_p50_ms: number; suggest_ms: number; suggest_max_ms: number } {
  const all = core.db.prepare('SELECT id FROM shifts WHERE deleted = 0 ORDER BY seq').pluck().all() as string[];
  const step = Math.max(1, Math.floor(all.length / shifts));
  const sample = all.filter((_, i) => i % step === 0).slice(0, shifts);
  for (const shiftId of sample.slice(0, 20)) core.callAs(CLI_ACTOR, 'events.suggest', { shiftId }); // warm the page cache
  const times: number[] = [];
  for (const shiftId of sample) {
    const start = performance.now();
    core.callAs(CLI_ACTOR, 'events.suggest', { shiftId });
    times.push(performance.now() - start);
  }
  return { suggest_p50_ms: round(percentile(times, 50)), suggest_ms: round(percentile(times, 95)), suggest_max_ms: round(Math.max(...times)) };
}

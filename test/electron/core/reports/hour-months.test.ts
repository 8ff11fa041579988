import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { COUNTED_SQL } from '../../../../electron/core/events/ledger';
import { hoursByMonth, refreshHourMonths } from '../../../../electron/core/reports/hour-months';
import { ADMIN } from '../../../helpers/temp-db';
import { STAFF, closeOffices, office } from '../trainings/helpers';
import { event, volunteer } from '../events/helpers';

afterEach(closeOffices);

/**
 * The ledger summed straight from its entries, with the ledger's own "counts" rule: what the
 * monthly sums must always equal, whatever was refreshed and whatever was written since.
 */
function fromLedger(core: Core, from: string, to: string): Map<string, number[]> {
  const rows = core.db.prepare(
    `SELECT substr(h.entry_date, 1, 7) AS month, COALESCE(e.region, v.region) AS region, COALESCE(h.category, e.category) AS category,
       sum(h.hours) AS hours, sum(CASE WHEN h.verified_at IS NOT NULL THEN h.hours ELSE 0 END) AS verified, count(*) AS entries,
       count(*) - count(h.verified_at) AS waiting
     FROM hour_entries h LEFT JOIN events e ON e.id = h.event_id LEFT JOIN volunteers v ON v.id = h.volunteer_id AND h.event_id IS NULL
     WHERE ${COUNTED_SQL} AND h.entry_date >= ? AND h.entry_date <= ? GROUP BY 1, 2, 3`,
  ).all(from, to) as { month: string; region: string; category: string; hours: number; verified: number; entries: number; waiting: number }[];
  return new Map(rows.map((r) => [`${r.month} ${r.region} ${r.category}`, [r.hours, r.verified, r.entries, r.waiting]]));
}

function fromSums(core: Core, from: string, to: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of hoursByMonth(core.db, from, to)) {
    const key = `${r.month} ${r.region} ${r.category}`;
    const [h, v, n, w] = out.get(key) ?? [0, 0, 0, 0];
    out.set(key, [h! + r.hours, v! + r.verified, n! + r.entries, w! + r.waiting]);
  }
  return out;
}

const DAYS = ['2025-11-30', '2025-12-01', '2025-12-31', '2026-01-01', '2026-01-15', '2026-02-28', '2026-03-01', '2026-03-31'];
const day = fc.constantFrom(...DAYS);

type Step =
  | { kind: 'add'; date: string; hours: number; verified: boolean; person: number; onEvent: boolean }
  | { kind: 'verify' | 'correct' | 'delete'; pick: number; hours: number }
  | { kind: 'refresh'; months: number }
  | { kind: 'move'; person: number; region: string }
  | { kind: 'check'; from: string; to: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), date: day, hours: fc.integer({ min: 1, max: 8 }), verified: fc.boolean(), person: fc.nat(1), onEvent: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('verify' as const, 'correct' as const, 'delete' as const), pick: fc.nat(), hours: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('refresh' as const), months: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('move' as const), person: fc.nat(1), region: fc.constantFrom('KZ-19', 'KZ-75', 'KZ-71') }),
  fc.record({ kind: fc.constant('check' as const), from: day, to: day }),
);

describe('monthly sums of the hours ledger', () => {
  it('always equal the ledger summed entry by entry, for any period, however stale, after any writes, moves and partial refreshes', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
        const core = office('KZ-19');
        const people = [volunteer(core, 'Абаев'), volunteer(core, 'Бекова', { region: 'KZ-75' })];
        const flood = event(core, { category: 'flood', start: '2025-11-01', end: '2026-03-31', region: 'KZ-71' });
        const entries = (): string[] => core.db.prepare(`SELECT h.id FROM hour_entries h WHERE ${COUNTED_SQL} ORDER BY h.id`).pluck().all() as string[];
        const check = (from: string, to: string) => expect(fromSums(core, from, to)).toEqual(fromLedger(core, from, to));
        for (const s of steps) {
          if (s.kind === 'add') {
            core.callAs(ADMIN, 'hours.add', {
              volunteerId: people[s.person]!, date: s.date, hours: s.hours, verified: s.verified, category: 'socialSupport', ...(s.onEvent ? { eventId: flood, category: undefined } : {}),
            });
          } else if (s.kind === 'move') {
            // Hours typed by hand count in the person's region: a move moves them.
            core.callAs(ADMIN, 'volunteers.update', { id: people[s.person]!, patch: { region: s.region } });
          } else if (s.kind === 'refresh') {
            refreshHourMonths(core.db, s.months);
          } else if (s.kind === 'check') {
            check(s.from < s.to ? s.from : s.to, s.from < s.to ? s.to : s.from);
          } else {
            const all = entries();
            if (all.length === 0) continue;
            const id = all[s.pick % all.length]!;
            if (s.kind === 'verify') core.callAs(STAFF, 'hours.verify', { id });
            else if (s.kind === 'correct') core.callAs(ADMIN, 'hours.correct', { id, hours: s.hours, reason: 'исправлено' });
            else core.db.prepare('UPDATE hour_entries SET deleted = 1 WHERE id = ?').run(id);
          }
        }
        check('2025-11-01', '2026-03-31');
        refreshHourMonths(core.db);
        expect(core.db.prepare('SELECT count(*) FROM hour_months_stale').pluck().get()).toBe(0);
        check('2025-11-01', '2026-03-31');
        check('2025-12-01', '2026-02-28');
      }),
      { numRuns: 25 },
    );
  });

  it('hours typed by hand move with their person to another region, in months already summed', () => {
    const core = office('KZ-19');
    const person = volunteer(core, 'Абаев');
    core.callAs(ADMIN, 'hours.add', { volunteerId: person, date: '2026-01-15', hours: 5, verified: true, category: 'socialSupport' });
    refreshHourMonths(core.db);
    expect(hoursByMonth(core.db, '2026-01-01', '2026-01-31')).toEqual([expect.objectContaining({ region: 'KZ-19', hours: 5 })]);
    core.callAs(ADMIN, 'volunteers.update', { id: person, patch: { region: 'KZ-75' } });
    expect(hoursByMonth(core.db, '2026-01-01', '2026-01-31')).toEqual([expect.objectContaining({ region: 'KZ-75', hours: 5 })]);
    refreshHourMonths(core.db);
    expect(hoursByMonth(core.db, '2026-01-01', '2026-01-31')).toEqual([expect.objectContaining({ region: 'KZ-75', hours: 5, verified: 5, entries: 1, waiting: 0 })]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { CallError } from '../../../../shared/contract/errors';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices } from '../exchange/helpers';
import { event, shift, volunteer } from './helpers';

/**
 * Random assignments, check-ins and check-outs, hours typed by hand, verifications and
 * corrections at three offices, merged through the centre in any order: every office ends with
 * the same totals, and nobody has two counted entries for one shift.
 */

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

type Op =
  | { kind: 'work'; at: number; shift: number; who: number; inAt: number; minutes: number }
  | { kind: 'manual'; at: number; who: number; quarters: number; day: number }
  | { kind: 'verifyShift'; at: number; shift: number }
  | { kind: 'correct'; at: number; who: number; quarters: number }
  | { kind: 'sync'; region: number; up: boolean };

const at = fc.nat(2);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('work' as const), at, shift: fc.nat(1), who: fc.nat(4), inAt: fc.nat(90), minutes: fc.nat(600) }),
  fc.record({ kind: fc.constant('manual' as const), at, who: fc.nat(4), quarters: fc.integer({ min: 1, max: 24 }), day: fc.nat(1) }),
  fc.record({ kind: fc.constant('verifyShift' as const), at, shift: fc.nat(1) }),
  fc.record({ kind: fc.constant('correct' as const), at, who: fc.nat(4), quarters: fc.nat(32) }),
  fc.record({ kind: fc.constant('sync' as const), region: fc.nat(1), up: fc.boolean() }),
);

const time = (base: string, minutes: number) => {
  const d = new Date(`${base}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
};

describe('property: hours at several offices merged in any order', () => {
  it('give identical totals everywhere and never double a shift’s hours', () => {
    const [centre, almaty, astana] = offices('KZ', 'KZ-19', 'KZ-71') as [Core, Core, Core];
    const all = [centre, almaty, astana];
    const regions: [Core, string][] = [[almaty, 'KZ-19'], [astana, 'KZ-71']];
    const everywhere = () => {
      for (let round = 0; round < 2; round++) {
        for (const [r] of regions) sync(r, centre, 'KZ');
        for (const [r, code] of regions) sync(centre, r, code);
      }
    };
    const people = [volunteer(almaty, 'Абаев'), volunteer(almaty, 'Бекова'), volunteer(almaty, 'Жанов'), volunteer(astana, 'Ермеков'), volunteer(astana, 'Исаева')];
    everywhere();
    /** Entries that reached the ledger over all runs: the ops really wrote hours. */
    let written = 0;
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 16 }), (ops) => {
        const e = event(almaty, { category: 'socialSupport' });
        const shifts = [
          shift(almaty, e, { needed: 10, start: '2026-03-10T08:00', end: '2026-03-10T14:00' }),
          shift(almaty, e, { needed: 10, start: '2026-03-10T22:00', end: '2026-03-11T06:00' }),
        ];
        const starts = ['2026-03-10T08:00', '2026-03-10T22:00'];
        everywhere();
        for (const o of ops) {
          if (o.kind === 'sync') {
            const [r, code] = regions[o.region]!;
            if (o.up) sync(r, centre, 'KZ');
            else sync(centre, r, code);
            continue;
          }
          const core = all[o.at]!;
          try {
            if (o.kind === 'work') {
              const shiftId = shifts[o.shift]!;
              const volunteerId = people[o.who]!;
              core.callAs(ADMIN, 'events.assign', { shiftId, volunteerIds: [volunteerId] });
              const inAt = time(starts[o.shift]!, o.inAt);
              core.callAs(ADMIN, 'events.checkin', { shiftId, volunteerId, at: inAt });
              core.callAs(ADMIN, 'events.checkout', { shiftId, volunteerId, at: time(inAt, o.minutes) });
            } else if (o.kind === 'manual') {
              core.callAs(ADMIN, 'hours.add', { volunteerId: people[o.who]!, date: ['2026-03-10', '2026-03-11'][o.day]!, hours: o.quarters / 4 });
            } else if (o.kind === 'verifyShift') {
              core.callAs(ADMIN, 'hours.verifyShift', { shiftId: shifts[o.shift]! });
            } else {
              const entry = core.callAs(ADMIN, 'hours.list', { volunteerId: people[o.who]! })[0];
              if (entry) core.callAs(ADMIN, 'hours.correct', { id: entry.id, hours: o.quarters / 4, reason: 'Проверка' });
            }
          } catch (error) {
            // Refusals (the office rule, a verified entry, the day limit, not assigned) are the rules working.
            if (!(error instanceof CallError)) throw error;
          }
        }
        everywhere();
        for (const volunteerId of people) {
          const views = all.map((core) => core.callAs(ADMIN, 'hours.total', { volunteerId }));
          expect(views[1]).toEqual(views[0]);
          expect(views[2]).toEqual(views[0]);
          const counted = centre.callAs(ADMIN, 'hours.list', { volunteerId, eventId: e });
          for (const shiftId of shifts) expect(counted.filter((h) => h.shiftId === shiftId).length).toBeLessThanOrEqual(1);
        }
        written += centre.callAs(ADMIN, 'hours.total', { eventId: e }).entries;
        expect(all.map((core) => core.callAs(ADMIN, 'hours.total', { eventId: e })).every((t, _i, xs) => JSON.stringify(t) === JSON.stringify(xs[0]))).toBe(true);
      }),
      { numRuns: Number(process.env.EVENTS_PROPERTY_RUNS ?? 10) },
    );
    expect(written).toBeGreaterThan(0);
    expect(dump(centre.db)).toBe(dump(almaty.db));
    expect(dump(centre.db)).toBe(dump(astana.db));
  }, 180_000);
});

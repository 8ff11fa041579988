import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { seedEvents } from '../../../../electron/core/seed/events';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { exportTo, importInto, offices } from '../exchange/helpers';
import { assignOne, event, shift, volunteer } from './helpers';

/** Events, assignments and hours travel through bundles like every replicated table, under the office rule. */

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

function workedShift(core: Core, shiftId: string, person: string, from: string, to: string): string {
  assignOne(core, shiftId, person);
  core.callAs(ADMIN, 'events.checkin', { shiftId, volunteerId: person, at: from });
  return core.callAs(ADMIN, 'events.checkout', { shiftId, volunteerId: person, at: to }).entryId;
}

describe('events in the exchange', () => {
  it('an event’s assignments and hours made in a region reach the centre with the same totals', () => {
    const [centre, region] = offices('KZ', 'KZ-19') as [Core, Core];
    const e = event(region);
    const s = shift(region, e);
    const [a, b] = [volunteer(region, 'Абаев'), volunteer(region, 'Бекова')];
    const entry = workedShift(region, s, a, '2026-03-10T09:00', '2026-03-10T17:00');
    workedShift(region, s, b, '2026-03-10T09:00', '2026-03-10T12:10');
    region.callAs(ADMIN, 'hours.verify', { id: entry });
    region.callAs(ADMIN, 'hours.correct', { id: entry, hours: 7.5, reason: 'Обед' });
    region.callAs(ADMIN, 'hours.add', { volunteerId: b, date: '2026-03-01', hours: 2 });
    const summary = sync(region, centre, 'KZ');
    expect(summary.tables.assignments?.created).toBe(2);
    expect(summary.tables.hour_entries?.created).toBe(4);
    for (const who of [a, b]) expect(centre.callAs(ADMIN, 'hours.total', { volunteerId: who })).toEqual(region.callAs(ADMIN, 'hours.total', { volunteerId: who }));
    expect(centre.callAs(ADMIN, 'hours.total', { eventId: e })).toMatchObject({ hours: 10.75, verified: 7.5 });
    expect(centre.callAs(ADMIN, 'events.get', { id: e })).toEqual(region.callAs(ADMIN, 'events.get', { id: e }));
    // The correction's history (who, when, why) reads the same at the centre.
    const history = (core: Core) => core.callAs(ADMIN, 'hours.list', { volunteerId: a, history: true });
    expect(history(centre)).toEqual(history(region));
    expect(history(centre).find((h) => h.corrects === entry)?.correctedAt).toEqual(expect.any(String));
    expect(dump(centre.db)).toBe(dump(region.db));
  });

  it('two offices checking the same person in and out offline: one assignment, one entry, hours never double', () => {
    const [centre, region] = offices('KZ', 'KZ-19') as [Core, Core];
    const s = shift(region, event(region, { category: 'forum' }));
    const p = volunteer(region, 'Двойной');
    assignOne(region, s, p);
    sync(region, centre, 'KZ');
    region.callAs(ADMIN, 'events.checkin', { shiftId: s, volunteerId: p, at: '2026-03-10T09:00' });
    region.callAs(ADMIN, 'events.checkout', { shiftId: s, volunteerId: p, at: '2026-03-10T13:00' });
    centre.callAs(ADMIN, 'events.checkin', { shiftId: s, volunteerId: p, at: '2026-03-10T09:30' });
    centre.callAs(ADMIN, 'events.checkout', { shiftId: s, volunteerId: p, at: '2026-03-10T13:00' });
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-19');
    const atCentre = centre.callAs(ADMIN, 'hours.list', { volunteerId: p });
    expect(atCentre).toHaveLength(1);
    expect(region.callAs(ADMIN, 'hours.list', { volunteerId: p })).toEqual(atCentre);
    expect([4, 3.5]).toContain(atCentre[0]!.hours);
    // The other check-out's hours are kept in the conflict log, at both offices.
    for (const core of [centre, region]) {
      const logged = core.db.prepare("SELECT winner_value, loser_value FROM conflicts WHERE tbl = 'hour_entries' AND field = 'hours'").all() as { winner_value: string; loser_value: string }[];
      expect(logged).toEqual([{ winner_value: String(atCentre[0]!.hours), loser_value: String(atCentre[0]!.hours === 4 ? 3.5 : 4) }]);
    }
    expect(dump(centre.db)).toBe(dump(region.db));
  });

  it('a seeded ledger taken in on the lean path: the same data and clocks as its office holds, a re-import changes nothing, relayed on unchanged', () => {
    const [centre, region, other] = offices('KZ', 'KZ-19', 'KZ-71') as [Core, Core, Core];
    seedRoster(region.db, { volunteers: 40, seed: 3 });
    seedEvents(region.db, { volunteers: 40, seed: 3 });
    // Entries edited after they were written carry per-field stamps: they take the same path.
    const [first, second] = region.db.prepare("SELECT id FROM hour_entries WHERE verified_at IS NULL AND corrects_id IS NULL ORDER BY id LIMIT 2").pluck().all() as string[];
    region.callAs(ADMIN, 'hours.verify', { id: first! });
    region.callAs(ADMIN, 'hours.correct', { id: second!, hours: 1, reason: 'Ушёл раньше' });
    const bundle = exportTo(region, 'KZ');
    const summary = importInto(centre, bundle);
    const entries = region.db.prepare('SELECT count(*) FROM hour_entries').pluck().get() as number;
    expect(summary.tables.hour_entries).toMatchObject({ created: entries, updated: 0, conflicts: 0 });
    expect(dump(centre.db)).toBe(dump(region.db));
    const clocks = (core: Core) => core.db.prepare("SELECT row_id, base, actor, fields <> '{}' AS stamped FROM row_clock WHERE tbl = 'hour_entries' ORDER BY row_id").all();
    expect(clocks(centre)).toEqual(clocks(region));
    expect(importInto(centre, bundle).nothingChanged).toBe(true);
    expect(importInto(centre, exportTo(region, 'KZ', true)).nothingChanged).toBe(true);
    importInto(other, exportTo(centre, 'KZ-71'));
    expect(dump(other.db)).toBe(dump(region.db));
    expect(clocks(other)).toEqual(clocks(region));
    const someone = region.db.prepare('SELECT volunteer_id FROM hour_entries WHERE id = ?').pluck().get(second) as string;
    expect(other.callAs(ADMIN, 'hours.total', { volunteerId: someone })).toEqual(region.callAs(ADMIN, 'hours.total', { volunteerId: someone }));
  });
});

describe('events: which office may change what', () => {
  it('another region cannot plan on, or staff with people it does not keep, an event it did not create; nothing is written', () => {
    const [centre, almaty, astana] = offices('KZ', 'KZ-19', 'KZ-71') as [Core, Core, Core];
    const e = event(almaty);
    const s = shift(almaty, e);
    const local = volunteer(almaty, 'Местный');
    sync(almaty, centre, 'KZ');
    sync(centre, astana, 'KZ-71');
    expect(failure(() => shift(astana, e)).key).toBe('error.recordKeptElsewhere');
    expect(failure(() => astana.callAs(ADMIN, 'events.cancel', { id: e })).params).toEqual({ office: 'KZ-19' });
    expect(failure(() => assignOne(astana, s, local)).code).toBe('forbidden');
    expect(astana.callAs(ADMIN, 'events.get', { id: e })).toMatchObject({ status: 'planned', filled: 0, office: 'KZ-19', mayChange: false });
    // The screens show who keeps it and offer its changes only where the core accepts them.
    expect(almaty.callAs(ADMIN, 'events.get', { id: e }).mayChange).toBe(true);
    expect(centre.callAs(ADMIN, 'events.get', { id: e }).mayChange).toBe(true);
    // Its own people it may put on the shift (it keeps them), and the centre may do anything.
    const own = volunteer(astana, 'Приезжий');
    expect(assignOne(astana, s, own).outcome).toBe('assigned');
    expect(assignOne(centre, s, local).outcome).toBe('assigned');
  });
});

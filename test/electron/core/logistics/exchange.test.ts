import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { pdfPages } from '../../../helpers/pdf';
import { exportTo, importInto, offices } from '../exchange/helpers';
import { event, volunteer } from '../events/helpers';
import { allocate, item, lineOf } from './helpers';

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

describe('logistics in the exchange', () => {
  it('two offices allocating the same tents offline: both allocations survive, the shortage shows at both', () => {
    const [centre, region] = offices('KZ', 'KZ-19') as [Core, Core];
    const tents = item(region, 'Палатка', 10);
    const a = event(region);
    const b = event(centre, { start: '2026-03-10', end: '2026-03-12' });
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-19');
    allocate(region, a, tents, 6);
    allocate(centre, b, tents, 6);
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-19');
    for (const core of [centre, region]) {
      expect(core.db.prepare('SELECT count(*) FROM allocations WHERE deleted = 0').pluck().get()).toBe(2);
      expect(lineOf(core, a, tents)).toMatchObject({ allocated: 6, free: 0, shortage: 2 });
      expect(lineOf(core, b, tents)).toMatchObject({ allocated: 6, free: 0, shortage: 2 });
      expect(core.callAs(ADMIN, 'inventory.list', { office: 'KZ-19', on: '2026-03-10' })[0]).toMatchObject({ onHand: 10, allocated: 12, free: -2 });
    }
    expect(dump(centre.db)).toBe(dump(region.db));
    // Only the office holding the tents hands them out.
    expect(failure(() => centre.callAs(ADMIN, 'logistics.issue', { eventId: b, itemId: tents, volunteerId: 'x', quantity: 1 })).key).toBe('error.logistics.heldElsewhere');
  });

  it('a transfer is recorded by the sender, seen by the other office after exchange and counted there once received', () => {
    const [almaty, astana] = offices('KZ-19', 'KZ-71') as [Core, Core];
    const vests = item(almaty, 'Жилет', 20);
    const { id } = almaty.callAs(ADMIN, 'inventory.transfer', { itemId: vests, quantity: 8, toOffice: 'KZ-71', reason: 'Паводок' });
    expect(almaty.callAs(ADMIN, 'inventory.list', {})[0]).toMatchObject({ onHand: 12 });
    expect(almaty.callAs(ADMIN, 'inventory.transfers', {}).outgoing).toEqual([expect.objectContaining({ id, quantity: 8, to: 'KZ-71', receivedAt: null })]);
    expect(failure(() => almaty.callAs(ADMIN, 'inventory.receiveTransfer', { id })).key).toBe('error.logistics.notForThisOffice');
    sync(almaty, astana, 'KZ-71');
    expect(astana.callAs(ADMIN, 'inventory.transfers', {}).incoming).toEqual([expect.objectContaining({ id, quantity: 8, from: 'KZ-19' })]);
    expect(astana.callAs(ADMIN, 'inventory.list', {})).toEqual([]);
    const { itemId } = astana.callAs(ADMIN, 'inventory.receiveTransfer', { id });
    expect(astana.callAs(ADMIN, 'inventory.list', {})).toEqual([expect.objectContaining({ id: itemId, name: { ru: 'Жилет', kk: 'Жилет (каз.)' }, onHand: 8 })]);
    expect(failure(() => astana.callAs(ADMIN, 'inventory.receiveTransfer', { id })).key).toBe('error.logistics.alreadyReceived');
    sync(astana, almaty, 'KZ-19');
    expect(almaty.callAs(ADMIN, 'inventory.transfers', {}).outgoing).toEqual([]);
    expect(almaty.callAs(ADMIN, 'inventory.list', { office: 'all' }).map((r) => [r.office, r.onHand])).toEqual([['KZ-19', 12], ['KZ-71', 8]]);
    expect(dump(almaty.db)).toBe(dump(astana.db));
  });

  it('two offices booking the same bus and driver offline: both trips survive, each shows the other at both offices until one is cancelled', () => {
    const [centre, region] = offices('KZ', 'KZ-19') as [Core, Core];
    const bus = region.callAs(ADMIN, 'vehicles.add', { plate: '123 ABC 02', seats: 20, category: 'D' }).id;
    const driver = volunteer(region, 'Водитель', { drivingCategories: ['D'] });
    const a = event(region);
    const b = event(centre, { title: 'Форум волонтёров', category: 'forum' });
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-19');
    const trip = (core: Core, eventId: string, departAt: string, returnAt: string) =>
      core.callAs(ADMIN, 'trips.add', { eventId, vehicleId: bus, driverId: driver, departAt, returnAt, departPlace: 'Алматы', destination: 'Талгар' }).id;
    const ours = trip(region, a, '2026-03-10T07:00', '2026-03-10T19:00');
    const theirs = trip(centre, b, '2026-03-10T15:00', '2026-03-10T22:00');
    expect(region.callAs(ADMIN, 'logistics.event', { id: a }).trips[0]!.clashes).toEqual([]);
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-19');
    for (const core of [centre, region]) {
      const [mine] = core.callAs(ADMIN, 'logistics.event', { id: a }).trips;
      expect(mine!.clashes).toEqual([
        { with: 'vehicle', tripId: theirs, eventId: b, eventTitle: 'Форум волонтёров', office: 'KZ', departAt: '2026-03-10T15:00', returnAt: '2026-03-10T22:00' },
        { with: 'driver', tripId: theirs, eventId: b, eventTitle: 'Форум волонтёров', office: 'KZ', departAt: '2026-03-10T15:00', returnAt: '2026-03-10T22:00' },
      ]);
      expect(core.callAs(ADMIN, 'logistics.event', { id: b }).trips[0]!.clashes.map((c) => [c.with, c.tripId, c.office])).toEqual([['vehicle', ours, 'KZ-19'], ['driver', ours, 'KZ-19']]);
    }
    // The printed roster says it too: the coordinator may be in the field when it is noticed.
    const printed = pdfPages(Buffer.from(region.callAs(ADMIN, 'logistics.roster', { id: a, lang: 'ru' }).base64, 'base64')).join('\n');
    expect(printed).toContain('123 ABC 02 также занят для «Форум волонтёров»');
    expect(printed).toContain('Водитель Тест также ведёт рейс');
    centre.callAs(ADMIN, 'events.cancel', { id: b });
    sync(centre, region, 'KZ-19');
    expect(region.callAs(ADMIN, 'logistics.event', { id: a }).trips[0]!.clashes).toEqual([]);
    expect(region.callAs(ADMIN, 'logistics.event', { id: b }).trips[0]!.clashes).toEqual([]);
  });
});

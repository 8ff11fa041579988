import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { assignOne, event, shift, volunteer } from '../events/helpers';

const trip = (core: Core, eventId: string, vehicleId: string, driverId: string, extra: Record<string, unknown> = {}) =>
  core.callAs(ADMIN, 'trips.add', {
    eventId, vehicleId, driverId, departAt: '2026-03-10T07:00', returnAt: '2026-03-10T19:00', departPlace: 'Алматы, офис', destination: 'Талгар', ...extra,
  }).id;

function setUp() {
  const core = officeCore('KZ-19');
  const e = event(core);
  const s = shift(core, e, { needed: 10 });
  const bus = core.callAs(ADMIN, 'vehicles.add', { plate: '123 abc 02', model: 'ПАЗ', seats: 3, category: 'D' }).id;
  const partner = core.callAs(ADMIN, 'organisations.create', { name: 'Жасыл ел', type: 'association' }).id;
  const van = core.callAs(ADMIN, 'vehicles.add', { plate: '777 KZ 02', seats: 7, category: 'B', owner: 'partner', organisationId: partner }).id;
  const driver = volunteer(core, 'Водитель', { drivingCategories: ['B', 'D'] });
  const carOnly = volunteer(core, 'Легковой', { drivingCategories: ['B'] });
  return { core, e, s, bus, van, driver, carOnly };
}

describe('transport', () => {
  it('needs the partner organisation of a partner’s vehicle, and lists it by name', () => {
    const { core, van } = setUp();
    const before = dump(core.db);
    expect(failure(() => core.callAs(ADMIN, 'vehicles.add', { plate: '888 KZ 02', seats: 7, category: 'B', owner: 'partner' })).fields).toEqual([
      expect.objectContaining({ path: 'organisationId', key: 'error.logistics.partnerOrganisation' }),
    ]);
    expect(dump(core.db)).toBe(before);
    expect(core.callAs(ADMIN, 'vehicles.list', {}).find((v) => v.id === van)).toMatchObject({ owner: 'partner', organisation: 'Жасыл ел' });
    expect(core.callAs(ADMIN, 'vehicles.list', {}).find((v) => v.id !== van)).toMatchObject({ owner: 'office', organisation: null });
  });

  it('refuses a driver without the vehicle’s category, naming both, with nothing written', () => {
    const { core, e, bus, carOnly } = setUp();
    const before = dump(core.db);
    expect(failure(() => trip(core, e, bus, carOnly))).toMatchObject({ key: 'error.logistics.driverCategory', params: { category: 'D', plate: '123 ABC 02', driver: 'Легковой Тест' } });
    expect(dump(core.db)).toBe(before);
  });

  it('keeps a vehicle and a driver on one trip at a time; back-to-back trips are fine', () => {
    const { core, e, bus, van, driver, carOnly } = setUp();
    trip(core, e, bus, driver);
    expect(failure(() => trip(core, e, bus, driver, { departAt: '2026-03-10T18:00', returnAt: '2026-03-10T21:00' }))).toMatchObject({
      key: 'error.logistics.vehicleBusy', params: { plate: '123 ABC 02', from: '10.03.2026 07:00', to: '10.03.2026 19:00' },
    });
    expect(failure(() => trip(core, e, van, driver, { departAt: '2026-03-10T12:00', returnAt: '2026-03-10T13:00' })).key).toBe('error.logistics.driverBusy');
    trip(core, e, van, carOnly, { departAt: '2026-03-10T12:00', returnAt: '2026-03-10T13:00' });
    trip(core, e, bus, driver, { departAt: '2026-03-10T19:00', returnAt: '2026-03-10T21:00' });
    expect(failure(() => trip(core, e, bus, driver, { seats: 4, departAt: '2026-03-11T07:00', returnAt: '2026-03-11T09:00' })).key).toBe('error.logistics.seatsOverVehicle');
  });

  it('seats only the event’s people, never more than the seats; cancelling the event frees the vehicle and driver', () => {
    const { core, e, s, bus, driver } = setUp();
    const t = trip(core, e, bus, driver);
    const people = ['Абаев', 'Бекова', 'Жанов', 'Исаева'].map((n) => volunteer(core, n));
    const stranger = volunteer(core, 'Чужой');
    for (const p of people) assignOne(core, s, p);
    expect(failure(() => core.callAs(ADMIN, 'trips.passengers.add', { tripId: t, volunteerIds: [stranger] }))).toMatchObject({ key: 'error.logistics.notOnEvent', params: { name: 'Чужой Тест' } });
    const before = dump(core.db);
    expect(failure(() => core.callAs(ADMIN, 'trips.passengers.add', { tripId: t, volunteerIds: people }))).toMatchObject({
      key: 'error.logistics.seatsFull', params: { seats: 3, taken: 0, asked: 4 },
    });
    expect(dump(core.db)).toBe(before);
    core.callAs(ADMIN, 'trips.passengers.add', { tripId: t, volunteerIds: people.slice(0, 3) });
    expect(core.callAs(ADMIN, 'logistics.event', { id: e }).trips[0]!.passengers).toHaveLength(3);
    core.callAs(ADMIN, 'trips.passengers.remove', { tripId: t, volunteerId: people[0]! });
    core.callAs(ADMIN, 'trips.passengers.add', { tripId: t, volunteerIds: [people[3]!] });
    expect(core.callAs(ADMIN, 'logistics.event', { id: e }).trips[0]!.passengers.map((p) => p.volunteerId).sort()).toEqual(people.slice(1).sort());
    core.callAs(ADMIN, 'events.cancel', { id: e });
    const other = event(core);
    trip(core, other, bus, driver);
  });
});

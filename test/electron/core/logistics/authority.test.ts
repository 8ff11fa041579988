import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { ownKeys } from '../../../../electron/core/office/keys';
import { replicaId } from '../../../../electron/core/office/identity';
import { loadClock, persistClock } from '../../../../electron/core/replication/hlc';
import { insertReplicated, updateReplicated, type WriteStamp } from '../../../../electron/core/replication/write';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { exportTo, importInto, offices, previewIn } from '../exchange/helpers';
import { assignOne, event, shift, volunteer } from '../events/helpers';
import { allocate, item, lineOf, stockOf } from './helpers';

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

/**
 * A modified client: writes straight into its own database through the replication layer, past
 * every check of the core, as a forged bundle would carry it.
 */
function rogueWrites(core: Core, write: (w: WriteStamp) => void): void {
  const db = core.db;
  const clock = loadClock(db, replicaId(db));
  db.transaction(() => {
    write({ db, clock, actor: `rogue@${ownKeys(db)!.office}`, at: new Date().toISOString() });
    persistClock(db, clock);
  })();
}

function setUp() {
  const [almaty, rogue, astana, centre] = offices('KZ-19', 'KZ-75', 'KZ-71', 'KZ') as [Core, Core, Core, Core];
  const tents = item(almaty, 'Палатка', 10);
  const flood = event(almaty);
  const s = shift(almaty, flood, { needed: 5 });
  const driver = volunteer(almaty, 'Водитель', { drivingCategories: ['D'] });
  const rider = volunteer(almaty, 'Пассажир');
  assignOne(almaty, s, rider);
  allocate(almaty, flood, tents, 4);
  const bus = almaty.callAs(ADMIN, 'vehicles.add', { plate: '123 ABC 02', seats: 20, category: 'D' }).id;
  const trip = almaty.callAs(ADMIN, 'trips.add', {
    eventId: flood, vehicleId: bus, driverId: driver, departAt: '2026-03-10T07:00', returnAt: '2026-03-10T19:00', departPlace: 'Алматы', destination: 'Талгар',
  }).id;
  const transfer = almaty.callAs(ADMIN, 'inventory.transfer', { itemId: tents, quantity: 2, toOffice: 'KZ-71', reason: 'Паводок' }).id;
  // Everyone holds Almaty's records.
  for (const [core, code] of [[rogue, 'KZ-75'], [astana, 'KZ-71'], [centre, 'KZ']] as const) sync(almaty, core, code);
  return { almaty, rogue, astana, centre, tents, flood, bus, trip, transfer, rider };
}

describe('who may change an office’s stock, vehicles and event plans', () => {
  it('a forged bundle changing another office’s stock, allocations, trips, seats and transfer receipts is refused, at the office and at the centre', () => {
    const { almaty, rogue, centre, tents, flood, bus, trip, transfer, rider } = setUp();
    const receipt = almaty.db.prepare("SELECT id FROM stock_movements WHERE item_id = ? AND kind = 'receipt'").pluck().get(tents) as string;
    const allocation = almaty.db.prepare('SELECT id FROM allocations WHERE event_id = ?').pluck().get(flood) as string;
    const before = { almaty: dump(almaty.db), centre: dump(centre.db) };

    rogueWrites(rogue, (w) => {
      // Tents written off from Almaty's store, its receipt made smaller, its allocation released.
      insertReplicated(w, 'stock_movements', 'forged-write-off', {
        item_id: tents, kind: 'writeOff', quantity: 8, moved_on: '2026-03-01', reason: 'украдено', to_office: null, received_at: null, received_by: null,
        received_item_id: null, transfer_id: null, deleted: 0,
      });
      updateReplicated(w, 'stock_movements', receipt, { quantity: 1 });
      updateReplicated(w, 'allocations', allocation, { deleted: 1 });
      // Almaty's tents set aside for the rogue's own plan on Almaty's event; the trip and the seats changed.
      insertReplicated(w, 'allocations', 'forged-allocation', { event_id: flood, shift_id: null, item_id: tents, quantity: 6, deleted: 0 });
      updateReplicated(w, 'trips', trip, { seats: 1, destination: 'Капшагай' });
      insertReplicated(w, 'trip_passengers', `${trip}:${rider}`, { trip_id: trip, volunteer_id: rider, deleted: 0 });
      updateReplicated(w, 'vehicles', bus, { seats: 2 });
      // A transfer to Astana marked received by someone else.
      updateReplicated(w, 'stock_movements', transfer, { received_at: w.at, received_by: w.actor, received_item_id: tents });
    });

    for (const [core, code] of [[almaty, 'KZ-19'], [centre, 'KZ']] as const) {
      const bundle = exportTo(rogue, code);
      const preview = previewIn(core, bundle);
      expect(preview.refused).toMatchObject({ offices: { 'KZ-75': preview.refused.total } });
      expect(preview.refused.total).toBeGreaterThanOrEqual(13);
      importInto(core, bundle);
    }
    // Nothing of it landed anywhere (only the exchange bookkeeping moved).
    const data = (text: string) => text.split('\n').filter((line) => !/^(exchange_|row_clock|trusted_keys|conflicts)/.test(line)).join('\n');
    expect(data(dump(almaty.db))).toBe(data(before.almaty));
    expect(data(dump(centre.db))).toBe(data(before.centre));
    expect(stockOf(almaty, tents)).toMatchObject({ onHand: 8 });
    expect(lineOf(almaty, flood, tents)).toMatchObject({ allocated: 4 });
    expect(almaty.callAs(ADMIN, 'inventory.transfers', {}).outgoing).toEqual([expect.objectContaining({ id: transfer, receivedAt: null })]);
  });

  it('the office a transfer was sent to marks it received, and that mark travels; the sender cannot forge it', () => {
    const { almaty, astana, centre, transfer } = setUp();
    rogueWrites(almaty, (w) => updateReplicated(w, 'stock_movements', transfer, { received_at: w.at, received_by: w.actor }));
    expect(previewIn(centre, exportTo(almaty, 'KZ')).refused).toMatchObject({ offices: { 'KZ-19': 2 } });
    importInto(centre, exportTo(almaty, 'KZ'));
    expect(centre.db.prepare('SELECT received_at FROM stock_movements WHERE id = ?').pluck().get(transfer)).toBeNull();

    astana.callAs(ADMIN, 'inventory.receiveTransfer', { id: transfer });
    const summary = importInto(centre, exportTo(astana, 'KZ'));
    expect(summary.refused.total).toBe(0);
    expect(centre.db.prepare('SELECT received_by FROM stock_movements WHERE id = ?').pluck().get(transfer)).toMatch(/@KZ-71$/);
  });

  it('another office’s event is not planned here (needs, its stock, trips, seats, checklists are refused at once, naming the office); its own stock may be offered to it', () => {
    const { rogue, tents, flood, trip, rider } = setUp();
    const own = item(rogue, 'Жилет', 5);
    const before = dump(rogue.db);
    const refusals = [
      () => rogue.callAs(ADMIN, 'logistics.allocate', { eventId: flood, itemId: tents, quantity: 1 }),
      () => rogue.callAs(ADMIN, 'logistics.request', { eventId: flood, itemId: tents, quantity: 9 }),
      () => rogue.callAs(ADMIN, 'checklists.add', { eventId: flood, text: 'Чужой пункт' }),
      () => rogue.callAs(ADMIN, 'checklists.fromTemplate', { eventId: flood }),
      () => rogue.callAs(ADMIN, 'trips.cancel', { id: trip }),
      () => rogue.callAs(ADMIN, 'trips.passengers.add', { tripId: trip, volunteerIds: [rider] }),
    ];
    for (const call of refusals) expect(failure(call)).toMatchObject({ key: 'error.recordKeptElsewhere', params: { office: 'KZ-19' } });
    expect(dump(rogue.db)).toBe(before);
    // Its own stock it may offer to that event (the item's keeper decides over its stock).
    allocate(rogue, flood, own, 2);
    expect(lineOf(rogue, flood, own)).toMatchObject({ allocated: 2 });
  });
});

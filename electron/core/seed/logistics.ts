import { EMERGENCY_CATEGORIES, type EventCategory } from '../../../shared/domain/events';
import { writeTransaction, type Db } from '../db/connection';
import { readOffice } from '../office/identity';
import { persistClock, syncClock } from '../replication/hlc';
import { insertReplicated } from '../replication/write';
import { random, seedStamp, seededIds } from './seed';

/**
 * Logistics for a seeded office: a stocked inventory (reusables and consumables, received in one
 * receipt each), a few vehicles, and for emergencies (and one in five other events) allocations,
 * equipment issued to people on the event and returned (now and then one missing), and a trip
 * whose driver has category B. Stock is large enough that no allocation overbooks it; a vehicle
 * or driver takes one trip a day. Deterministic like the roster: ids and values derive from the seed.
 */

const SEED_EPOCH_MS = Date.UTC(2024, 0, 3);

const ITEMS: { ru: string; kk: string; kind: 'reusable' | 'consumable'; unit: string; quantity: number; perEvent: number }[] = [
  { ru: 'Палатка', kk: 'Шатыр', kind: 'reusable', unit: 'pcs', quantity: 120, perEvent: 4 },
  { ru: 'Сигнальный жилет', kk: 'Белгі кеудешесі', kind: 'reusable', unit: 'pcs', quantity: 400, perEvent: 15 },
  { ru: 'Рация', kk: 'Рация', kind: 'reusable', unit: 'pcs', quantity: 150, perEvent: 6 },
  { ru: 'Генератор', kk: 'Генератор', kind: 'reusable', unit: 'pcs', quantity: 30, perEvent: 1 },
  { ru: 'Аптечка', kk: 'Дәрі қобдишасы', kind: 'reusable', unit: 'pcs', quantity: 100, perEvent: 3 },
  { ru: 'Питьевая вода', kk: 'Ауыз су', kind: 'consumable', unit: 'l', quantity: 50_000, perEvent: 60 },
  { ru: 'Продуктовый набор', kk: 'Азық-түлік жиынтығы', kind: 'consumable', unit: 'pcs', quantity: 8000, perEvent: 20 },
];

const VEHICLES: { plate: string; model: string; seats: number; category: 'B' | 'D'; owner: 'office' | 'partner' }[] = [
  { plate: '101 ERK 02', model: 'ГАЗель Next', seats: 8, category: 'B', owner: 'office' },
  { plate: '202 ERK 02', model: 'Hyundai Starex', seats: 7, category: 'B', owner: 'office' },
  { plate: '303 ERK 02', model: 'ПАЗ-3205', seats: 25, category: 'D', owner: 'partner' },
];

export interface LogisticsSeedResult {
  items: number;
  allocations: number;
  handouts: number;
  vehicles: number;
  trips: number;
}

export function seedLogistics(db: Db, options: { seed: number }): LogisticsSeedResult {
  const rnd = random(options.seed * 7919 + 17);
  const seededId = seededIds(rnd, SEED_EPOCH_MS);
  const office = readOffice(db)?.code ?? null;
  const stamp = seedStamp(db, office ?? 'KZ', SEED_EPOCH_MS);
  const { clock } = stamp;
  const result: LogisticsSeedResult = { items: 0, allocations: 0, handouts: 0, vehicles: 0, trips: 0 };
  writeTransaction(db, () => {
    syncClock(db, clock);
    const itemIds = ITEMS.map((it) => {
      const id = seededId();
      insertReplicated(stamp, 'inventory_items', id, {
        office, name_kk: it.kk, name_ru: it.ru, kind: it.kind, unit: it.unit, inventory_number: it.kind === 'reusable' ? `INV-${String(result.items + 1).padStart(4, '0')}` : null,
        storage_place: 'Склад №1', min_level: Math.round(it.quantity / 10), deleted: 0,
      });
      insertReplicated(stamp, 'stock_movements', seededId(), {
        item_id: id, kind: 'receipt', quantity: it.quantity, moved_on: '2024-01-03', reason: 'Начальный остаток', to_office: null, received_at: null, received_by: null,
        received_item_id: null, transfer_id: null, deleted: 0,
      });
      result.items++;
      return id;
    });
    // A partner's bus belongs to one of the seeded organisations (the office's own when there is none).
    const partner = (db.prepare('SELECT id FROM organisations WHERE deleted = 0 ORDER BY id LIMIT 1').pluck().get() as string | undefined) ?? null;
    const vehicleIds = VEHICLES.map((v) => {
      const id = seededId();
      const owner = v.owner === 'partner' && partner ? 'partner' : 'office';
      insertReplicated(stamp, 'vehicles', id, { office, plate: v.plate, model: v.model, seats: v.seats, category: v.category, owner, organisation_id: owner === 'partner' ? partner : null, deleted: 0 });
      result.vehicles++;
      return { id, ...v };
    });
    const drivers = db.prepare("SELECT id FROM volunteers WHERE deleted = 0 AND status = 'active' AND driving_categories LIKE '%\"B\"%' ORDER BY seq").pluck().all() as string[];
    const events = db.prepare("SELECT id, category, start_date FROM events WHERE deleted = 0 AND status != 'cancelled' ORDER BY start_date, id").all() as { id: string; category: EventCategory; start_date: string }[];
    const busy = new Set<string>();
    for (const e of events) {
      if (!EMERGENCY_CATEGORIES.includes(e.category) && rnd() >= 0.2) continue;
      const people = db.prepare("SELECT DISTINCT a.volunteer_id FROM assignments a WHERE a.event_id = ? AND a.deleted = 0 AND a.status = 'confirmed' ORDER BY a.volunteer_id").pluck().all(e.id) as string[];
      ITEMS.forEach((it, i) => {
        if (rnd() < 0.4) return;
        const quantity = Math.max(1, Math.round(it.perEvent * (0.5 + rnd())));
        insertReplicated(stamp, 'allocations', seededId(), { event_id: e.id, shift_id: null, item_id: itemIds[i]!, quantity, deleted: 0 });
        result.allocations++;
        // Radios and vests go to people by hand and come back (now and then one goes missing).
        if (it.kind !== 'reusable' || people.length === 0 || (it.ru !== 'Рация' && it.ru !== 'Сигнальный жилет')) return;
        for (const person of people.slice(0, Math.min(quantity, 3))) {
          const at = `${e.start_date}T08:00:00.000Z`;
          insertReplicated(stamp, 'handouts', seededId(), { event_id: e.id, item_id: itemIds[i]!, volunteer_id: person, kind: 'issue', quantity: 1, condition: null, note: null, handed_at: at, deleted: 0 });
          const missing = rnd() < 0.05;
          insertReplicated(stamp, 'handouts', seededId(), {
            event_id: e.id, item_id: itemIds[i]!, volunteer_id: person, kind: 'return', quantity: 1, condition: missing ? 'missing' : 'ok', note: null, handed_at: `${e.start_date}T18:00:00.000Z`, deleted: 0,
          });
          result.handouts += 2;
        }
      });
      const vehicle = vehicleIds.filter((v) => v.category === 'B').find((v) => !busy.has(`${v.id}:${e.start_date}`));
      const driver = drivers.find((d) => !busy.has(`${d}:${e.start_date}`) && !people.includes(d));
      if (!vehicle || !driver) continue;
      busy.add(`${vehicle.id}:${e.start_date}`);
      busy.add(`${driver}:${e.start_date}`);
      const trip = seededId();
      insertReplicated(stamp, 'trips', trip, {
        event_id: e.id, vehicle_id: vehicle.id, driver_id: driver, depart_at: `${e.start_date}T07:00`, return_at: `${e.start_date}T20:00`,
        depart_place: 'Офис, ул. Абая 10', destination: 'Место сбора', seats: vehicle.seats, deleted: 0,
      });
      result.trips++;
      for (const p of people.slice(0, vehicle.seats)) insertReplicated(stamp, 'trip_passengers', `${trip}:${p}`, { trip_id: trip, volunteer_id: p, deleted: 0 });
    }
    persistClock(db, clock);
  });
  return result;
}

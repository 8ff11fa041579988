import { describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { seedEvents } from '../../../../electron/core/seed/events';
import { seedLogistics } from '../../../../electron/core/seed/logistics';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { ADMIN, officeCore } from '../../../helpers/temp-db';

describe('seeded logistics', () => {
  it('the same seed gives the same inventories, allocations, vehicles and trips; dump holds them; nothing is overbooked', () => {
    const seeded = () => {
      const core = officeCore('KZ-23');
      seedRoster(core.db, { volunteers: 300, seed: 5 });
      seedEvents(core.db, { volunteers: 300, seed: 5 });
      return { core, result: seedLogistics(core.db, { seed: 5 }) };
    };
    const a = seeded();
    const b = seeded();
    expect(a.result).toEqual(b.result);
    expect(a.result).toMatchObject({ items: 7, vehicles: 3 });
    expect(a.result.allocations).toBeGreaterThan(0);
    expect(a.result.trips).toBeGreaterThan(0);
    const text = dump(a.core.db);
    expect(text).toBe(dump(b.core.db));
    const tables = JSON.parse(text) as Record<string, unknown[]>;
    for (const t of ['inventory_items', 'stock_movements', 'allocations', 'handouts', 'vehicles', 'trips', 'trip_passengers']) expect(tables[t]!.length, t).toBeGreaterThan(0);
    for (const row of a.core.callAs(ADMIN, 'inventory.list', { on: '2024-06-01' })) {
      expect(row.onHand).toBeGreaterThan(0);
      expect(row.free).toBeGreaterThanOrEqual(0);
    }
    // Every seeded driver has the vehicle's category.
    const drivers = a.core.db.prepare('SELECT v.category, p.driving_categories FROM trips t JOIN vehicles v ON v.id = t.vehicle_id JOIN volunteers p ON p.id = t.driver_id').all() as { category: string; driving_categories: string }[];
    for (const d of drivers) expect(JSON.parse(d.driving_categories)).toContain(d.category);
  });
});

import { createReplicatedTable, type Migration } from './migration';

/**
 * Event logistics (issue 16), all replicated (declared in shared/domain/logistics-tables.ts):
 * inventory items and their stock movements, what events request and are allocated, equipment
 * issued and returned, vehicles, trips and their passengers, checklists. Every change of stock
 * is a row of its own, so offices' offline records all survive a merge and the numbers are sums.
 */
export const logistics: Migration = {
  name: 'logistics',
  up(db) {
    db.exec(`
      ${createReplicatedTable('inventory_items', ['office TEXT', 'name_kk TEXT', 'name_ru TEXT', 'kind TEXT', 'unit TEXT', 'inventory_number TEXT', 'storage_place TEXT', 'min_level REAL'])}
      CREATE INDEX inventory_items_office ON inventory_items (office);
      ${createReplicatedTable('stock_movements', ['item_id TEXT', 'kind TEXT', 'quantity REAL', 'moved_on TEXT', 'reason TEXT', 'to_office TEXT', 'received_at TEXT', 'received_by TEXT', 'received_item_id TEXT', 'transfer_id TEXT'])}
      CREATE INDEX stock_movements_item ON stock_movements (item_id);
      CREATE INDEX stock_movements_to_office ON stock_movements (to_office) WHERE to_office IS NOT NULL;
      ${createReplicatedTable('logistics_requests', ['event_id TEXT', 'item_id TEXT', 'quantity REAL'])}
      CREATE INDEX logistics_requests_event ON logistics_requests (event_id);
      ${createReplicatedTable('allocations', ['event_id TEXT', 'shift_id TEXT', 'item_id TEXT', 'quantity REAL'])}
      CREATE INDEX allocations_item ON allocations (item_id);
      CREATE INDEX allocations_event ON allocations (event_id);
      ${createReplicatedTable('handouts', ['event_id TEXT', 'item_id TEXT', 'volunteer_id TEXT', 'kind TEXT', 'quantity REAL', 'condition TEXT', 'note TEXT', 'handed_at TEXT'])}
      CREATE INDEX handouts_item ON handouts (item_id);
      CREATE INDEX handouts_event ON handouts (event_id);
      ${createReplicatedTable('vehicles', ['office TEXT', 'plate TEXT', 'model TEXT', 'seats INTEGER', 'category TEXT', 'owner TEXT', 'organisation_id TEXT'])}
      ${createReplicatedTable('trips', ['event_id TEXT', 'vehicle_id TEXT', 'driver_id TEXT', 'depart_at TEXT', 'return_at TEXT', 'depart_place TEXT', 'destination TEXT', 'seats INTEGER'])}
      CREATE INDEX trips_event ON trips (event_id);
      CREATE INDEX trips_vehicle ON trips (vehicle_id);
      CREATE INDEX trips_driver ON trips (driver_id);
      ${createReplicatedTable('trip_passengers', ['trip_id TEXT NOT NULL', 'volunteer_id TEXT NOT NULL'])}
      CREATE INDEX trip_passengers_trip ON trip_passengers (trip_id);
      ${createReplicatedTable('checklist_items', ['event_id TEXT', 'template_key TEXT', 'text TEXT', 'position INTEGER', 'done_at TEXT', 'done_by TEXT'])}
      CREATE INDEX checklist_items_event ON checklist_items (event_id);
    `);
  },
};

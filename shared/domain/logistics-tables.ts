import { HANDOUT_KINDS, ITEM_KINDS, MOVEMENT_KINDS, RETURN_CONDITIONS, VEHICLE_OWNERS } from './logistics';
import { defineTable } from './replicated-table';
import { DRIVING_CATEGORIES } from './vocabulary';

/**
 * Event logistics as replicated tables (migration 0016). Merges are last-writer-wins per field,
 * so nothing here is a counter changed in place: every receipt, write-off, transfer, allocation,
 * issue and return is a row of its own with its own id, and two offices' offline records all
 * survive a merge; stock on hand, what is free and the shortages are computed from the merged rows.
 * Conflicts are settled by choosing a side (`values: null`).
 */

/** A kind of thing an office keeps; its stock is the sum of its movements. */
export const inventoryItemsTable = defineTable({
  label: 'exchange.table.inventoryItems',
  labels: 'logisticsField',
  fields: {
    office: { kind: 'region' },
    name_kk: { kind: 'text' },
    name_ru: { kind: 'text' },
    kind: { kind: 'enum', vocab: 'itemKind', codes: ITEM_KINDS },
    unit: { kind: 'text' },
    inventory_number: { kind: 'text' },
    storage_place: { kind: 'text' },
    min_level: { kind: 'number' },
  },
  labelFields: ['name_ru'],
  values: null,
  notFound: 'error.logistics.unknownItem',
});

/**
 * A receipt, a write-off or a transfer sent to another office. The receiving office marks the
 * transfer received (only it writes those fields) and records a receipt into an item of its own.
 */
export const stockMovementsTable = defineTable({
  label: 'exchange.table.stockMovements',
  labels: 'logisticsField',
  fields: {
    item_id: { kind: 'ref', ref: 'inventory_items' },
    kind: { kind: 'enum', vocab: 'movementKind', codes: MOVEMENT_KINDS },
    quantity: { kind: 'number' },
    moved_on: { kind: 'date' },
    reason: { kind: 'text' },
    to_office: { kind: 'region' },
    received_at: { kind: 'text' },
    received_by: { kind: 'text' },
    received_item_id: { kind: 'ref', ref: 'inventory_items' },
    transfer_id: { kind: 'ref', ref: 'stock_movements' },
  },
  values: null,
});

/** How many of an item an event asks for: one planned number per event and item. */
export const logisticsRequestsTable = defineTable({
  label: 'exchange.table.logisticsRequests',
  labels: 'logisticsField',
  fields: {
    event_id: { kind: 'ref', ref: 'events' },
    item_id: { kind: 'ref', ref: 'inventory_items' },
    quantity: { kind: 'number' },
  },
  pairId: ['event_id', 'item_id'],
  labelRefs: ['item_id'],
  values: null,
});

/** Stock set aside for an event (or one of its shifts): one row per allocation, released by deleting it. */
export const allocationsTable = defineTable({
  label: 'exchange.table.allocations',
  labels: 'logisticsField',
  fields: {
    event_id: { kind: 'ref', ref: 'events' },
    shift_id: { kind: 'ref', ref: 'shifts' },
    item_id: { kind: 'ref', ref: 'inventory_items' },
    quantity: { kind: 'number' },
  },
  labelRefs: ['item_id'],
  values: null,
});

/** Equipment handed to a person for an event, or taken back (with its condition): one row each. */
export const handoutsTable = defineTable({
  label: 'exchange.table.handouts',
  labels: 'logisticsField',
  fields: {
    event_id: { kind: 'ref', ref: 'events' },
    item_id: { kind: 'ref', ref: 'inventory_items' },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    kind: { kind: 'enum', vocab: 'handoutKind', codes: HANDOUT_KINDS },
    quantity: { kind: 'number' },
    condition: { kind: 'enum', vocab: 'returnCondition', codes: RETURN_CONDITIONS },
    note: { kind: 'text' },
    handed_at: { kind: 'text' },
  },
  labelRefs: ['volunteer_id', 'item_id'],
  values: null,
});

export const vehiclesTable = defineTable({
  label: 'exchange.table.vehicles',
  labels: 'logisticsField',
  fields: {
    office: { kind: 'region' },
    plate: { kind: 'text' },
    model: { kind: 'text' },
    seats: { kind: 'number' },
    category: { kind: 'enum', codes: DRIVING_CATEGORIES },
    owner: { kind: 'enum', vocab: 'vehicleOwner', codes: VEHICLE_OWNERS },
    organisation_id: { kind: 'ref', ref: 'organisations' },
  },
  labelFields: ['plate'],
  values: null,
  notFound: 'error.logistics.unknownVehicle',
});

/** A vehicle with its driver taking people to (and back from) an event; cancelled by deleting it. */
export const tripsTable = defineTable({
  label: 'exchange.table.trips',
  labels: 'logisticsField',
  fields: {
    event_id: { kind: 'ref', ref: 'events' },
    vehicle_id: { kind: 'ref', ref: 'vehicles' },
    driver_id: { kind: 'ref', ref: 'volunteers' },
    depart_at: { kind: 'text' },
    return_at: { kind: 'text' },
    depart_place: { kind: 'text' },
    destination: { kind: 'text' },
    seats: { kind: 'number' },
  },
  labelFields: ['destination'],
  values: null,
  notFound: 'error.logistics.unknownTrip',
});

/** One person on one trip: the same seat given at two offices is one record. */
export const tripPassengersTable = defineTable({
  label: 'exchange.table.tripPassengers',
  labels: 'logisticsField',
  fields: {
    trip_id: { kind: 'ref', ref: 'trips' },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
  },
  pairId: ['trip_id', 'volunteer_id'],
  labelRefs: ['volunteer_id', 'trip_id'],
  values: null,
});

/** A line of an event's checklist: from the category's template (`template_key`) or typed (`text`). */
export const checklistItemsTable = defineTable({
  label: 'exchange.table.checklistItems',
  labels: 'logisticsField',
  fields: {
    event_id: { kind: 'ref', ref: 'events' },
    template_key: { kind: 'text' },
    text: { kind: 'text' },
    position: { kind: 'number' },
    done_at: { kind: 'text' },
    done_by: { kind: 'text' },
  },
  labelFields: ['text'],
  values: null,
});

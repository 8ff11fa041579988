import { attachmentsTable } from './attachment-tables';
import { certificatesTable } from './certificate-tables';
import { assignmentsTable, eventsTable, hourEntriesTable, shiftsTable } from './event-tables';
import { allocationsTable, checklistItemsTable, handoutsTable, inventoryItemsTable, logisticsRequestsTable, stockMovementsTable, tripPassengersTable, tripsTable, vehiclesTable } from './logistics-tables';
import { distinctPairsTable, mergesTable } from './merge-tables';
import { membershipsTable, organisationsTable } from './organisation-table';
import type { ReplicatedTableSpec } from './replicated-table';
import { enrolmentsTable, programsTable, qualificationKindsTable, qualificationsTable, trainingReopeningsTable, trainingSessionsTable } from './training-tables';
import { volunteersTable } from './volunteer-table';

/**
 * The replicated tables, one line each; a table joins replication by being listed here (and
 * created by a migration). Bundles carry them in this order. Everything generic — the write
 * path, bundles, dump, merging, conflict review and the screens showing them — reads this.
 */
export const TABLES = {
  volunteers: volunteersTable,
  organisations: organisationsTable,
  memberships: membershipsTable,
  merges: mergesTable,
  distinct_pairs: distinctPairsTable,
  qualification_kinds: qualificationKindsTable,
  programs: programsTable,
  training_sessions: trainingSessionsTable,
  training_reopenings: trainingReopeningsTable,
  enrolments: enrolmentsTable,
  qualifications: qualificationsTable,
  events: eventsTable,
  shifts: shiftsTable,
  assignments: assignmentsTable,
  hour_entries: hourEntriesTable,
  certificates: certificatesTable,
  attachments: attachmentsTable,
  inventory_items: inventoryItemsTable,
  stock_movements: stockMovementsTable,
  logistics_requests: logisticsRequestsTable,
  allocations: allocationsTable,
  handouts: handoutsTable,
  vehicles: vehiclesTable,
  trips: tripsTable,
  trip_passengers: tripPassengersTable,
  checklist_items: checklistItemsTable,
} as const satisfies Record<string, ReplicatedTableSpec>;

export type TableName = keyof typeof TABLES;

/** A table's declaration, or undefined for a name this version does not replicate. */
export function tableSpec(name: string): ReplicatedTableSpec | undefined {
  return Object.prototype.hasOwnProperty.call(TABLES, name) ? TABLES[name as TableName] : undefined;
}

import { camelOf, columnOf, fieldsOfKind } from '../../../shared/domain/replicated-table';
import type { VolunteerPatch, VolunteerRecord } from '../../../shared/domain/volunteer';
import { volunteersTable } from '../../../shared/domain/volunteer-table';
import type { Row } from '../replication/tables';

/** The list fields (stored as JSON arrays), as the volunteers table declares them. */
const ARRAY_FIELDS = fieldsOfKind(volunteersTable, 'list');

/** Field names of the model (camelCase) and their SQL columns (snake_case). */
export const toColumn = columnOf;
export const toField = camelOf;

/** Model values to SQL values: arrays as sorted JSON (so equal sets compare equal), absent as null. */
export function toRow(data: VolunteerPatch): Row {
  const row: Row = {};
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    row[toColumn(field)] = ARRAY_FIELDS.has(field) ? JSON.stringify([...new Set(value as string[])].sort()) : (value as string | null);
  }
  return row;
}

export interface VolunteerSqlRow extends Row {
  id: string;
}

export function fromRow(row: VolunteerSqlRow, canReadIin: boolean): VolunteerRecord {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'seq' || column === 'deleted' || column === 'sort_name') continue;
    const field = toField(column);
    out[field] = ARRAY_FIELDS.has(field) ? JSON.parse(String(value ?? '[]')) : value;
  }
  out.iin = maskIin(row.iin as string | null, canReadIin);
  return out as VolunteerRecord;
}

/**
 * The IIN is restricted-access data: roles without the right see only that there is one. No digit
 * shows: the first seven follow from the birth date and sex staff see, the last is a checksum, so
 * any shown digit leaves fewer to guess.
 */
export const MASKED_IIN = '••••••••••••';
export function maskIin(iin: string | null, canRead: boolean): string | null {
  if (!iin || canRead) return iin;
  return MASKED_IIN;
}

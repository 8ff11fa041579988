import { TABLES, type TableName } from '../../../shared/domain/tables';
import { emptyValue, recordLabel, type ReplicatedTableSpec, type SqlValue } from '../../../shared/domain/replicated-table';

/**
 * The replicated tables as the generic core reads them, all derived from the one declaration per
 * table (shared/domain/tables.ts): the write path stamps these fields, export and dump read them,
 * merging follows the references. Local bookkeeping columns (seq, audit stamps) are not replicated fields.
 */
export type ReplicatedTable = TableName;
export type { SqlValue };
export type Row = Record<string, SqlValue>;

export const REPLICATED_TABLE_NAMES = Object.keys(TABLES) as ReplicatedTable[];

export function isReplicatedTable(name: string): name is ReplicatedTable {
  return Object.prototype.hasOwnProperty.call(TABLES, name);
}

/** A replicated table's declaration. */
export function specOf(table: ReplicatedTable): ReplicatedTableSpec {
  return TABLES[table];
}

/** The replicated fields (SQL column names) of each table, in bundle order. */
export const REPLICATED_TABLES = Object.fromEntries(REPLICATED_TABLE_NAMES.map((t) => [t, Object.keys(specOf(t).fields)])) as unknown as {
  readonly [T in ReplicatedTable]: readonly string[];
};

/**
 * Columns that name a record of another replicated table. When a record is merged into another,
 * live references to the merged-away id are re-pointed at the survivor (generic over tables).
 */
export const REFERENCES: Partial<Record<ReplicatedTable, Record<string, ReplicatedTable>>> = Object.fromEntries(
  REPLICATED_TABLE_NAMES.flatMap((t) => {
    const refs = Object.entries(specOf(t).fields).filter(([, f]) => f.kind === 'ref').map(([column, f]) => [column, f.ref as ReplicatedTable]);
    return refs.length ? [[t, Object.fromEntries(refs)]] : [];
  }),
);

/**
 * Tables whose id is derived from referenced ids (`${a}:${b}`), so the same pair added at two
 * offices is one record. Re-pointing such a row makes (or revives) the new pair and ends the old.
 */
export const PAIR_IDS: Partial<Record<ReplicatedTable, readonly string[]>> = Object.fromEntries(
  REPLICATED_TABLE_NAMES.flatMap((t) => (specOf(t).pairId ? [[t, specOf(t).pairId]] : [])),
);

/** Tables whose records can be merged as "the same thing registered twice". */
export const MERGEABLE: readonly ReplicatedTable[] = REPLICATED_TABLE_NAMES.filter((t) => specOf(t).mergeable);

/** A record's name from its values, or null when it has none (an erased person). */
export function labelOf(table: ReplicatedTable, values: Partial<Row>): string | null {
  return recordLabel(specOf(table), values);
}

/** A field holds nothing: no value, an empty text or an empty list. */
export function isEmptyValue(value: SqlValue | undefined): boolean {
  return value === null || value === undefined || value === '' || value === '[]';
}

/** The value an empty field holds (lists are stored as JSON arrays). */
export function emptyValueOf(table: ReplicatedTable, field: string): SqlValue {
  return emptyValue(specOf(table), field);
}

import type { SqlValue } from '../../../shared/domain/replicated-table';

/** A condition with one `?` and the value for it; left out of the query when the value is undefined. */
export type OptionalFilter = readonly [sql: string, value: SqlValue | undefined];

/**
 * The conditions a list's query asked for and their parameters, in the same order: a filter the
 * query leaves out (undefined) adds neither. Callers join the conditions with AND.
 */
export function optionalFilters(filters: readonly OptionalFilter[]): { conditions: string[]; params: SqlValue[] } {
  const given = filters.filter(([, value]) => value !== undefined);
  return { conditions: given.map(([sql]) => sql), params: given.map(([, value]) => value as SqlValue) };
}

import { CallError, validationError } from '../../../shared/contract/errors';
import { camelOf, fieldOf, typedValueRule } from '../../../shared/domain/replicated-table';
import { specOf, type ReplicatedTable, type SqlValue } from '../replication/tables';

/**
 * Validates a value a person typed for one field (when resolving a conflict, say) and returns it
 * as stored: normalised phone and IIN, lists as sorted JSON. The rule is the table's declared
 * one (the forms' own schema), so a value typed anywhere meets the same rules; bookkeeping
 * tables declare none and take no typed values.
 */
export function typedFieldValue(table: ReplicatedTable, column: string, value: unknown): SqlValue {
  const spec = specOf(table);
  const rule = typedValueRule(spec, column);
  if (!rule || !spec.values) throw new CallError({ code: 'validation', key: 'error.invalid' }, `${table}.${column} takes no typed value`);
  const field = camelOf(column);
  const parsed = spec.values.safeParse({ [field]: value === '' ? null : value });
  if (!parsed.success) throw validationError(parsed.error);
  const stored = (parsed.data as Record<string, unknown>)[field];
  if (stored === undefined) return null;
  return fieldOf(spec, column)?.kind === 'list' ? JSON.stringify([...new Set(stored as string[])].sort()) : (stored as SqlValue);
}

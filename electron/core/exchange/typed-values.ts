import { z } from 'zod';
import { CallError, validationError } from '../../../shared/contract/errors';
import { organisationInput } from '../../../shared/contract/organisations';
import { isoDate, text } from '../../../shared/domain/text';
import { volunteerPatch } from '../../../shared/domain/volunteer';
import { toField, toRow } from '../volunteers/columns';
import type { ReplicatedTable, SqlValue } from '../replication/tables';

/** The same schemas the forms use, per table, so a value typed anywhere meets the same rules. */
const FIELD_SCHEMAS: Partial<Record<ReplicatedTable, z.ZodObject>> = {
  volunteers: volunteerPatch,
  organisations: organisationInput.partial(),
  memberships: z.strictObject({ role: text(100).nullable(), since: isoDate.nullable() }).partial(),
};

/**
 * Validates a value a person typed for one field (when resolving a conflict, say) and returns it
 * as stored: normalised phone and IIN, arrays as sorted JSON. Bookkeeping tables take no typed values.
 */
export function typedFieldValue(table: ReplicatedTable, column: string, value: unknown): SqlValue {
  const schema = FIELD_SCHEMAS[table];
  const field = toField(column);
  if (!schema || !(field in schema.shape)) throw new CallError({ code: 'validation', key: 'error.invalid' }, `${table}.${column} takes no typed value`);
  const parsed = schema.safeParse({ [field]: value === '' ? null : value });
  if (!parsed.success) throw validationError(parsed.error);
  const row = toRow(parsed.data as Record<string, unknown>);
  return row[column] ?? null;
}

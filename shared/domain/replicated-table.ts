import type { z } from 'zod';

/**
 * One replicated table, declared once in its own domain and read by everything generic: the
 * write path and bundles (its fields), merging (references, pair ids, mergeable), conflict
 * review (value checks, labels, erasure) and the screens that show any table's records.
 * The registry (tables.ts) lists every declaration, one line each.
 */

/** What a field holds, as far as generic code needs to know: how to show, check and empty it. */
export type FieldKind =
  | 'text'
  | 'name'
  | 'email'
  | 'date'
  | 'phone'
  | 'iin'
  | 'bin'
  /** A number (hours, a capacity, a score). */
  | 'number'
  /** An office or region code (regions.ts). */
  | 'region'
  /** One code of a closed list (`vocab`). */
  | 'enum'
  /** A set of codes of a closed list, stored as a sorted JSON array. */
  | 'list'
  /** The id of a record of another replicated table (`ref`); merging re-points it. */
  | 'ref'
  /** The id of a record of the table named in the row's `table` field (merges, distinct pairs). */
  | 'record'
  /** The name of a replicated table. */
  | 'table'
  /** Bookkeeping JSON nobody types. */
  | 'json'
  /** A file's bytes as base64 (attachments): up to ATTACHMENT_MAX_BASE64 characters, never typed or shown. */
  | 'content'
  /** The tombstone flag every replicated table has. */
  | 'flag';

export interface FieldSpec {
  kind: FieldKind;
  /** Translation key of the field's label on the Conflicts, History and merge screens. */
  label: string;
  /** enum and list fields: the vocabulary group naming the codes (`vocab.<group>.<code>`), if they are translated. */
  vocab?: string;
  /** enum and list fields: the closed list of codes. */
  codes?: readonly string[];
  /** ref fields: the replicated table whose record the value names. */
  ref?: string;
}

export type SqlValue = string | number | null;

export interface ReplicatedTableSpec<F extends string = string> {
  /** Translation key naming this kind of record. */
  label: string;
  /** Replicated fields (SQL column names) in bundle order, the tombstone flag `deleted` last. */
  fields: Readonly<Record<F, FieldSpec>>;
  /** Fields whose values, joined, name a record to a person; none: records have no name. */
  labelFields?: readonly F[];
  /**
   * A record without a name of its own is named by the records these references name, joined
   * with ' — ' (a membership: "person — organisation").
   */
  labelRefs?: readonly F[];
  /** Translation key for a record that has no name left (an erased person); else the table's label is shown. */
  unnamed?: string;
  /** Records are named on their own, without their kind beside them (people). */
  namedAlone?: boolean;
  /**
   * The id is derived from these references (`${a}:${b}`), so the same pair added at two
   * offices is one record; re-pointing such a row makes (or revives) the new pair.
   */
  pairId?: readonly F[];
  /** Records can be merged as "the same thing registered twice". */
  mergeable?: boolean;
  /**
   * A ledger: records are added, not edited (a correction is a new record), and come by the
   * hundred thousand. A bundle's record new here is inserted whole with one clock row and no
   * per-field work (merge.ts). The few in-place changes such a record may still see (a
   * verification, a merge re-pointing it) go through the ordinary per-field path.
   */
  appendOnly?: boolean;
  /**
   * The rules a typed value meets when a conflict is resolved by typing one: the forms' own
   * schema, keyed by camelCase field name. Null: this table's conflicts are settled by choosing a side.
   */
  values: z.ZodObject | null;
  /** Values no other live record may hold, each with the error key that says so. */
  unique?: Partial<Record<F, string>>;
  /**
   * Deleting a record erases it: every replicated field is blanked (lists to [], the rest to
   * null) except these, which take the given value. Absent: deleting only sets the flag.
   */
  erasure?: Partial<Record<F, SqlValue>>;
  /** Error key when a call names a record that is not there. */
  notFound?: string;
  /**
   * Each value that replaces another is kept, field by field, in the office-local record_history
   * (replication/history.ts); the profile shows it. Must match HISTORY_TABLES of the contract.
   */
  history?: boolean;
  /** The renderer's route that shows one record (it takes the id). */
  screen?: string;
}

type FieldInput = Omit<FieldSpec, 'label'> & { label?: string };

/** snake_case SQL column → the camelCase name forms, contracts and translations use. */
export const camelOf = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** camelCase field name → its SQL column. */
export const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A table declaration: field labels default to `<labels>.<camelCase field>` (the forms' own
 * labels), and the tombstone flag is added last.
 */
export function defineTable<const F extends string>(
  spec: Omit<ReplicatedTableSpec<NoInfer<F>>, 'fields'> & { labels: string; fields: Record<F, FieldInput> },
): ReplicatedTableSpec<F | 'deleted'> {
  const { labels, fields, ...rest } = spec;
  const out = {} as Record<F | 'deleted', FieldSpec>;
  for (const [column, field] of Object.entries(fields) as [F, FieldInput][]) out[column] = { ...field, label: field.label ?? `${labels}.${camelOf(column)}` };
  out.deleted = { kind: 'flag', label: 'exchange.conflicts.deletedField' };
  return { ...rest, fields: out } as ReplicatedTableSpec<F | 'deleted'>;
}

/** A field's spec, or undefined for a field the table does not replicate. */
export function fieldOf(spec: ReplicatedTableSpec, field: string): FieldSpec | undefined {
  return Object.prototype.hasOwnProperty.call(spec.fields, field) ? spec.fields[field] : undefined;
}

/** The fields of the given kinds, by their camelCase names (as forms, contracts and spreadsheets name them). */
export function fieldsOfKind(spec: ReplicatedTableSpec, ...kinds: FieldKind[]): ReadonlySet<string> {
  return new Set(Object.entries(spec.fields).filter(([, f]) => kinds.includes(f.kind)).map(([column]) => camelOf(column)));
}

/** A record's name from its values, or null when it has none (an erased person). */
export function recordLabel(spec: ReplicatedTableSpec, values: Partial<Record<string, SqlValue>>): string | null {
  if (!spec.labelFields) return null;
  const text = spec.labelFields.map((f) => values[f]).filter((v) => typeof v === 'string' && v !== '').join(' ').trim();
  return text || null;
}

/** The value an empty field holds (lists are stored as JSON arrays). */
export function emptyValue(spec: ReplicatedTableSpec, field: string): SqlValue {
  return fieldOf(spec, field)?.kind === 'list' ? '[]' : null;
}

/** A field as erasure leaves it. */
export function erasedValue(spec: ReplicatedTableSpec, field: string): SqlValue {
  const erasure = spec.erasure as Record<string, SqlValue> | undefined;
  return erasure && Object.prototype.hasOwnProperty.call(erasure, field) ? erasure[field]! : emptyValue(spec, field);
}

/** The form's rule for one field's typed value, or null when the field takes none (settled by choosing a side). */
export function typedValueRule(spec: ReplicatedTableSpec, field: string): z.ZodType | null {
  if (!spec.values || !fieldOf(spec, field)) return null;
  const shape = spec.values.shape as Record<string, z.ZodType>;
  return Object.prototype.hasOwnProperty.call(shape, camelOf(field)) ? shape[camelOf(field)]! : null;
}

/** Kinds a coordinator types into a box when resolving a conflict (closed lists are picked by choosing a side). */
const TYPED_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'name', 'email', 'date', 'phone', 'iin', 'bin']);

/** Whether the conflict screen offers a box to type this field's value. */
export function offersTypedValue(spec: ReplicatedTableSpec, field: string): boolean {
  const kind = fieldOf(spec, field)?.kind;
  return kind !== undefined && TYPED_KINDS.has(kind) && typedValueRule(spec, field) !== null;
}

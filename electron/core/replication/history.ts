import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import type { FieldEntry } from './entries';
import { specOf, type ReplicatedTable, type SqlValue } from './tables';

/**
 * Only tables that declare `history` keep one (volunteers, organisations: the profile and the
 * organisation card show it). Ledgers and bookkeeping (hours, assignments, merges) do not: they
 * change by the hundred thousand and their own screens already show who did what.
 */
export const keepsHistory = (table: ReplicatedTable): boolean => specOf(table).history === true;

/** A table whose deletion is an erasure (a person): a deleted record of it keeps no history. */
export const erasedWhenDeleted = (table: ReplicatedTable): boolean => specOf(table).erasure !== undefined;

/** One value that replaced another: the field, both values, and the clock entries of both. */
export interface FieldChange {
  field: string;
  from: SqlValue;
  to: SqlValue;
  before: Pick<FieldEntry, 's' | 'a'>;
  after: Pick<FieldEntry, 's' | 'a'>;
}

/**
 * Adds the changes of one record to its history, inside the caller's transaction (the write or
 * the merge that made them). `bundleId`: the bundle that brought them, null for an edit made here.
 * A record of a table whose deletion erases (a person) keeps nothing once deleted.
 */
export function recordChanges(db: Db, table: ReplicatedTable, id: string, changes: readonly FieldChange[], bundleId: string | null, deletedAfter: boolean): void {
  if (!keepsHistory(table) || changes.length === 0) return;
  if (deletedAfter && erasedWhenDeleted(table)) {
    forgetHistory(db, table, [id]);
    return;
  }
  const insert = prepared(
    db,
    'INSERT INTO record_history (tbl, row_id, field, old_value, new_value, old_stamp, old_actor, stamp, actor, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of changes) insert.run(table, id, c.field, c.from, c.to, c.before.s, c.before.a, c.after.s, c.after.a, bundleId);
}

/** Removes the history of records (an erased person and the records merged into them). */
export function forgetHistory(db: Db, table: ReplicatedTable, ids: readonly string[]): void {
  const remove = prepared(db, 'DELETE FROM record_history WHERE tbl = ? AND row_id = ?');
  for (const id of ids) remove.run(table, id);
}

export interface HistoryRow {
  field: string;
  old_value: SqlValue;
  new_value: SqlValue;
  old_stamp: string;
  old_actor: string;
  stamp: string;
  actor: string;
  bundle_id: string | null;
}



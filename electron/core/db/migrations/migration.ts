import type Database from 'better-sqlite3';

/**
 * What a migration file declares. Kept apart from the list in index.ts, which imports every
 * migration: a migration importing its own type from the list would be an import cycle.
 */
export interface Migration {
  name: string;
  up(db: Database.Database): void;
  /**
   * Rewrite the whole file once after this migration (VACUUM), for one that must leave no old
   * bytes behind in free pages (they are not zeroed unless secure_delete was on when freed).
   */
  vacuumAfter?: boolean;
}

/**
 * `CREATE TABLE` for a replicated table: its own columns (SQL column definitions) between the
 * columns every replicated table has, as 0001 and 0002 wrote them by hand: a `seq` primary key
 * that never changes (the search index and VACUUM rely on it), the global text `id`, the tombstone
 * flag and who created and last updated the row. The replication clock needs nothing per table
 * (`row_clock` is keyed by table name and row id). No foreign keys, on purpose: a bundle may
 * bring a row before the row it names.
 *
 * For new migrations only: the released ones keep their SQL as written, so a database of any
 * earlier version upgrades exactly as it did.
 */
export function createReplicatedTable(name: string, columns: string[]): string {
  const all = [
    'seq INTEGER PRIMARY KEY',
    'id TEXT NOT NULL UNIQUE',
    ...columns,
    'deleted INTEGER NOT NULL DEFAULT 0',
    'created_at TEXT NOT NULL',
    'created_by TEXT NOT NULL',
    'updated_at TEXT NOT NULL',
    'updated_by TEXT NOT NULL',
  ];
  return `CREATE TABLE ${name} (\n  ${all.join(',\n  ')}\n);`;
}

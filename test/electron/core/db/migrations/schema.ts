import type Database from 'better-sqlite3';
import path from 'node:path';
import { databaseAtVersion, versionBefore } from '../../../../helpers/old-database';
import { tempDir } from '../../../../helpers/temp-db';

/** What the migration tests look at: the schema as SQLite reports it. */

export const tableNames = (db: Database.Database): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];

export const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_xinfo(?) ORDER BY cid`).pluck().all(table) as string[]);

export const indexesOf = (db: Database.Database, table: string): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").pluck().all(table) as string[];

export const triggersOf = (db: Database.Database, table: string): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY name").pluck().all(table) as string[];

/** A database file at the version just before the named migration, open (the caller closes it). */
export const databaseBefore = (name: string): Database.Database =>
  databaseAtVersion(path.join(tempDir(), `before-${name}.sqlite`), versionBefore(name));

const STAMP = '2025-01-01T00:00:00.000Z';

/** A volunteer row as the first schema takes it (the columns every version has). */
export function insertVolunteer(db: Database.Database, v: { seq?: number; id: string; lastName: string; firstName: string; iin?: string | null; phone?: string | null; deleted?: 0 | 1 }): void {
  db.prepare(
    `INSERT INTO volunteers (seq, id, last_name, first_name, iin, phone, deleted, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'a@KZ-75', ?, 'a@KZ-75')`,
  ).run(v.seq ?? null, v.id, v.lastName, v.firstName, v.iin ?? null, v.phone ?? null, v.deleted ?? 0, STAMP, STAMP);
}

/** Row ids the search index finds for a query, as volunteers.search matches (FTS5 MATCH). */
export const searchHits = (db: Database.Database, match: string): number[] =>
  db.prepare('SELECT rowid FROM volunteer_search WHERE volunteer_search MATCH ? ORDER BY rowid').pluck().all(match) as number[];

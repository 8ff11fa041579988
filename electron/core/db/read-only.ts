import type Database from 'better-sqlite3';

/**
 * What a read-only call may do with a statement: read rows. There is no run(), and no way back to
 * the writable connection (better-sqlite3's `database`), so a read path that tries to write does
 * not compile. Only SQL text itself is beyond the types' reach (INSERT … RETURNING through get()).
 */
export interface ReadStatement<BindParameters extends unknown[] = unknown[], Result = unknown> {
  readonly source: string;
  readonly reader: boolean;
  readonly readonly: boolean;
  get(...params: BindParameters): Result | undefined;
  all(...params: BindParameters): Result[];
  iterate(...params: BindParameters): IterableIterator<Result>;
  pluck(toggleState?: boolean): ReadStatement<BindParameters, Result>;
  expand(toggleState?: boolean): ReadStatement<BindParameters, Result>;
  raw(toggleState?: boolean): ReadStatement<BindParameters, Result>;
  columns(): Database.ColumnDefinition[];
}

/**
 * The database as read-only calls (the contract's `writes: false`) see it: statements that read,
 * nothing that writes (no run, no exec, no transaction, no pragma). The writable connection is
 * one of these, so every read helper takes a ReadDb and serves both kinds of call.
 */
export interface ReadDb {
  readonly name: string;
  readonly readonly: boolean;
  readonly inTransaction: boolean;
  prepare(source: string): ReadStatement;
}

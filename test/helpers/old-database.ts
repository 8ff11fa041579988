import Database from 'better-sqlite3';
import { registerSqlFunctions } from '../../electron/core/db/functions';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { unlockTestKeys } from './core-options';

/**
 * A database as an earlier Erikti left it: the first `version` migrations applied, nothing after.
 * Open (the caller closes it), so a test can put data in before the current version upgrades it;
 * an office created in it has its keys sealed under the test passphrase.
 */
export function databaseAtVersion(file: string, version: number, options: { wal?: boolean } = {}): Database.Database {
  const raw = new Database(file);
  if (options.wal) raw.pragma('journal_mode = WAL');
  registerSqlFunctions(raw);
  MIGRATIONS.slice(0, version).forEach((migration, index) => {
    migration.up(raw);
    raw.pragma(`user_version = ${index + 1}`);
  });
  return unlockTestKeys(raw);
}

/** The schema version just before the named migration (what a database had before it ran). */
export const versionBefore = (name: string): number => MIGRATIONS.findIndex((m) => m.name === name);

/**
 * Applies the named migration alone to a database at the version just before it (as migrate()
 * would, in one transaction), so a test sees that migration's effect and no later one's.
 */
export function applyMigration(db: Database.Database, name: string): void {
  const version = versionBefore(name);
  if (version < 0) throw new Error(`No migration named ${name}`);
  const current = db.pragma('user_version', { simple: true });
  if (current !== version) throw new Error(`${name} runs on version ${version}, not ${String(current)}`);
  db.transaction(() => {
    MIGRATIONS[version]!.up(db);
    db.pragma(`user_version = ${version + 1}`);
  })();
}

import type Database from 'better-sqlite3';
import { CallError } from '../../../shared/contract/errors';
import { MIGRATIONS } from './migrations';

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the numbered migrations the database has not seen, each in its own transaction.
 * A database written by a newer Erikti is refused rather than misread.
 */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new CallError(
      { code: 'unavailable', key: 'error.dbNewer', params: { found: current, supported: SCHEMA_VERSION } },
      `This database was written by a newer Erikti (schema ${current}; this version knows ${SCHEMA_VERSION}).`,
    );
  }
  MIGRATIONS.forEach((migration, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version}`);
    })();
  });
}

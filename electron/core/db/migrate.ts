import type Database from 'better-sqlite3';
import { CallError } from '../../../shared/contract/errors';
import { MIGRATIONS } from './migrations';
import { writeTransaction } from './transaction';

export const SCHEMA_VERSION = MIGRATIONS.length;

const schemaVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

function refuseNewer(current: number): void {
  if (current > SCHEMA_VERSION) {
    throw new CallError(
      { code: 'unavailable', key: 'error.dbNewer', params: { found: current, supported: SCHEMA_VERSION } },
      `This database was written by a newer Erikti (schema ${current}; this version knows ${SCHEMA_VERSION}).`,
    );
  }
}

/**
 * Applies the numbered migrations the database has not seen, each in its own transaction.
 * A database written by a newer Erikti is refused rather than misread.
 * Each step takes the write lock first and reads the version under it: two processes opening an
 * old database at once apply each migration once (the second finds it done), never twice.
 */
export function migrate(db: Database.Database): void {
  refuseNewer(schemaVersion(db));
  if (schemaVersion(db) === SCHEMA_VERSION) return;
  let vacuum = false;
  MIGRATIONS.forEach((migration, index) => {
    const version = index + 1;
    writeTransaction(db, () => {
      const current = schemaVersion(db);
      refuseNewer(current);
      if (version <= current) return;
      migration.up(db);
      db.pragma(`user_version = ${version}`);
      vacuum ||= migration.vacuumAfter === true;
    });
  });
  if (vacuum) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

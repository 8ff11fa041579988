import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../shared/contract/errors';
import { openDatabase } from '../../../../electron/core/db/connection';
import { registerSqlFunctions } from '../../../../electron/core/db/functions';
import { SCHEMA_VERSION } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations';
import { tempDir } from '../../../helpers/temp-db';

describe('migrations', () => {
  it('bring an empty database to the current schema with WAL, full sync and foreign keys', () => {
    const db = openDatabase(path.join(tempDir(), 'new.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('bring a database of every earlier version up to date', () => {
    for (let from = 0; from < MIGRATIONS.length; from++) {
      const file = path.join(tempDir(), `v${from}.sqlite`);
      const raw = new Database(file);
      registerSqlFunctions(raw);
      MIGRATIONS.slice(0, from).forEach((m, i) => {
        m.up(raw);
        raw.pragma(`user_version = ${i + 1}`);
      });
      raw.close();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
    }
  });

  it('exchange-reports: import history written before keeps its rows, with no report', () => {
    const file = path.join(tempDir(), 'reports.sqlite');
    const raw = new Database(file);
    registerSqlFunctions(raw);
    const at = MIGRATIONS.findIndex((m) => m.name === 'exchange-reports');
    MIGRATIONS.slice(0, at).forEach((m, i) => {
      m.up(raw);
      raw.pragma(`user_version = ${i + 1}`);
    });
    raw.prepare(
      `INSERT INTO exchange_history (direction, bundle_id, peer_office, full, since_seq, up_to_seq, rows, bytes, sha256, summary, at, actor)
       VALUES ('import', 'b1', 'KZ', 0, 0, 5, 5, 100, 'x', '{}', '2025-01-01T00:00:00Z', 'a@KZ-75')`,
    ).run();
    raw.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT bundle_id, report FROM exchange_history').all()).toEqual([{ bundle_id: 'b1', report: null }]);
    db.close();
  });

  it('refuse a database written by a newer Erikti', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(CallError);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as CallError).key).toBe('error.dbNewer');
    }
  });
});

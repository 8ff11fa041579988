import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../shared/contract/errors';
import { openDatabase } from '../../../../electron/core/db/connection';
import { SCHEMA_VERSION } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations';
import { dump } from '../../../../electron/core/dump/dump';
import { createOffice } from '../../../../electron/core/office/identity';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { matchExpression } from '../../../../electron/core/volunteers/search';
import { unlockTestKeys } from '../../../helpers/core-options';
import { databaseAtVersion, versionBefore } from '../../../helpers/old-database';
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
      const raw = databaseAtVersion(file, from);
      raw.close();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
    }
  });

  it('add the local record of IIN lookups with a key of its own to each database, kept out of the dump', () => {
    const file = path.join(tempDir(), 'v2.sqlite');
    const raw = databaseAtVersion(file, 2);
    raw.close();
    const db = openDatabase(file);
    const other = openDatabase(path.join(tempDir(), 'other.sqlite'));
    const key = (d: typeof db) => (d.prepare("SELECT value FROM local_secrets WHERE name = 'iin-lookup-key'").get() as { value: Buffer }).value;
    expect(key(db)).toHaveLength(32);
    expect(key(db).equals(key(other))).toBe(false);
    db.prepare("INSERT INTO iin_lookups (user_id, login, at, call, hit, iin_hash) VALUES ('u', 'clerk', '2025-01-01T00:00:00Z', 'volunteers.checkIin', 1, 'ab')").run();
    expect(() => db.prepare("INSERT INTO iin_lookups (user_id, login, at, call, hit, iin_hash) VALUES ('u', 'clerk', 'x', 'c', 2, 'ab')").run()).toThrow();
    expect(dump(db)).not.toContain('clerk');
    db.close();
    other.close();
  });

  it('exchange-reports: import history written before keeps its rows, with no report', () => {
    const file = path.join(tempDir(), 'reports.sqlite');
    const raw = databaseAtVersion(file, versionBefore('exchange-reports'));
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

describe('the erasable search index (migration 0006)', () => {
  it('indexes the people a database already had, and finds them after the upgrade', () => {
    const file = path.join(tempDir(), 'v2.sqlite');
    const raw = databaseAtVersion(file, 2);
    createOffice(raw, 'KZ-75');
    seedRoster(raw, { volunteers: 300, seed: 3 });
    const someone = raw.prepare('SELECT last_name FROM volunteers ORDER BY seq LIMIT 1 OFFSET 150').pluck().get() as string;
    const expected = raw.prepare('SELECT count(*) FROM volunteers WHERE last_name = ?').pluck().get(someone) as number;
    raw.close();

    const db = openDatabase(file);
    const found = db
      .prepare('SELECT count(*) FROM volunteers WHERE last_name = ? AND seq IN (SELECT rowid FROM volunteer_search WHERE volunteer_search MATCH ?)')
      .pluck()
      .get(someone, matchExpression(someone));
    expect(found).toBe(expected);
    expect(db.prepare('SELECT count(*) FROM volunteer_search').pluck().get()).toBe(300);
    db.close();
  });

  it('re-indexes a person only when a searched column really changes', () => {
    const db = openDatabase(path.join(tempDir(), 'new.sqlite'));
    createOffice(unlockTestKeys(db), 'KZ-75');
    seedRoster(db, { volunteers: 10, seed: 4 });
    const changes = (sql: string) => {
      const before = db.prepare('SELECT total_changes()').pluck().get() as number;
      db.exec(sql);
      return (db.prepare('SELECT total_changes()').pluck().get() as number) - before;
    };
    // The row itself only; a real change also deletes and re-inserts the search keys.
    expect(changes('UPDATE volunteers SET last_name = last_name, phone = phone WHERE seq = 1')).toBe(1);
    expect(changes("UPDATE volunteers SET last_name = 'Жаңаов' WHERE seq = 1")).toBeGreaterThan(1);
    db.close();
  });
});

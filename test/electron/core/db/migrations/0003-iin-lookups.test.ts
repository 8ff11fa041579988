import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/connection';
import { dump } from '../../../../../electron/core/dump/dump';
import { applyMigration, databaseAtVersion } from '../../../../helpers/old-database';
import { tempDir } from '../../../../helpers/temp-db';
import { databaseBefore, insertVolunteer, tableNames } from './schema';

describe('migration 0003 iin-lookups', () => {
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

  it('leaves the people and the exchange state as they were', () => {
    const db = databaseBefore('iin-lookups');
    insertVolunteer(db, { id: 'v1', lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', iin: '900101300001' });
    const before = tableNames(db);
    applyMigration(db, 'iin-lookups');
    expect(tableNames(db)).toEqual([...before, 'iin_lookups', 'local_secrets'].sort());
    expect(db.prepare('SELECT id, iin FROM volunteers').all()).toEqual([{ id: 'v1', iin: '900101300001' }]);
    expect(db.prepare('SELECT count(*) FROM local_secrets').pluck().get()).toBe(1);
    db.close();
  });
});

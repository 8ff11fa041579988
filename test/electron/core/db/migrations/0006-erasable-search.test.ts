import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/connection';
import { MIGRATIONS } from '../../../../../electron/core/db/migrations';
import { createOffice } from '../../../../../electron/core/office/identity';
import { seedRoster } from '../../../../../electron/core/seed/seed';
import { matchExpression } from '../../../../../electron/core/volunteers/search';
import { unlockTestKeys } from '../../../../helpers/core-options';
import { applyMigration, databaseAtVersion } from '../../../../helpers/old-database';
import { tempDir } from '../../../../helpers/temp-db';
import { databaseBefore, insertVolunteer, searchHits, triggersOf } from './schema';

describe('migration 0006 erasable-search', () => {
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

  it('re-indexes the living only, with secure delete on, so an erasure after it takes the keys out of the index', () => {
    const db = databaseBefore('erasable-search');
    insertVolunteer(db, { seq: 1, id: 'v1', lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', phone: '+77011234567' });
    insertVolunteer(db, { seq: 2, id: 'v2', lastName: 'Сәрсенбаева', firstName: 'Әсел' });
    insertVolunteer(db, { seq: 3, id: 'v3', lastName: 'Жұмабекова', firstName: 'Erased', deleted: 1 });
    applyMigration(db, 'erasable-search');

    expect(MIGRATIONS.find((m) => m.name === 'erasable-search')?.vacuumAfter).toBe(true);
    expect(db.prepare('SELECT count(*) FROM volunteer_search').pluck().get()).toBe(2);
    expect(searchHits(db, matchExpression('Жұмабек')!)).toEqual([1]);
    expect(db.prepare("SELECT v FROM volunteer_search_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    expect(triggersOf(db, 'volunteers')).toEqual(['volunteers_search_delete', 'volunteers_search_insert', 'volunteers_search_update']);

    db.prepare('UPDATE volunteers SET deleted = 1 WHERE id = ?').run('v1');
    expect(searchHits(db, matchExpression('Жұмабек')!)).toEqual([]);
    expect(searchHits(db, matchExpression('Сәрсенбаева')!)).toEqual([2]);
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

import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { databaseBefore, indexesOf, insertVolunteer } from './schema';

describe('migration 0020 duplicate keys', () => {
  it('keys every person by name in any spelling, indexed with the birth date and the phone', () => {
    const db = databaseBefore('duplicate-keys');
    insertVolunteer(db, { id: 'v1', lastName: 'Жұмабеков', firstName: 'Нұрсұлтан' });
    insertVolunteer(db, { id: 'v2', lastName: 'Zhumabekov', firstName: 'Nursultan' });
    applyMigration(db, 'duplicate-keys');
    expect(indexesOf(db, 'volunteers')).toEqual(expect.arrayContaining(['volunteers_live_match_birth', 'volunteers_live_match_phone']));
    expect(db.prepare('SELECT DISTINCT match_name FROM volunteers').pluck().all()).toEqual(['jumabekov nursultan']);
    // A person renamed is keyed anew: the column is computed, never stale.
    db.prepare("UPDATE volunteers SET last_name = 'Ахметов' WHERE id = 'v2'").run();
    expect(db.prepare("SELECT match_name FROM volunteers WHERE id = 'v2'").pluck().get()).toBe('ahmetov nursultan');
    db.close();
  });
});

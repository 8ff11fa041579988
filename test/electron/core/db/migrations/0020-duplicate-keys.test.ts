import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { databaseBefore, indexesOf, insertVolunteer } from './schema';

describe('migration 0020 duplicate keys', () => {
  it('indexes every person’s name key (any spelling) with the birth date and the phone', () => {
    const db = databaseBefore('duplicate-keys');
    insertVolunteer(db, { id: 'v1', lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', phone: '+77011234567' });
    insertVolunteer(db, { id: 'v2', lastName: 'Zhumabekov', firstName: 'Nursultan', phone: '+77011234567' });
    db.prepare("UPDATE volunteers SET birth_date = '1990-04-12'").run();
    applyMigration(db, 'duplicate-keys');
    expect(indexesOf(db, 'volunteers')).toEqual(expect.arrayContaining(['volunteers_live_match_birth', 'volunteers_live_match_phone']));
    const twins = (index: string, other: string) => {
      const sql = `SELECT erikti_match_name(last_name, first_name) AS name, ${other}, count(*) AS n FROM volunteers INDEXED BY ${index}
                   WHERE deleted = 0 AND ${other} IS NOT NULL GROUP BY 1, 2`;
      return { rows: db.prepare(sql).all() };
    };
    const byBirth = twins('volunteers_live_match_birth', 'birth_date');
    expect(byBirth.rows).toEqual([{ name: 'jumabekov nursultan', birth_date: '1990-04-12', n: 2 }]);
    expect(twins('volunteers_live_match_phone', 'phone').rows).toEqual([{ name: 'jumabekov nursultan', phone: '+77011234567', n: 2 }]);
    // A person renamed is keyed anew.
    db.prepare("UPDATE volunteers SET last_name = 'Ахметов' WHERE id = 'v2'").run();
    expect(twins('volunteers_live_match_birth', 'birth_date').rows).toHaveLength(2);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

describe('migration 0002 exchange', () => {
  it('keeps the people and their clock, each clock row learned in the order it was changed', () => {
    const db = databaseBefore('exchange');
    insertVolunteer(db, { id: 'v1', lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', iin: '900101300001' });
    insertVolunteer(db, { id: 'v2', lastName: 'Иванова', firstName: 'Мария', phone: '+77011234567' });
    const clock = db.prepare("INSERT INTO row_clock (tbl, row_id, base, fields, actor, seq) VALUES ('volunteers', ?, ?, ?, 'a@KZ-75', ?)");
    clock.run('v1', '0001', '{"phone":"0003"}', 5);
    clock.run('v2', '0002', '{}', 9);
    applyMigration(db, 'exchange');

    expect(db.prepare('SELECT row_id, base, fields, seq, base_seq FROM row_clock ORDER BY row_id').all()).toEqual([
      { row_id: 'v1', base: '0001', fields: '{"phone":"0003"}', seq: 5, base_seq: 5 },
      { row_id: 'v2', base: '0002', fields: '{}', seq: 9, base_seq: 9 },
    ]);
    expect(db.prepare('SELECT id, last_name, iin, phone FROM volunteers ORDER BY id').all()).toEqual([
      { id: 'v1', last_name: 'Жұмабеков', iin: '900101300001', phone: null },
      { id: 'v2', last_name: 'Иванова', iin: null, phone: '+77011234567' },
    ]);
    db.close();
  });

  it('lets an import bring a second record of the same IIN (merged afterwards), and indexes what duplicate search reads', () => {
    const db = databaseBefore('exchange');
    insertVolunteer(db, { id: 'v1', lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', iin: '900101300001' });
    expect(() => insertVolunteer(db, { id: 'other', lastName: 'Жумабеков', firstName: 'Нурсултан', iin: '900101300001' })).toThrow(/UNIQUE/);
    applyMigration(db, 'exchange');
    insertVolunteer(db, { id: 'other', lastName: 'Жумабеков', firstName: 'Нурсултан', iin: '900101300001' });
    expect(db.prepare('SELECT count(*) FROM volunteers WHERE iin = ? AND deleted = 0').pluck().get('900101300001')).toBe(2);
    expect(indexesOf(db, 'volunteers')).toEqual(expect.arrayContaining(['volunteers_iin', 'volunteers_birth_name', 'volunteers_phone']));
    db.close();
  });

  it('adds replicated merges and distinct pairs and the office-local exchange tables', () => {
    const db = databaseBefore('exchange');
    applyMigration(db, 'exchange');
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['merges', 'distinct_pairs', 'conflicts', 'trusted_keys', 'exchange_peers', 'exchange_sent', 'exchange_history']),
    );
    expect(columnsOf(db, 'merges')).toEqual(['seq', 'id', 'tbl', 'loser_id', 'survivor_id', 'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by']);
    expect(indexesOf(db, 'conflicts')).toEqual(['conflicts_open']);
    const conflict = db.prepare(
      `INSERT INTO conflicts (tbl, row_id, field, kind, winner_stamp, winner_actor, loser_stamp, loser_actor, detected_at)
       VALUES ('volunteers', 'v1', 'phone', ?, 's2', 'b', 's1', 'a', 'now')`,
    );
    conflict.run('field');
    expect(() => conflict.run('field')).toThrow(/UNIQUE/);
    expect(() => conflict.run('other')).toThrow(/CHECK/);
    db.close();
  });
});

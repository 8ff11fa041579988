import { describe, expect, it } from 'vitest';
import { matchExpression } from '../../../../../electron/core/volunteers/search';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, searchHits, tableNames, triggersOf } from './schema';

describe('migration 0001 initial', () => {
  it('gives an empty file the office tables, the replication clock and the search index', () => {
    const db = databaseBefore('initial');
    expect(tableNames(db)).toEqual([]);
    applyMigration(db, 'initial');
    expect(tableNames(db)).toEqual(expect.arrayContaining(['meta', 'users', 'volunteers', 'organisations', 'memberships', 'row_clock', 'volunteer_search']));
    expect(columnsOf(db, 'row_clock')).toEqual(['tbl', 'row_id', 'base', 'fields', 'actor', 'seq']);
    expect(columnsOf(db, 'memberships')).toEqual([
      'seq', 'id', 'organisation_id', 'volunteer_id', 'role', 'since', 'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by',
    ]);
    expect(indexesOf(db, 'volunteers')).toEqual(expect.arrayContaining(['volunteers_iin', 'volunteers_live_name', 'volunteers_live_region']));
    expect(triggersOf(db, 'volunteers')).toEqual(['volunteers_search_delete', 'volunteers_search_insert', 'volunteers_search_update']);
    db.close();
  });

  it('sorts people by the Kazakh alphabet, indexes them for search and refuses a second live holder of an IIN', () => {
    const db = databaseBefore('initial');
    applyMigration(db, 'initial');
    insertVolunteer(db, { seq: 1, id: 'v1', lastName: 'Әлиев', firstName: 'Ерлан', iin: '900101300001' });
    insertVolunteer(db, { seq: 2, id: 'v2', lastName: 'Абаев', firstName: 'Нұр' });
    insertVolunteer(db, { seq: 3, id: 'v3', lastName: 'Бекова', firstName: 'Айгүл' });
    // А, Ә, Б: binary order would put Ә after every Russian letter.
    expect(db.prepare('SELECT id FROM volunteers ORDER BY sort_name').pluck().all()).toEqual(['v2', 'v1', 'v3']);
    expect(searchHits(db, matchExpression('Әлиев')!)).toEqual([1]);

    expect(() => insertVolunteer(db, { id: 'v4', lastName: 'Other', firstName: 'Person', iin: '900101300001' })).toThrow(/UNIQUE/);
    insertVolunteer(db, { id: 'v5', lastName: 'Erased', firstName: 'Person', iin: '900101300001', deleted: 1 });
    expect(db.prepare('SELECT count(*) FROM volunteers WHERE iin = ?').pluck().get('900101300001')).toBe(2);
    db.close();
  });
});

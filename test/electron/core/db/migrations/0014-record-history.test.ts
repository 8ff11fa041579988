import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, insertVolunteer, tableNames } from './schema';

describe('migration 0014 record-history', () => {
  it('adds the office-local history of records, empty (earlier values come from the clock); people stay as they were', () => {
    const db = databaseBefore('record-history');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    expect(tableNames(db)).not.toContain('record_history');
    applyMigration(db, 'record-history');
    expect(columnsOf(db, 'record_history')).toEqual(['id', 'tbl', 'row_id', 'field', 'old_value', 'new_value', 'old_stamp', 'old_actor', 'stamp', 'actor', 'bundle_id']);
    expect(db.prepare('SELECT count(*) FROM record_history').pluck().get()).toBe(0);
    expect(db.prepare('SELECT last_name FROM volunteers').pluck().all()).toEqual(['Ахметова']);
    db.close();
  });
});

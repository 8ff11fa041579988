import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

describe('migration 0013 attachments', () => {
  it('adds the attachments table, empty, and a deactivation reason every existing person has none of', () => {
    const db = databaseBefore('attachments');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    expect(tableNames(db)).not.toContain('attachments');
    applyMigration(db, 'attachments');
    expect(columnsOf(db, 'attachments')).toEqual([
      'seq', 'id', 'volunteer_id', 'kind', 'file_name', 'mime', 'size', 'sha256', 'content',
      'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by',
    ]);
    expect(indexesOf(db, 'attachments')).toContain('attachments_volunteer');
    expect(db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    expect(columnsOf(db, 'volunteers')).toEqual(expect.arrayContaining(['deactivation_reason', 'deactivation_note']));
    expect(db.prepare('SELECT last_name, deactivation_reason, deactivation_note FROM volunteers').all()).toEqual([
      { last_name: 'Ахметова', deactivation_reason: null, deactivation_note: null },
    ]);
    db.close();
  });
});

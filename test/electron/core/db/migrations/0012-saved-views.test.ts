import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, insertVolunteer, tableNames } from './schema';

describe('migration 0012 saved-views', () => {
  it('adds the office-local saved views, empty; people stay as they were', () => {
    const db = databaseBefore('saved-views');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    expect(tableNames(db)).not.toContain('saved_views');
    applyMigration(db, 'saved-views');
    expect(columnsOf(db, 'saved_views')).toEqual(['id', 'user_id', 'name', 'view', 'updated_at']);
    expect(db.prepare('SELECT count(*) FROM saved_views').pluck().get()).toBe(0);
    expect(db.prepare('SELECT last_name FROM volunteers').pluck().all()).toEqual(['Ахметова']);
    db.close();
  });
});

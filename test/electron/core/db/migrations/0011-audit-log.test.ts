import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

describe('migration 0011 audit-log', () => {
  it('adds the office-local audit trail, empty; people stay as they were', () => {
    const db = databaseBefore('audit-log');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    expect(tableNames(db)).not.toContain('audit_log');
    applyMigration(db, 'audit-log');
    expect(columnsOf(db, 'audit_log')).toEqual(['id', 'at', 'actor', 'action', 'subject', 'detail']);
    expect(indexesOf(db, 'audit_log')).toEqual(expect.arrayContaining(['audit_log_at', 'audit_log_action']));
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    expect(db.prepare('SELECT last_name FROM volunteers').pluck().all()).toEqual(['Ахметова']);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

describe('migration 0019 sign-in-attempts', () => {
  it('adds the office-local count of failed sign-ins, empty; people stay as they were', () => {
    const db = databaseBefore('sign-in-attempts');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    expect(tableNames(db)).not.toContain('sign_in_attempts');
    applyMigration(db, 'sign-in-attempts');
    expect(columnsOf(db, 'sign_in_attempts')).toEqual(['login', 'failures', 'blocked_until', 'refusal_logged_for', 'last_at']);
    expect(indexesOf(db, 'sign_in_attempts')).toContain('sign_in_attempts_last_at');
    expect(db.prepare('SELECT count(*) FROM sign_in_attempts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT last_name FROM volunteers').pluck().all()).toEqual(['Ахметова']);
    db.close();
  });
});

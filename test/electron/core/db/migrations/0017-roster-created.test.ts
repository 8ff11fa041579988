import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { databaseBefore, indexesOf, insertVolunteer } from './schema';

describe('migration 0017 roster-created', () => {
  it('indexes live people by creation time, so "registered since" reads the index; the people stay as they were', () => {
    const db = databaseBefore('roster-created');
    insertVolunteer(db, { id: 'v1', lastName: 'Әлиева', firstName: 'Дана' });
    applyMigration(db, 'roster-created');
    expect(indexesOf(db, 'volunteers')).toContain('volunteers_live_created');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM volunteers v WHERE v.deleted = 0 AND v.created_at >= '2024-12-31T19:00:00.000Z'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/volunteers_live_created/);
    expect(db.prepare('SELECT id FROM volunteers').pluck().all()).toEqual(['v1']);
    db.close();
  });
});

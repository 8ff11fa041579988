import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { databaseBefore, indexesOf } from './schema';

describe('migration 0015 reports', () => {
  it('adds the covering indexes reports read hours by date through; the entries stay as they were', () => {
    const db = databaseBefore('reports');
    db.prepare(`INSERT INTO hour_entries (id, source_id, volunteer_id, event_id, entry_date, hours, created_at, created_by, updated_at, updated_by)
                VALUES ('h1', 's1', 'v1', NULL, '2026-01-31', 6, 't', 'a', 't', 'a')`).run();
    applyMigration(db, 'reports');
    expect(indexesOf(db, 'hour_entries')).toEqual(expect.arrayContaining(['hour_entries_event_day', 'hour_entries_manual_day', 'hour_entries_waiting']));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT entry_date, sum(hours) FROM hour_entries WHERE deleted = 0 AND event_id IS NULL AND entry_date >= '2026-01-01' GROUP BY 1").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX hour_entries_manual_day/);
    expect(db.prepare('SELECT hours FROM hour_entries').pluck().all()).toEqual([6]);
    db.close();
  });
});

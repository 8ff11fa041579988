import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { databaseBefore, indexesOf } from './schema';

describe('migration 0018 dashboard indexes', () => {
  it('adds the covering indexes the dashboard counts people by status, by creation and expiring qualifications through', () => {
    const db = databaseBefore('dashboard-indexes');
    applyMigration(db, 'dashboard-indexes');
    expect(indexesOf(db, 'volunteers')).toEqual(expect.arrayContaining(['volunteers_live_status_region', 'volunteers_live_created']));
    expect(indexesOf(db, 'qualifications')).toContain('qualifications_live_until');
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan("SELECT region, count(*) FROM volunteers INDEXED BY volunteers_live_status_region WHERE deleted = 0 AND status = 'active' GROUP BY 1")).toMatch(/COVERING INDEX volunteers_live_status_region/);
    expect(plan("SELECT region, count(*) FROM volunteers INDEXED BY volunteers_live_created WHERE deleted = 0 AND created_at >= '2026-01-01' GROUP BY 1")).toMatch(/COVERING INDEX volunteers_live_created/);
    db.close();
  });
});

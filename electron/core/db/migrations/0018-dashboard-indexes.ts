import type { Migration } from './migration';

/**
 * Indexes for the dashboard's counts at national scale (200k people): active people per region
 * and people new this month read from covering indexes instead of every row, and qualifications
 * expiring soon found by their end date instead of through every person.
 */
export const dashboardIndexes: Migration = {
  name: 'dashboard-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX volunteers_live_status_region ON volunteers (status, region) WHERE deleted = 0;
      CREATE INDEX volunteers_live_created ON volunteers (created_at, region) WHERE deleted = 0;
      CREATE INDEX qualifications_live_until ON qualifications (valid_until, valid_from, kind_id, volunteer_id) WHERE deleted = 0;
    `);
  },
};

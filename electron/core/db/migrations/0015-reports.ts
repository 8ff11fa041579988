import type { Migration } from './migration';

/**
 * Indexes for reports over a period (hours by month and region, the dashboard's hours of this
 * month and year, what waits for verification). Each is covering, so a year of two million
 * entries is read from the index in date order instead of row by row from the table; entries
 * of an event and hours typed by hand have one each (the region of the first is the event's, of
 * the second the person's), so an entry goes into one of them only.
 */
export const reports: Migration = {
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE INDEX hour_entries_event_day ON hour_entries (entry_date, event_id, category, verified_at, hours) WHERE deleted = 0 AND event_id IS NOT NULL;
      CREATE INDEX hour_entries_manual_day ON hour_entries (entry_date, volunteer_id, category, verified_at, hours, event_id) WHERE deleted = 0 AND event_id IS NULL;
      CREATE INDEX hour_entries_waiting ON hour_entries (event_id, volunteer_id, hours) WHERE deleted = 0 AND verified_at IS NULL;
    `);
  },
};

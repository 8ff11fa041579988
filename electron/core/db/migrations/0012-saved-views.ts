import type { Migration } from './migration';

/**
 * Saved views of the roster (columns, filters, order under a name), one list per user.
 * Office-local, never replicated: they are a user's working habits at this office, and users
 * are this office's own. `view` is JSON the contract validates on the way in and out.
 */
export const savedViews: Migration = {
  name: 'saved-views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        view TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (user_id, name)
      );
    `);
  },
};

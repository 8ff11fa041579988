import type { Migration } from './migration';

/**
 * The history of a record, field by field: each value that replaced another here, whether typed
 * at this office or brought by a bundle, with the value before and after, the stamp and author of
 * each. Office-local and never exchanged: the replication clock (row_clock) keeps only who wrote
 * the current values, so the values they replaced can be kept nowhere else. Rows are only added,
 * and removed when the person they are about is erased. No untyped-column affinity is declared
 * for the values, so a number stays a number and a text a text.
 */
export const recordHistory: Migration = {
  name: 'record-history',
  up(db) {
    db.exec(`
      CREATE TABLE record_history (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value,
        new_value,
        old_stamp TEXT NOT NULL,
        old_actor TEXT NOT NULL,
        stamp TEXT NOT NULL,
        actor TEXT NOT NULL,
        bundle_id TEXT
      );
      CREATE INDEX record_history_row ON record_history (tbl, row_id);
    `);
  },
};

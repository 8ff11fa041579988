import type { Migration } from './migration';

/**
 * Monthly sums of the hours ledger, so that a year of two million entries is read as a few
 * thousand monthly rows (reports/hour-months.ts). Office-local and derived, never replicated:
 * `hour_month_totals` holds each month's counted hours, verified hours, entries and entries waiting
 * for verification per event and category, and for hours typed by hand per region (their person's)
 * and category; `hour_months_stale` names the months whose sums may be out of date. Triggers mark
 * a month stale on every write of an entry in it, whatever writes it (a user, the merge, a seed),
 * the months of the entries a correction competes with (which of them counts changes), and the
 * months of a person's hours typed by hand when their region changes. A stale month is read from the ledger itself, so the sums are
 * never wrong, only slower until the runtime refreshes them; this migration marks every month.
 */
const MONTH = (row: 'NEW' | 'OLD') => `
    INSERT OR IGNORE INTO hour_months_stale SELECT substr(${row}.entry_date, 1, 7) WHERE ${row}.entry_date IS NOT NULL;`;
/** The months of the entries a correction competes with: the one it corrects and its other corrections. */
const COMPETING = (row: 'NEW' | 'OLD') => `
    INSERT OR IGNORE INTO hour_months_stale SELECT substr(e.entry_date, 1, 7) FROM hour_entries e
      WHERE (e.id = ${row}.corrects_id OR e.corrects_id = ${row}.corrects_id) AND e.entry_date IS NOT NULL;`;

/** A person's hours typed by hand count in their region: when it changes (or they arrive after their hours), their months. */
const PERSON = (row: 'NEW') => `
    INSERT OR IGNORE INTO hour_months_stale SELECT DISTINCT substr(h.entry_date, 1, 7) FROM hour_entries h
      WHERE h.volunteer_id = ${row}.id AND h.deleted = 0 AND h.event_id IS NULL AND h.entry_date IS NOT NULL;`;

export const hourMonthTotals: Migration = {
  name: 'hour-month-totals',
  up(db) {
    db.exec(`
      CREATE TABLE hour_month_totals (
        month TEXT NOT NULL,
        event_id TEXT,
        region TEXT,
        category TEXT,
        hours REAL NOT NULL,
        verified REAL NOT NULL,
        entries INTEGER NOT NULL,
        waiting INTEGER NOT NULL
      );
      CREATE INDEX hour_month_totals_month ON hour_month_totals (month);
      CREATE TABLE hour_months_stale (month TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TRIGGER hour_entries_mark_insert AFTER INSERT ON hour_entries BEGIN ${MONTH('NEW')} END;
      CREATE TRIGGER hour_entries_mark_update AFTER UPDATE ON hour_entries BEGIN ${MONTH('OLD')} ${MONTH('NEW')} END;
      CREATE TRIGGER hour_entries_mark_delete AFTER DELETE ON hour_entries BEGIN ${MONTH('OLD')} END;
      -- Corrections are few: only they look for the entries they compete with.
      CREATE TRIGGER hour_entries_mark_correction_insert AFTER INSERT ON hour_entries WHEN NEW.corrects_id IS NOT NULL BEGIN ${COMPETING('NEW')} END;
      CREATE TRIGGER hour_entries_mark_correction_update AFTER UPDATE ON hour_entries WHEN OLD.corrects_id IS NOT NULL OR NEW.corrects_id IS NOT NULL
        BEGIN ${COMPETING('OLD')} ${COMPETING('NEW')} END;
      CREATE TRIGGER hour_entries_mark_correction_delete AFTER DELETE ON hour_entries WHEN OLD.corrects_id IS NOT NULL BEGIN ${COMPETING('OLD')} END;
      CREATE TRIGGER volunteers_mark_insert AFTER INSERT ON volunteers BEGIN ${PERSON('NEW')} END;
      CREATE TRIGGER volunteers_mark_region AFTER UPDATE OF region ON volunteers WHEN OLD.region IS NOT NEW.region BEGIN ${PERSON('NEW')} END;
      INSERT OR IGNORE INTO hour_months_stale SELECT DISTINCT substr(entry_date, 1, 7) FROM hour_entries WHERE entry_date IS NOT NULL;
    `);
  },
};

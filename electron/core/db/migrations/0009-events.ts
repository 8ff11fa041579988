import { createReplicatedTable, type Migration } from './migration';

/**
 * Events, shifts, assignments and the hours ledger, all replicated (declared in
 * shared/domain/event-tables.ts). Event dates are calendar dates; shift times and check-in/out
 * are Kazakhstan wall-clock times 'YYYY-MM-DDTHH:MM'. Assignments and a shift's hour entries
 * have ids derived from their pair (`shift:volunteer`), so the same one made at two offices is
 * one record. Hour entries keep `event_id`/`shift_id` as plain values: deleting a shift never
 * removes hours already earned.
 */
export const events: Migration = {
  name: 'events',
  up(db) {
    db.exec(`
      ${createReplicatedTable('events', ['title TEXT', 'category TEXT', 'start_date TEXT', 'end_date TEXT', 'region TEXT', 'locality TEXT', 'address TEXT', 'partners TEXT', 'contact TEXT', 'status TEXT', 'office TEXT'])}
      CREATE INDEX events_start ON events (start_date);
      ${createReplicatedTable('shifts', ['event_id TEXT', 'title TEXT', 'start_at TEXT', 'end_at TEXT', 'meeting_point TEXT', 'needed INTEGER', 'required_kinds TEXT', "languages TEXT NOT NULL DEFAULT '[]'", 'min_age INTEGER'])}
      CREATE INDEX shifts_event ON shifts (event_id);
      ${createReplicatedTable('assignments', ['shift_id TEXT NOT NULL', 'volunteer_id TEXT NOT NULL', 'event_id TEXT', 'status TEXT', 'invited_at TEXT', 'responded_at TEXT', 'removal_reason TEXT', 'walk_in INTEGER', 'checked_in_at TEXT', 'checked_out_at TEXT', 'no_show INTEGER'])}
      CREATE INDEX assignments_shift ON assignments (shift_id);
      CREATE INDEX assignments_volunteer ON assignments (volunteer_id);
      ${createReplicatedTable('hour_entries', ['source_id TEXT NOT NULL', 'volunteer_id TEXT NOT NULL', 'event_id TEXT', 'shift_id TEXT', 'source TEXT', 'entry_date TEXT', 'hours REAL', 'category TEXT', 'note TEXT', 'verified_at TEXT', 'verified_by TEXT', 'corrects_id TEXT', 'corrected_by TEXT', 'correction_reason TEXT'])}
      -- A person's totals for a period (the profile, "fewer hours this month") read this index alone.
      CREATE INDEX hour_entries_volunteer_date ON hour_entries (volunteer_id, entry_date, hours) WHERE deleted = 0;
      -- Partial: hours typed by hand have no event or shift, and few entries are corrections, so
      -- most of a national import's two million entries skip these indexes altogether.
      CREATE INDEX hour_entries_event ON hour_entries (event_id) WHERE event_id IS NOT NULL;
      CREATE INDEX hour_entries_shift ON hour_entries (shift_id) WHERE shift_id IS NOT NULL;
      CREATE INDEX hour_entries_corrects ON hour_entries (corrects_id) WHERE corrects_id IS NOT NULL;
    `);
  },
};

import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { databaseBefore, tableNames, triggersOf } from './schema';

const entry = (id: string, date: string, extra = '') =>
  `INSERT INTO hour_entries (id, source_id, volunteer_id, event_id, entry_date, hours, created_at, created_by, updated_at, updated_by${extra ? ', corrects_id' : ''})
   VALUES ('${id}', 's-${id}', 'v1', NULL, '${date}', 6, 't', 'a', 't', 'a'${extra ? `, '${extra}'` : ''})`;

describe('migration 0017 hour month totals', () => {
  it('marks every month the ledger already holds stale; afterwards each write marks its month and the months a correction competes in', () => {
    const db = databaseBefore('hour-month-totals');
    db.prepare(entry('h1', '2026-01-31')).run();
    db.prepare(entry('h2', '2025-12-02')).run();
    applyMigration(db, 'hour-month-totals');
    expect(tableNames(db)).toEqual(expect.arrayContaining(['hour_month_totals', 'hour_months_stale']));
    expect(triggersOf(db, 'hour_entries')).toEqual(expect.arrayContaining(['hour_entries_mark_insert', 'hour_entries_mark_update', 'hour_entries_mark_delete', 'hour_entries_mark_correction_insert']));
    const stale = () => db.prepare('SELECT month FROM hour_months_stale ORDER BY month').pluck().all();
    expect(stale()).toEqual(['2025-12', '2026-01']);

    db.exec('DELETE FROM hour_months_stale');
    db.prepare("UPDATE hour_entries SET verified_at = 'x' WHERE id = 'h2'").run();
    expect(stale()).toEqual(['2025-12']);
    db.exec('DELETE FROM hour_months_stale');
    // A correction dated in another month: the corrected entry's month changes too (it stops counting).
    db.prepare(entry('h3', '2026-03-01', 'h1')).run();
    expect(stale()).toEqual(['2026-01', '2026-03']);
    db.exec('DELETE FROM hour_months_stale');
    db.prepare("DELETE FROM hour_entries WHERE id = 'h2'").run();
    expect(stale()).toEqual(['2025-12']);
    // An entry with no date yet marks nothing and is not refused.
    db.prepare("INSERT INTO hour_entries (id, source_id, volunteer_id, hours, created_at, created_by, updated_at, updated_by) VALUES ('h4', 's4', 'v1', 1, 't', 'a', 't', 'a')").run();
    expect(stale()).toEqual(['2025-12']);
    db.close();
  });
});

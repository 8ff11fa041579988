import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../../shared/domain/tables';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

const EVENT_TABLES = ['events', 'shifts', 'assignments', 'hour_entries'] as const;

describe('migration 0009 events', () => {
  it('adds the four events tables with every declared field and the standard columns; people already registered stay as they were', () => {
    const db = databaseBefore('events');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    for (const t of EVENT_TABLES) expect(tableNames(db)).not.toContain(t);
    applyMigration(db, 'events');
    for (const t of EVENT_TABLES) {
      const columns = columnsOf(db, t);
      for (const c of ['seq', 'id', 'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by', ...Object.keys(TABLES[t].fields)]) expect(columns, `${t}.${c}`).toContain(c);
    }
    // A person's totals for a period are read from this index alone.
    expect(indexesOf(db, 'hour_entries')).toEqual(expect.arrayContaining(['hour_entries_volunteer_date']));
    expect(indexesOf(db, 'assignments')).toEqual(expect.arrayContaining(['assignments_shift', 'assignments_volunteer']));
    // Most entries are no correction, and hours typed by hand have no event or shift: those skip these indexes.
    for (const [index, column] of [['hour_entries_corrects', 'corrects_id'], ['hour_entries_event', 'event_id'], ['hour_entries_shift', 'shift_id']]) {
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(index)).toMatch(new RegExp(`WHERE ${column} IS NOT NULL$`));
    }
    expect(db.prepare('SELECT last_name, first_name FROM volunteers').all()).toEqual([{ last_name: 'Ахметова', first_name: 'Әйгерім' }]);
    db.close();
  });
});

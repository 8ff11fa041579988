import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../../shared/domain/tables';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

const LOGISTICS = ['inventory_items', 'stock_movements', 'logistics_requests', 'allocations', 'handouts', 'vehicles', 'trips', 'trip_passengers', 'checklist_items'] as const;

describe('migration 0016 logistics', () => {
  it('adds every logistics table with its declared fields and the standard columns; people stay as they were', () => {
    const db = databaseBefore('logistics');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    for (const t of LOGISTICS) expect(tableNames(db)).not.toContain(t);
    applyMigration(db, 'logistics');
    for (const t of LOGISTICS) {
      const columns = columnsOf(db, t);
      for (const c of ['seq', 'id', 'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by', ...Object.keys(TABLES[t].fields)]) expect(columns, `${t}.${c}`).toContain(c);
    }
    expect(indexesOf(db, 'allocations')).toEqual(expect.arrayContaining(['allocations_item', 'allocations_event']));
    expect(indexesOf(db, 'stock_movements')).toEqual(expect.arrayContaining(['stock_movements_item']));
    expect(db.prepare('SELECT last_name FROM volunteers').pluck().all()).toEqual(['Ахметова']);
    db.close();
  });
});

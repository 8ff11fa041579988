import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../../shared/domain/tables';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

const TRAINING_TABLES = ['qualification_kinds', 'programs', 'training_sessions', 'training_reopenings', 'enrolments', 'qualifications'] as const;

describe('migration 0008 trainings', () => {
  it('adds the six trainings tables with every declared field and the standard columns; people already registered stay as they were', () => {
    const db = databaseBefore('trainings');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    for (const t of TRAINING_TABLES) expect(tableNames(db)).not.toContain(t);
    applyMigration(db, 'trainings');
    for (const t of TRAINING_TABLES) {
      const columns = columnsOf(db, t);
      for (const c of ['seq', 'id', 'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by', ...Object.keys(TABLES[t].fields)]) expect(columns, `${t}.${c}`).toContain(c);
    }
    // The roster filter "valid K on D" and the Expiring list need this index.
    expect(indexesOf(db, 'qualifications')).toEqual(expect.arrayContaining(['qualifications_kind_until', 'qualifications_valid']));
    expect(indexesOf(db, 'volunteers')).toContain('volunteers_id_live');
    expect(db.prepare('SELECT last_name, first_name FROM volunteers').all()).toEqual([{ last_name: 'Ахметова', first_name: 'Әйгерім' }]);
    db.close();
  });
});

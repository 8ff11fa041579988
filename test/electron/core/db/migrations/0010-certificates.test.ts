import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../../shared/domain/tables';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, insertVolunteer, tableNames } from './schema';

describe('migration 0010 certificates', () => {
  it('adds the register with every declared field and the standard columns, and the certificate key statements; people stay as they were', () => {
    const db = databaseBefore('certificates');
    insertVolunteer(db, { id: 'v1', lastName: 'Ахметова', firstName: 'Әйгерім' });
    expect(tableNames(db)).not.toContain('certificates');
    applyMigration(db, 'certificates');
    const columns = columnsOf(db, 'certificates');
    for (const c of ['seq', 'id', 'deleted', 'created_at', 'created_by', 'updated_at', 'updated_by', ...Object.keys(TABLES.certificates.fields)]) expect(columns, c).toContain(c);
    expect(indexesOf(db, 'certificates')).toEqual(expect.arrayContaining(['certificates_serial', 'certificates_volunteer', 'certificates_session']));
    expect(columnsOf(db, 'certificate_key_statements')).toEqual(['key_id', 'kind', 'signer', 'valid_until', 'office', 'statement', 'learned_at']);
    expect(db.prepare('SELECT last_name, first_name FROM volunteers').all()).toEqual([{ last_name: 'Ахметова', first_name: 'Әйгерім' }]);
    db.close();
  });
});

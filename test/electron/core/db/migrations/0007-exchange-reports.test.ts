import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore } from './schema';

describe('migration 0007 exchange-reports', () => {
  it('import history written before keeps its rows, with no report; a new import can keep one', () => {
    const db = databaseBefore('exchange-reports');
    const history = db.prepare(
      `INSERT INTO exchange_history (direction, bundle_id, peer_office, full, since_seq, up_to_seq, rows, bytes, sha256, summary, at, actor)
       VALUES ('import', ?, 'KZ', 0, 0, 5, 5, 100, 'x', '{}', '2025-01-01T00:00:00Z', 'a@KZ-75')`,
    );
    history.run('b1');
    applyMigration(db, 'exchange-reports');
    expect(columnsOf(db, 'exchange_history').at(-1)).toBe('report');
    expect(db.prepare('SELECT bundle_id, report FROM exchange_history').all()).toEqual([{ bundle_id: 'b1', report: null }]);
    db.prepare("UPDATE exchange_history SET report = '{\"rows\":[]}' WHERE bundle_id = 'b1'").run();
    expect(db.prepare('SELECT report FROM exchange_history').pluck().get()).toBe('{"rows":[]}');
    db.close();
  });
});

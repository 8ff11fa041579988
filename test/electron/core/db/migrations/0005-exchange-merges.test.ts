import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf } from './schema';

describe('migration 0005 exchange-merges', () => {
  it('keeps merges and conflicts found before, with nothing recorded for what was not kept then', () => {
    const db = databaseBefore('exchange-merges');
    db.prepare(
      `INSERT INTO merges (id, tbl, loser_id, survivor_id, created_at, created_by, updated_at, updated_by)
       VALUES ('m1', 'volunteers', 'v2', 'v1', 'then', 'a@KZ-75', 'then', 'a@KZ-75')`,
    ).run();
    db.prepare(
      `INSERT INTO conflicts (tbl, row_id, field, kind, winner_value, winner_stamp, winner_actor, loser_value, loser_stamp, loser_actor, detected_at)
       VALUES ('volunteers', 'v1', 'phone', 'field', '"+77011234567"', 's2', 'b@KZ-71', '"+77021234567"', 's1', 'a@KZ-75', 'then')`,
    ).run();
    applyMigration(db, 'exchange-merges');

    expect(db.prepare('SELECT id, loser_id, survivor_id, survivor_before FROM merges').all()).toEqual([
      { id: 'm1', loser_id: 'v2', survivor_id: 'v1', survivor_before: null },
    ]);
    expect(db.prepare('SELECT row_id, winner_value, loser_value, label, detail, merged_from FROM conflicts').all()).toEqual([
      { row_id: 'v1', winner_value: '"+77011234567"', loser_value: '"+77021234567"', label: null, detail: null, merged_from: null },
    ]);
    expect(indexesOf(db, 'merges')).toEqual(['merges_loser', 'merges_survivor']);
    expect(columnsOf(db, 'exchange_learned')).toEqual(['id', 'replica', 'office', 'from_seq', 'to_seq']);
    expect(indexesOf(db, 'exchange_learned')).toEqual(['exchange_learned_office']);
    db.close();
  });
});

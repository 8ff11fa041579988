import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/connection';
import { createReplicatedTable } from '../../../../../electron/core/db/migrations/migration';
import { tempDir } from '../../../../helpers/temp-db';

/** Each column as SQLite describes it: name, type, NOT NULL, default, primary key. */
const shape = (db: Database.Database, table: string) =>
  db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid').all(table);
const uniqueIndexColumns = (db: Database.Database, table: string) =>
  (db.prepare("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1").pluck().all(table) as string[]).map((index) =>
    db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(index),
  );

describe('createReplicatedTable', () => {
  it('makes the same table the released migrations wrote by hand (memberships, distinct_pairs)', () => {
    const db = openDatabase(path.join(tempDir(), 'current.sqlite'));
    db.exec(createReplicatedTable('memberships_again', ['organisation_id TEXT NOT NULL', 'volunteer_id TEXT NOT NULL', 'role TEXT', 'since TEXT']));
    db.exec(createReplicatedTable('pairs_again', ['tbl TEXT NOT NULL', 'a_id TEXT NOT NULL', 'b_id TEXT NOT NULL']));
    expect(shape(db, 'memberships_again')).toEqual(shape(db, 'memberships'));
    expect(shape(db, 'pairs_again')).toEqual(shape(db, 'distinct_pairs'));
    expect(uniqueIndexColumns(db, 'memberships_again')).toEqual([['id']]);
    db.close();
  });

  it('gives new rows a stable seq and a live tombstone flag, and refuses a row without its stamps', () => {
    const db = new Database(':memory:');
    db.exec(createReplicatedTable('trainings', ['title TEXT NOT NULL']));
    db.prepare("INSERT INTO trainings (id, title, created_at, created_by, updated_at, updated_by) VALUES ('t1', 'First aid', 'now', 'a', 'now', 'a')").run();
    expect(db.prepare('SELECT seq, id, deleted FROM trainings').get()).toEqual({ seq: 1, id: 't1', deleted: 0 });
    expect(() => db.prepare("INSERT INTO trainings (id, title) VALUES ('t2', 'x')").run()).toThrow(/NOT NULL/);
    expect(() =>
      db.prepare("INSERT INTO trainings (id, title, created_at, created_by, updated_at, updated_by) VALUES ('t1', 'again', 'now', 'a', 'now', 'a')").run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

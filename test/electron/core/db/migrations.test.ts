import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../shared/contract/errors';
import { openDatabase } from '../../../../electron/core/db/connection';
import { SCHEMA_VERSION } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations';
import { databaseAtVersion } from '../../../helpers/old-database';
import { tempDir } from '../../../helpers/temp-db';

describe('migrations', () => {
  it('bring an empty database to the current schema with WAL, full sync and foreign keys', () => {
    const db = openDatabase(path.join(tempDir(), 'new.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('bring a database of every earlier version up to date', () => {
    for (let from = 0; from < MIGRATIONS.length; from++) {
      const file = path.join(tempDir(), `v${from}.sqlite`);
      const raw = databaseAtVersion(file, from);
      raw.close();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
    }
  });

  it('each have a test of their own, named as the migration file is', () => {
    const sources = readdirSync(fileURLToPath(new URL('../../../../electron/core/db/migrations', import.meta.url))).filter((f) => /^\d{4}-/.test(f));
    expect(sources.map((f) => f.replace(/^\d{4}-|\.ts$/g, ''))).toEqual(MIGRATIONS.map((m) => m.name));
    for (const source of sources) {
      expect(existsSync(fileURLToPath(new URL(`./migrations/${source.replace(/\.ts$/, '.test.ts')}`, import.meta.url))), source).toBe(true);
    }
  });

  it('refuse a database written by a newer Erikti', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(CallError);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as CallError).key).toBe('error.dbNewer');
    }
  });
});

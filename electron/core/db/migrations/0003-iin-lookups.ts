import type { Migration } from './migration';

/**
 * The record of exact-IIN lookups made by accounts that may not read IINs (volunteers/iin-lookups.ts).
 * Office-local, never replicated: it is an audit of this office's users.
 *
 * The IIN asked about is kept only as a keyed hash (HMAC-SHA-256 under a random key of this
 * database, truncated): enough to tell "the same IIN again" (repeats are free) and to let an
 * administrator see one number probed many times, without the record becoming a plaintext list of
 * IINs, many of them of people who were never registered here.
 */
export const iinLookups: Migration = {
  name: 'iin-lookups',
  up(db) {
    db.exec(`
      CREATE TABLE local_secrets (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL
      );
      INSERT INTO local_secrets (name, value) VALUES ('iin-lookup-key', randomblob(32));

      CREATE TABLE iin_lookups (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        login TEXT NOT NULL,
        at TEXT NOT NULL,
        call TEXT NOT NULL,
        hit INTEGER NOT NULL CHECK (hit IN (0, 1)),
        iin_hash TEXT NOT NULL
      );
      CREATE INDEX iin_lookups_user ON iin_lookups (user_id, at);
      CREATE INDEX iin_lookups_at ON iin_lookups (at);
    `);
  },
};

// A frozen past step: it re-fingerprinted trust lists with the office's pure fingerprint function.
// eslint-disable-next-line no-restricted-imports -- history, not a new dependency of db/ on a domain
import { fingerprintOf } from '../../office/fingerprint';
import type { Migration } from './migration';

/**
 * Keys that can be retired (issue 9): trusted keys carry validity dates and a status (a key the
 * centre's list proposes for an office already known waits for an administrator), signed
 * revocations and rotations are kept to be relayed, and an administrator's removal is
 * remembered so that no trust list puts the key back.
 *
 * Fingerprints now bind the key's office and workstation: the trusted keys are re-fingerprinted
 * from the label they were trusted under (what the administrator accepted).
 */
export const keyLifecycle: Migration = {
  name: 'key-lifecycle',
  up(db) {
    db.exec(`
      CREATE TABLE trusted_keys_v2 (
        fingerprint TEXT PRIMARY KEY,
        office TEXT NOT NULL,
        replica TEXT NOT NULL,
        name TEXT NOT NULL,
        sign_public TEXT NOT NULL,
        box_public TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('administrator', 'centre')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending')),
        valid_from TEXT,
        revoked_at TEXT,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Signed revocations and rotations this office verified (or made): relayed in every bundle.
      CREATE TABLE key_statements (
        subject TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('revoke', 'rotate')),
        office TEXT NOT NULL,
        at TEXT NOT NULL,
        statement TEXT NOT NULL,
        learned_at TEXT NOT NULL,
        PRIMARY KEY (subject, kind)
      ) WITHOUT ROWID;

      -- Office-local: keys an administrator removed here; no trust list ever re-adds them.
      CREATE TABLE key_removals (
        fingerprint TEXT PRIMARY KEY,
        office TEXT NOT NULL,
        removed_at TEXT NOT NULL,
        removed_by TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO trusted_keys_v2 (fingerprint, office, replica, name, sign_public, box_public, source, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows = db.prepare('SELECT * FROM trusted_keys').all() as Record<string, string>[];
    for (const r of rows) {
      const fingerprint = fingerprintOf({ office: r.office!, replica: r.replica! }, r.sign_public!, r.box_public!);
      insert.run(fingerprint, r.office, r.replica, r.name, r.sign_public, r.box_public, r.source, r.added_at, r.added_by);
    }
    db.exec(`
      DROP TABLE trusted_keys;
      ALTER TABLE trusted_keys_v2 RENAME TO trusted_keys;
      CREATE INDEX trusted_keys_office ON trusted_keys (office);
    `);
  },
};

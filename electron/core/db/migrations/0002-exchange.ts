import type { Migration } from './migration';

/**
 * Exchange between offices: per-field clock entries gain the local order in which the creation
 * was learned (`base_seq`), merges and distinct pairs replicate like any record, and the
 * office-local review lists (conflicts), trust list, peer watermarks and exchange history.
 *
 * The IIN stops being unique at the SQL level: an import may bring the same person registered by
 * another office, which the import then merges (every office picks the same survivor). Local
 * writes still refuse an IIN a live record holds (volunteers/rules.ts).
 */
export const exchange: Migration = {
  name: 'exchange',
  up(db) {
    db.exec(`
      ALTER TABLE row_clock ADD COLUMN base_seq INTEGER NOT NULL DEFAULT 0;
      UPDATE row_clock SET base_seq = seq;

      DROP INDEX volunteers_iin;
      CREATE INDEX volunteers_iin ON volunteers (iin) WHERE iin IS NOT NULL;
      CREATE INDEX volunteers_birth_name ON volunteers (birth_date, last_name);
      CREATE INDEX volunteers_phone ON volunteers (phone) WHERE phone IS NOT NULL;

      CREATE TABLE merges (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tbl TEXT NOT NULL,
        loser_id TEXT NOT NULL,
        survivor_id TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX merges_loser ON merges (loser_id);

      CREATE TABLE distinct_pairs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tbl TEXT NOT NULL,
        a_id TEXT NOT NULL,
        b_id TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );

      -- Office-local: concurrent writes to one field (or a delete against an edit), the loser kept.
      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('field', 'delete')),
        winner_value TEXT,
        winner_stamp TEXT NOT NULL,
        winner_actor TEXT NOT NULL,
        loser_value TEXT,
        loser_stamp TEXT NOT NULL,
        loser_actor TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        bundle_id TEXT,
        resolved_at TEXT,
        resolved_by TEXT,
        resolution TEXT,
        UNIQUE (tbl, row_id, field, winner_stamp, loser_stamp)
      );
      CREATE INDEX conflicts_open ON conflicts (tbl, row_id) WHERE resolved_at IS NULL;

      -- Office-local: whose bundles this office accepts, and to whom it can encrypt.
      CREATE TABLE trusted_keys (
        fingerprint TEXT PRIMARY KEY,
        office TEXT NOT NULL,
        replica TEXT NOT NULL,
        name TEXT NOT NULL,
        sign_public TEXT NOT NULL,
        box_public TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('administrator', 'centre')),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX trusted_keys_office ON trusted_keys (office);

      -- Office-local: per peer replica, which ranges of its change order we imported (contiguous
      -- prefix in received_seq, gap when a later range came first) and how far it acknowledged ours.
      CREATE TABLE exchange_peers (
        replica TEXT PRIMARY KEY,
        office TEXT NOT NULL,
        received_ranges TEXT NOT NULL DEFAULT '[]',
        received_seq INTEGER NOT NULL DEFAULT 0,
        gap INTEGER NOT NULL DEFAULT 0,
        acked_seq INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      -- Office-local: per recipient office, how far our change order was sent.
      CREATE TABLE exchange_sent (
        office TEXT PRIMARY KEY,
        sent_seq INTEGER NOT NULL DEFAULT 0,
        bundles INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      CREATE TABLE exchange_history (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
        bundle_id TEXT NOT NULL,
        peer_office TEXT NOT NULL,
        peer_replica TEXT,
        full INTEGER NOT NULL DEFAULT 0,
        since_seq INTEGER NOT NULL,
        up_to_seq INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        summary TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX exchange_history_bundle ON exchange_history (bundle_id, direction);
    `);
  },
};

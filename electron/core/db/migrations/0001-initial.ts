import type { Migration } from './migration';

/**
 * Office identity, users, volunteers, organisations and memberships, the replication clock and
 * the search index.
 *
 * Replicated tables carry a text `id` (UUIDv7, globally unique) plus an integer `seq` primary key
 * that never changes (VACUUM renumbers implicit rowids; the search index points at `seq`).
 * They declare no foreign keys on purpose: bundles may bring a membership before the person it
 * names, and tombstones keep ids alive. The core checks references on local writes.
 */
export const initial: Migration = {
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'coordinator', 'administrator')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );

      CREATE TABLE volunteers (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        last_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        middle_name TEXT,
        last_name_latin TEXT,
        first_name_latin TEXT,
        iin TEXT,
        birth_date TEXT,
        sex TEXT,
        phone TEXT,
        email TEXT,
        region TEXT,
        district TEXT,
        locality TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        skills TEXT NOT NULL DEFAULT '[]',
        driving_categories TEXT NOT NULL DEFAULT '[]',
        areas TEXT NOT NULL DEFAULT '[]',
        availability TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        consent_date TEXT,
        consent_basis TEXT,
        guardian_name TEXT,
        guardian_phone TEXT,
        guardian_consent_date TEXT,
        emergency_contact_name TEXT,
        emergency_contact_phone TEXT,
        notes TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        -- Kazakh alphabetical order as a plain binary key (binary order puts І before А and the
        -- Kazakh letters after Я). Stored, so sorting search matches calls no function per row.
        sort_name TEXT GENERATED ALWAYS AS (erikti_sort_key(last_name, first_name, middle_name)) STORED
      );
      CREATE UNIQUE INDEX volunteers_iin ON volunteers (iin) WHERE iin IS NOT NULL AND deleted = 0;
      -- Roster orders read live rows only; the implicit last column (seq) is the tie-breaker,
      -- so ORDER BY ..., seq is served by the index without sorting, even deep into the roster.
      CREATE INDEX volunteers_live_name ON volunteers (sort_name) WHERE deleted = 0;
      CREATE INDEX volunteers_live_region ON volunteers (region, sort_name) WHERE deleted = 0;
      CREATE INDEX volunteers_live_status ON volunteers (status, sort_name) WHERE deleted = 0;
      CREATE INDEX volunteers_live_birth ON volunteers (birth_date) WHERE deleted = 0;
      CREATE INDEX volunteers_live_updated ON volunteers (updated_at) WHERE deleted = 0;

      CREATE TABLE organisations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        bin TEXT,
        type TEXT NOT NULL,
        region TEXT,
        contact_name TEXT,
        phone TEXT,
        email TEXT,
        notes TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX organisations_name ON organisations (name);

      -- A membership's id is derived from the pair, so two offices adding the same membership
      -- create the same record rather than two.
      CREATE TABLE memberships (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        organisation_id TEXT NOT NULL,
        volunteer_id TEXT NOT NULL,
        role TEXT,
        since TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX memberships_volunteer ON memberships (volunteer_id);
      CREATE INDEX memberships_organisation ON memberships (organisation_id);

      -- The replication clock: per replicated row, the hybrid-logical-clock stamp of its creation
      -- ("base") and the stamps of fields changed since (JSON {field: stamp}), who wrote last,
      -- and "seq", the order in which this database learned of the row's latest change
      -- (incremental export sends rows whose seq is above what a recipient was sent).
      -- One row per record, not per field: 200,000 volunteers must not cost millions of rows.
      CREATE TABLE row_clock (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        base TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}',
        actor TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (tbl, row_id)
      ) WITHOUT ROWID;
      CREATE INDEX row_clock_seq ON row_clock (seq);

      CREATE VIRTUAL TABLE volunteer_search USING fts5 (
        keys, content = '', contentless_delete = 1, prefix = '2 3 4', tokenize = 'unicode61'
      );
      CREATE TRIGGER volunteers_search_insert AFTER INSERT ON volunteers WHEN new.deleted = 0 BEGIN
        INSERT INTO volunteer_search (rowid, keys) VALUES (new.seq, erikti_volunteer_keys(
          new.last_name, new.first_name, new.middle_name, new.last_name_latin, new.first_name_latin, new.iin, new.phone));
      END;
      CREATE TRIGGER volunteers_search_update AFTER UPDATE OF
        last_name, first_name, middle_name, last_name_latin, first_name_latin, iin, phone, deleted ON volunteers BEGIN
        DELETE FROM volunteer_search WHERE rowid = old.seq;
        INSERT INTO volunteer_search (rowid, keys) SELECT new.seq, erikti_volunteer_keys(
          new.last_name, new.first_name, new.middle_name, new.last_name_latin, new.first_name_latin, new.iin, new.phone)
          WHERE new.deleted = 0;
      END;
      CREATE TRIGGER volunteers_search_delete AFTER DELETE ON volunteers BEGIN
        DELETE FROM volunteer_search WHERE rowid = old.seq;
      END;
    `);
  },
};

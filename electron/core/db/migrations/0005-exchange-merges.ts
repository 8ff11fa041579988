import type { Migration } from './migration';

/**
 * Merges that lose nothing and can be undone, one decision per erased person, bundles that carry
 * only news:
 *
 * - `merges.survivor_before`: the survivor's values a coordinator's per-field choice replaced
 *   (JSON), so undoing the merge gives them back at every office (replicated).
 * - `conflicts.label`: the person's name when the conflict was found (an erased record has none
 *   left); `conflicts.detail`: JSON of who erased and who edited (delete conflicts);
 *   `conflicts.merged_from`: the merged-away record a value came from.
 * - `exchange_learned`: ranges of this database's change order learned from a peer's bundle,
 *   so what came from an office is not sent back to it.
 */
export const exchangeMerges: Migration = {
  name: 'exchange-merges',
  up(db) {
    db.exec(`
      ALTER TABLE merges ADD COLUMN survivor_before TEXT;
      CREATE INDEX merges_survivor ON merges (survivor_id);

      ALTER TABLE conflicts ADD COLUMN label TEXT;
      ALTER TABLE conflicts ADD COLUMN detail TEXT;
      ALTER TABLE conflicts ADD COLUMN merged_from TEXT;

      CREATE TABLE exchange_learned (
        id INTEGER PRIMARY KEY,
        replica TEXT NOT NULL,
        office TEXT NOT NULL,
        from_seq INTEGER NOT NULL,
        to_seq INTEGER NOT NULL
      );
      CREATE INDEX exchange_learned_office ON exchange_learned (office, to_seq);
    `);
  },
};

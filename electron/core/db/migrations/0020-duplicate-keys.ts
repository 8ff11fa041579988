import type { Migration } from './migration';

/**
 * Likely duplicates at national scale: each person's name key (`match_name`, see matchName in
 * shared/domain/search-key.ts) as a virtual column, indexed with the birth date and with the
 * phone, so the people sharing a name and a birth date or phone are found from the indexes
 * instead of by keying all 200,000 names in code on every count (six seconds, then a few
 * hundred milliseconds). Virtual: it takes no room in the table, only in the two indexes.
 */
export const duplicateKeys: Migration = {
  name: 'duplicate-keys',
  up(db) {
    db.exec(`
      ALTER TABLE volunteers ADD COLUMN match_name TEXT GENERATED ALWAYS AS (erikti_match_name(last_name, first_name)) VIRTUAL;
      CREATE INDEX volunteers_live_match_birth ON volunteers (match_name, birth_date) WHERE deleted = 0 AND birth_date IS NOT NULL;
      CREATE INDEX volunteers_live_match_phone ON volunteers (match_name, phone) WHERE deleted = 0 AND phone IS NOT NULL;
    `);
  },
};

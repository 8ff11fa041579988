import type { Migration } from './migration';

/**
 * Likely duplicates at national scale: each person's name key (`erikti_match_name`, see matchName
 * in shared/domain/search-key.ts) indexed with the birth date and with the phone, so the people
 * sharing a name and a birth date or phone are found from the indexes instead of by keying all
 * 200,000 names in code on every count (4-5 seconds, then 0.1-0.2). Expression indexes, not a
 * generated column: a virtual column would be computed, through JavaScript, on every `SELECT *`
 * of a person (an import reads thousands), and SQLite cannot add a stored one to a table.
 */
export const duplicateKeys: Migration = {
  name: 'duplicate-keys',
  up(db) {
    db.exec(`
      CREATE INDEX volunteers_live_match_birth ON volunteers (erikti_match_name(last_name, first_name), birth_date) WHERE deleted = 0 AND birth_date IS NOT NULL;
      CREATE INDEX volunteers_live_match_phone ON volunteers (erikti_match_name(last_name, first_name), phone) WHERE deleted = 0 AND phone IS NOT NULL;
    `);
  },
};

import { createReplicatedTable, type Migration } from './migration';

/**
 * Documents attached to volunteers (issue 15), declared in shared/domain/attachment-tables.ts:
 * the file's bytes as base64 text (bundles carry values as JSON text), its kind, name, MIME
 * type, size and SHA-256. And why a person was deactivated: two replicated columns of
 * `volunteers` (declared in shared/domain/volunteer-table.ts), empty for everyone before.
 */
export const attachments: Migration = {
  name: 'attachments',
  up(db) {
    db.exec(`
      ${createReplicatedTable('attachments', [
        'volunteer_id TEXT', 'kind TEXT', 'file_name TEXT', 'mime TEXT', 'size INTEGER', 'sha256 TEXT', 'content TEXT',
      ])}
      CREATE INDEX attachments_volunteer ON attachments (volunteer_id);

      ALTER TABLE volunteers ADD COLUMN deactivation_reason TEXT;
      ALTER TABLE volunteers ADD COLUMN deactivation_note TEXT;
    `);
  },
};

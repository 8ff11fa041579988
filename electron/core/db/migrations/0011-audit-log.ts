import type { Migration } from './migration';

/**
 * The office's audit trail of administrative acts (accounts added, roles changed, accounts
 * deactivated, passwords set). Office-local, never replicated: it records what this office's
 * administrators did here, and another office has no say in it. Rows are only ever added.
 */
export const auditLog: Migration = {
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_action ON audit_log (action, at);
    `);
  },
};

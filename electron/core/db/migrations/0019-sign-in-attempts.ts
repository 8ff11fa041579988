import type { Migration } from './migration';

/**
 * Failed sign-ins per login (trimmed, lower-cased), for the sign-in throttle (auth/sign-in-throttle.ts).
 * Kept in the database, not in memory, so restarting a worker or the app does not reset the count,
 * and every process on the file (the app, the web host, a second workstation's host) shares it.
 * Office-local, never replicated: it is about this office's accounts and this office's door.
 * `blocked_until`: until when the login waits (ISO, UTC); `refusal_logged_for`: the wait whose
 * first refused attempt is already in the audit trail (one entry per wait, not one per knock).
 */
export const signInAttempts: Migration = {
  name: 'sign-in-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE sign_in_attempts (
        login TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        blocked_until TEXT,
        refusal_logged_for TEXT,
        last_at TEXT NOT NULL
      );
      CREATE INDEX sign_in_attempts_last_at ON sign_in_attempts (last_at);
    `);
  },
};

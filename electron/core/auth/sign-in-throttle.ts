import { writeTransaction, type Db } from '../db/connection';
import { prepared } from '../db/statements';

/**
 * Slows down password guessing: after 5 failures a login waits 30 seconds per further try. The
 * count lives in the database (sign_in_attempts, migration 0019), so a restarted worker or app
 * does not forget it and every process on the file shares it; a successful sign-in clears it,
 * and failures nobody followed up for a day are forgotten (as a restart used to forget them).
 */
const FREE_FAILURES = 5;
const WAIT_MS = 30_000;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** One count per account however the login is typed: " Admin" and "admin" are the same door. */
export const throttleKey = (login: string): string => login.trim().toLowerCase();

export type AttemptClaim =
  | { allowed: true }
  /** `firstRefusal`: the first attempt refused in this wait, the one the audit trail records. */
  | { allowed: false; seconds: number; firstRefusal: boolean };

interface AttemptRow {
  failures: number;
  blocked_until: string | null;
  refusal_logged_for: string | null;
}

/**
 * Called before the password is checked, in one write transaction: refuses while the login
 * waits; otherwise counts this attempt as a failure at once, and `clearSignInFailures` takes it
 * back when the password was right. Counting first means attempts made at the same moment from
 * several processes cannot each pass the check before any of them has failed.
 */
export function claimSignInAttempt(db: Db, login: string, now: Date): AttemptClaim {
  const key = throttleKey(login);
  const at = now.getTime();
  return writeTransaction(db, () => {
    prepared(db, 'DELETE FROM sign_in_attempts WHERE last_at < ?').run(new Date(at - FORGET_AFTER_MS).toISOString());
    const row = prepared(db, 'SELECT failures, blocked_until, refusal_logged_for FROM sign_in_attempts WHERE login = ?').get(key) as AttemptRow | undefined;
    const until = row?.blocked_until ? Date.parse(row.blocked_until) : 0;
    if (row && until > at) {
      const firstRefusal = row.refusal_logged_for !== row.blocked_until;
      if (firstRefusal) prepared(db, 'UPDATE sign_in_attempts SET refusal_logged_for = blocked_until WHERE login = ?').run(key);
      return { allowed: false, seconds: Math.ceil((until - at) / 1000), firstRefusal };
    }
    const failures = (row?.failures ?? 0) + 1;
    const blockedUntil = failures >= FREE_FAILURES ? new Date(at + WAIT_MS).toISOString() : (row?.blocked_until ?? null);
    prepared(
      db,
      `INSERT INTO sign_in_attempts (login, failures, blocked_until, last_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until, last_at = excluded.last_at`,
    ).run(key, failures, blockedUntil, now.toISOString());
    return { allowed: true };
  });
}

/** A successful sign-in: the login starts afresh. */
export function clearSignInFailures(db: Db, login: string): void {
  prepared(db, 'DELETE FROM sign_in_attempts WHERE login = ?').run(throttleKey(login));
}

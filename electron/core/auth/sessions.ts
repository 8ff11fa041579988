import { randomBytes } from 'node:crypto';

const IDLE_LIMIT_MS = 12 * 60 * 60 * 1000;

/**
 * Sign-in sessions live in memory only: restarting the app signs everyone out, and a token
 * never touches the disk.
 */
export class Sessions {
  private readonly byToken = new Map<string, { userId: string; lastSeen: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  open(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { userId, lastSeen: this.now() });
    return token;
  }

  /** Records a session opened elsewhere (a core in a worker) under its token. */
  adopt(token: string, userId: string): void {
    this.byToken.set(token, { userId, lastSeen: this.now() });
  }

  /** The user id behind a token, or null when unknown or idle for too long. */
  resolve(token: string): string | null {
    const entry = this.byToken.get(token);
    if (!entry) return null;
    if (this.now() - entry.lastSeen > IDLE_LIMIT_MS) {
      this.byToken.delete(token);
      return null;
    }
    entry.lastSeen = this.now();
    return entry.userId;
  }

  close(token: string): void {
    this.byToken.delete(token);
  }

  /** Signs everyone out (the database was replaced by a restore). */
  clear(): void {
    this.byToken.clear();
  }

  closeAllFor(userId: string): void {
    for (const [token, entry] of this.byToken) if (entry.userId === userId) this.byToken.delete(token);
  }
}

/** Slows down password guessing: after 5 failures a login waits 30 seconds per further try. */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  blockedFor(login: string): number {
    const f = this.failures.get(login.toLowerCase());
    return f && f.until > this.now() ? Math.ceil((f.until - this.now()) / 1000) : 0;
  }

  fail(login: string): void {
    const key = login.toLowerCase();
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= 5) f.until = this.now() + 30_000;
    this.failures.set(key, f);
  }

  succeed(login: string): void {
    this.failures.delete(login.toLowerCase());
  }
}

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

import { randomBytes } from 'node:crypto';
import type { SessionRegistry } from '../core/app';
import type { SessionEffect } from './protocol';

/**
 * The session store a core in a worker is given. Sessions live in the router on the main thread
 * (two workers share them, and they outlive a worker's restart): the router sends, with each
 * call, the user its session resolves to; what the call changes (a sign-in opens a session, a
 * deactivation closes a user's) is recorded here and returned with the answer for the router to apply.
 * A worker runs one call at a time, so one relay serves every call in turn.
 */
export class SessionRelay implements SessionRegistry {
  private current: { session: string | null; userId: string | null } = { session: null, userId: null };
  private effects: SessionEffect[] = [];

  /** Starts a call: its session and the user the router resolved it to. */
  begin(session: string | null, userId: string | null): void {
    this.current = { session, userId };
    this.effects = [];
  }

  /** Ends a call: what it changed. */
  end(): SessionEffect[] {
    const effects = this.effects;
    this.begin(null, null);
    return effects;
  }

  resolve(token: string): string | null {
    return token === this.current.session ? this.current.userId : null;
  }

  open(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.effects.push({ open: token, userId });
    return token;
  }

  close(token: string): void {
    this.effects.push({ close: token });
  }

  closeAllFor(userId: string): void {
    this.effects.push({ closeAllFor: userId });
  }
}

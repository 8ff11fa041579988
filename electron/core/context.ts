import type { CallArgs, CallName, CallResult } from '../../shared/contract';
import type { Role } from '../../shared/domain/vocabulary';
import type { Db } from './db/connection';
import type { HybridClock } from './replication/hlc';
import type { WriteStamp } from './replication/write';

/** The person (or the command-line tool) a call acts for. */
export interface Actor {
  id: string;
  login: string;
  displayName: string;
  role: Role;
}

/**
 * What sign-in calls need of the sessions and password hashing; auth/ implements them. Declared
 * here, not imported from auth/, because every domain imports this file and none imports auth.
 */
export interface SessionStore {
  open(userId: string): string;
  close(token: string): void;
  closeAllFor(userId: string): void;
}

export interface PasswordHashing {
  hash(password: string): string;
  verify(password: string, stored: string): boolean;
  /** Costs what a real check costs, so an unknown login answers no faster than a wrong password. */
  verifyNobody(password: string): false;
  needsUpgrade(stored: string): boolean;
}

/** What every handler receives besides its validated input. */
export interface CallContext {
  db: Db;
  /** Null only for public calls made before anyone signs in. */
  actor: Actor | null;
  session: string | null;
  sessions: SessionStore;
  passwords: PasswordHashing;
  clock: HybridClock;
  now(): Date;
  /** The stamp for replicated writes: who (login@OFFICE) and when. */
  stamp(): WriteStamp;
  /** Runs after the call's transaction commits (checkpoints after erasure, for instance). */
  afterCommit(fn: () => void): void;
  /**
   * Runs after the call ends, whether its transaction committed or rolled back: for records that
   * must outlive a refused write (an exact-IIN lookup answered by an error is still a lookup).
   */
  afterCall(fn: () => void): void;
}

/** Runs calls as a given actor: the core, as trusted in-process callers (the CLI, tests) see it. */
export interface InProcessCaller {
  /** The same path as a transport's call, with a given actor. */
  callAs<N extends CallName>(actor: Actor, name: N, input: unknown): CallResult<N>;
}

export type Handler<N extends CallName> = (args: CallArgs<N>, ctx: CallContext) => CallResult<N>;
export type HandlerMap<N extends CallName> = { [K in N]: Handler<K> };

/** The signed-in actor; handlers of non-public calls can rely on it (the dispatcher checked). */
export function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new Error('A signed-in actor is required here');
  return ctx.actor;
}

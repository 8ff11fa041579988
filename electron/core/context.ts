import type { CallArgs, CallControl, CallName, CallResult, ProgressPhase, WriteCallName } from '../../shared/contract';
import type { Role } from '../../shared/domain/vocabulary';
import type { Db } from './db/connection';
import type { ReadDb } from './db/read-only';
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

/**
 * What a call that does not write (the contract's `writes: false`) receives besides its input:
 * the database through a handle that can only read, so a read path that writes does not compile.
 */
export interface ReadContext {
  db: ReadDb;
  /** Null only for public calls made before anyone signs in. */
  actor: Actor | null;
  session: string | null;
  sessions: SessionStore;
  passwords: PasswordHashing;
  clock: HybridClock;
  now(): Date;
  /** Who the call acts for as stamps and records name them: login@OFFICE. */
  actorName(): string;
  /**
   * Runs after the call ends, whether its transaction committed or rolled back: for records that
   * must outlive a refused write (an exact-IIN lookup answered by an error is still a lookup).
   */
  afterCall(fn: () => void): void;
  /**
   * The writes a reading call may make that are not edits: an audit record (IIN lookups) that must
   * exist whether or not the call answers, a password hash brought up to the current cost at sign-in.
   * Inside a write call's transaction it waits until the call has ended, so a rollback does not
   * take it along; otherwise it is written at once.
   */
  bookkeeping(write: (db: Db) => void): void;
  /**
   * A rehearsal: fn does a write's whole work and rolls it back itself, so what it reports is
   * exactly what the write would do (the exchange preview). Nothing of it may remain.
   */
  rehearse<T>(fn: (db: Db) => T): T;
  /**
   * Where a long call stands: `done` of `total` units of a phase. Also the point where a cancelled
   * call stops: it throws the `cancelled` error there, and a write's transaction rolls back.
   * Cheap enough to call once per row; the core passes on about ten reports a second.
   */
  progress(phase: ProgressPhase, done: number, total: number): void;
}

/** Runs calls as a given actor: the core, as trusted in-process callers (the CLI, tests) see it. */
export interface InProcessCaller {
  /** The same path as a transport's call, with a given actor. */
  callAs<N extends CallName>(actor: Actor, name: N, input: unknown, control?: CallControl): CallResult<N>;
}

/** What a call that writes receives: the writable database, and the stamp for replicated writes. */
export interface CallContext extends ReadContext {
  db: Db;
  /** The stamp for replicated writes: who (login@OFFICE) and when. */
  stamp(): WriteStamp;
  /** Runs after the call's transaction commits (checkpoints after erasure, for instance). */
  afterCommit(fn: () => void): void;
}

/** The context a call's handler receives: read-only unless the contract says the call writes. */
export type ContextOf<N extends CallName> = N extends WriteCallName ? CallContext : ReadContext;
export type Handler<N extends CallName> = (args: CallArgs<N>, ctx: ContextOf<N>) => CallResult<N>;
export type HandlerMap<N extends CallName> = { [K in N]: Handler<K> };

/** The signed-in actor; handlers of non-public calls can rely on it (the dispatcher checked). */
export function actorOf(ctx: ReadContext): Actor {
  if (!ctx.actor) throw new Error('A signed-in actor is required here');
  return ctx.actor;
}

import { contract, isCallName, type CallControl, type CallName, type CallResult, type Envelope, CallError, validationError } from '../../shared/contract';
import { roleAtLeast } from '../../shared/domain/vocabulary';
import { adminHandlers, sessionHandlers } from './auth/handlers';
import { PasswordHasher, type ScryptCost } from './auth/passwords';
import { progressReporter } from './progress';
import { Sessions } from './auth/sessions';
import { actorFromRow, findUser } from './auth/users';
import type { Actor, CallContext, Handler, HandlerMap, InProcessCaller, SessionStore } from './context';
import { isReadOnly, openDatabase, openReaderConnection, writeTransaction, type Db, type OpenOptions } from './db/connection';
import { databaseError } from './db/errors';
import { attachmentHandlers } from './attachments/handlers';
import { certificateHandlers } from './certificates/handlers';
import { eventHandlers } from './events/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { logisticsHandlers } from './logistics/handlers';
import type { KeyProtector } from './office/key-protection';
import { readOffice, replicaId } from './office/identity';
import { attachKeyProtector, sealPlaintextKeys } from './office/private-keys';
import { organisationHandlers } from './organisations/handlers';
import { loadClock, persistClock, syncClock, type HybridClock } from './replication/hlc';
import { reportHandlers } from './reports/handlers';
import { rosterHandlers } from './roster/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backups/handlers';
import { recordHistoryHandlers } from './record-history/handlers';
import { trainingHandlers } from './trainings/handlers';
import { volunteerHandlers } from './volunteers/handlers';
import { bulkHandlers } from './volunteers/bulk-handlers';
import { viewHandlers } from './views/handlers';

/** Every call of the contract has exactly one handler; the compiler checks the map is complete. */
const handlers: HandlerMap<CallName> = {
  ...sessionHandlers,
  ...adminHandlers,
  ...volunteerHandlers,
  ...bulkHandlers,
  ...organisationHandlers,
  ...rosterHandlers,
  ...exchangeHandlers,
  ...auditHandlers,
  ...recordHistoryHandlers,
  ...trainingHandlers,
  ...eventHandlers,
  ...certificateHandlers,
  ...viewHandlers,
  ...backupHandlers,
  ...attachmentHandlers,
  ...reportHandlers,
  ...logisticsHandlers,
};

/** The command-line tool acts as the office's administrator and is recorded as such. */
export const CLI_ACTOR: Actor = { id: 'cli', login: 'cli', displayName: 'Command line (administrator)', role: 'administrator' };

export interface Core extends InProcessCaller {
  readonly db: Db;
  /** For transports: validates the input, resolves the session, checks the role, runs the call. */
  call(name: string, input: unknown, session: string | null, control?: CallControl): Envelope<unknown>;
  close(): void;
}

export interface CoreOptions extends OpenOptions {
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /**
   * Tests only: a cheaper password hash so suites that create many users stay fast. No transport,
   * command or environment variable sets it; production always hashes at PASSWORD_COST.
   */
  passwordCost?: ScryptCost;
  /** Opens the office's sealed private keys (safeStorage in the desktop app, a passphrase elsewhere). */
  keyProtector?: KeyProtector;
  /**
   * The worker runtime's reader: a second, read-only connection to a database the writer opened.
   * A call that turns out to need a write (an audit record, a rehearsal) throws NeedsWriter, so
   * the router runs it again on the writer instead.
   */
  reader?: boolean;
  /**
   * Where sign-in sessions live. By default in this core's memory; the worker runtime keeps them
   * on the main thread (two workers and restarts) and injects a store that resolves from there.
   */
  sessions?: SessionRegistry;
}

/** What the core needs of sign-in sessions: the store handlers use, and resolving a token. */
export interface SessionRegistry extends SessionStore {
  resolve(token: string): string | null;
}

/** Thrown by a reader core when a call needs the writable connection after all; never reaches a user. */
export class NeedsWriter extends Error {
  constructor() {
    super('This call needs the writable connection');
    this.name = 'NeedsWriter';
  }
}

/** Failures SQLite explains (full disk, busy, read-only) reach the user as that, not as a crash. */
function errorFromUnknown(error: unknown): CallError {
  if (error instanceof CallError) return error;
  return databaseError(error) ?? new CallError({ code: 'internal', key: 'error.internal' }, error instanceof Error ? error.message : String(error));
}

export function createCore(dbFile: string, options: CoreOptions = {}): Core {
  const db = options.reader ? openReaderConnection(dbFile, options) : openDatabase(dbFile, options);
  attachKeyProtector(db, options.keyProtector);
  const sessions = options.sessions ?? new Sessions();
  const needsWriter = () => {
    throw new NeedsWriter();
  };
  const passwords = new PasswordHasher(options.passwordCost);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  // A database on read-only media stays as it is; its keys open as they are when needed.
  if (options.keyProtector && !isReadOnly(db)) {
    try {
      sealPlaintextKeys(db);
    } catch (error) {
      // The keys stay as they were; the operations that need them report why they cannot open them.
      log('Could not seal the office’s private keys', error);
    }
  }
  let clock: HybridClock | null = null;
  const clockFor = () => (clock ??= loadClock(db, replicaId(db)));

  function context(actor: Actor | null, session: string | null, afterCommit: (() => void)[], afterCall: (() => void)[], control: CallControl): CallContext {
    const actorName = () => `${actor?.login ?? 'system'}@${readOffice(db)?.code ?? '?'}`;
    return {
      afterCommit: (fn) => afterCommit.push(fn),
      afterCall: (fn) => afterCall.push(fn),
      bookkeeping: options.reader
        ? needsWriter
        : (write) => {
            if (db.inTransaction) afterCall.push(() => write(db));
            else write(db);
          },
      rehearse: options.reader ? needsWriter : (fn) => fn(db),
      progress: progressReporter(control),
      db,
      actor,
      session,
      sessions,
      passwords,
      clock: clockFor(),
      now,
      actorName,
      stamp: () => ({ db, clock: clockFor(), actor: actorName(), at: now().toISOString() }),
    };
  }

  function run<N extends CallName>(name: N, input: unknown, actor: Actor | null, session: string | null, control: CallControl = {}): CallResult<N> {
    const spec = contract[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    if (spec.access !== 'public') {
      if (!actor) throw new CallError({ code: 'unauthenticated', key: 'error.signInAgain' }, 'Sign in first');
      if (!roleAtLeast(actor.role, spec.access)) {
        throw new CallError({ code: 'forbidden', key: 'error.forbidden', params: { role: spec.access } }, `This needs the ${spec.access} role`);
      }
    }
    const handler = handlers[name] as Handler<N>;
    const afterCommit: (() => void)[] = [];
    const afterCall: (() => void)[] = [];
    const ctx = context(actor, session, afterCommit, afterCall, control);
    try {
      if (!spec.writes) return handler(parsed.data as never, ctx);
      if (isReadOnly(db)) {
        throw new CallError({ code: 'unavailable', key: 'error.readOnlyLocation' }, 'The database is in a read-only location: nothing can be saved');
      }
      const result = writeTransaction(db, () => {
        // Another process may have written (and moved the clock) since this one last did.
        syncClock(db, clockFor());
        const value = handler(parsed.data as never, ctx);
        persistClock(db, clockFor());
        return value;
      });
      for (const fn of afterCommit) fn();
      return result;
    } finally {
      for (const fn of afterCall) fn();
    }
  }

  function actorForSession(session: string | null): Actor | null {
    if (!session) return null;
    const userId = sessions.resolve(session);
    if (!userId) return null;
    // Read the user each time: a deactivated user or a changed role takes effect at once.
    const row = findUser(db, userId);
    return row && row.active === 1 ? actorFromRow(row) : null;
  }

  return {
    db,
    call(name, input, session, control) {
      try {
        if (!isCallName(name)) throw new CallError({ code: 'notFound', key: 'error.unknownCall', params: { name: String(name).slice(0, 60) } });
        return { ok: true, value: run(name, input, actorForSession(session), session, control) };
      } catch (error) {
        if (error instanceof NeedsWriter) throw error;
        // A failed write rolled back its transaction; the in-memory clock may have ticked, which is harmless.
        const callError = errorFromUnknown(error);
        if (callError.code === 'internal') log(`Call ${name} failed`, error);
        return { ok: false, error: callError.toPayload() };
      }
    },
    callAs(actor, name, input, control) {
      try {
        return run(name, input, actor, null, control);
      } catch (error) {
        throw errorFromUnknown(error);
      }
    },
    close() {
      db.close();
    },
  };
}

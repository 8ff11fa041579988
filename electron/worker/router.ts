import { MessageChannel, Worker, type ResourceLimits } from 'node:worker_threads';
import { cancelledError, contract, isCallName, type Envelope } from '../../shared/contract';
import type { ScryptCost } from '../core/auth/passwords';
import { Sessions } from '../core/auth/sessions';
import { newFileToken, type FileToken } from '../core/exchange/files';
import { applyPendingRestore } from '../core/backups/restore';
import type { KeyProtector } from '../core/office/key-protection';
import type { CallOptions, CoreClient } from './client';
import { serveProtector } from './key-channel';
import type { SessionEffect, WorkerInit, WorkerMessage, WorkerRole } from './protocol';

/**
 * The main thread's side of the core: two workers on the same database, and the calls routed
 * between them. The WRITER (the read-write connection) runs every write and every call that
 * changes sessions, one at a time, in the order they came; the READER (its own read-only
 * connection: WAL lets it read the last committed state while the writer writes) runs the rest,
 * so searches and profiles answer during a long import. Sessions live here, not in a worker, so
 * both workers see the same ones and a restarted worker signs nobody out.
 */
export interface CoreRouterOptions {
  dbFile: string;
  /** The bundled worker entry (electron/worker/entry.ts). */
  workerFile: string;
  /** Stays on this thread; the writer reaches it by a round trip (see key-channel.ts). */
  keyProtector?: KeyProtector;
  /** Tests only, as in CoreOptions. */
  passwordCost?: ScryptCost;
  busyTimeoutMs?: number;
  /** A worker's memory caps: past them it dies (out of memory) and is restarted, the process lives on. */
  resourceLimits?: ResourceLimits;
  log?: (message: string, error: unknown) => void;
}

export interface CoreRouter extends CoreClient {
  /**
   * A token for a file the user picked in a dialog (the exchange calls take tokens, never paths):
   * the core that runs those calls, the writer, is told of it.
   */
  issueFileToken(path: string, mode: 'read' | 'write'): string;
  /** The running worker of a role, for diagnostics and tests (null while it restarts). */
  worker(role: WorkerRole): Worker | null;
}

/**
 * Calls that run on the writer although they do not write: those that change sessions (sign-in's
 * throttle, password upgrade and audit record live there too), exports of personal data (their
 * audit record), and the roster wizard's steps, because an
 * uploaded file is kept in the memory of the connection that received it and the import (a write)
 * must find it there.
 */
const WRITER_READS: ReadonlySet<string> = new Set([
  'auth.signIn', 'auth.signOut', 'auth.changePassword', 'users.update', 'users.add', 'app.setup',
  'roster.upload', 'roster.inspect', 'roster.preview', 'roster.problemRows', 'roster.discard',
  // Backups open the sealed backup password and the office's keys, which only the writer can reach.
  'backups.run', 'backups.runDue', 'backups.restore',
  // Exports of personal data: recorded in the audit trail once made (auditRead in audit/log.ts).
  'roster.export', 'hours.export', 'events.notifyExport', 'certificates.print', 'trainings.sheet', 'qualifications.expiringExport',
]);
/** After this call succeeds the workers close, the restored database is swapped in, and they reopen. */
const RESTORE_CALL = 'backups.restore';
const CLOSE_TIMEOUT_MS = 15_000;

export function roleFor(name: string): WorkerRole {
  if (!isCallName(name)) return 'reader'; // answered "unknown call" by whichever core
  return contract[name].writes || WRITER_READS.has(name) ? 'writer' : 'reader';
}

const WORKER_RESTARTED: Envelope<never> = { ok: false, error: { code: 'unavailable', key: 'error.workerRestarted' } };
const WAITING = { phase: 'waiting', done: 0, total: 0 } as const;

interface Pending {
  id: number;
  name: string;
  input: unknown;
  session: string | null;
  options: CallOptions;
  lane: Lane;
  done: boolean;
  answer(envelope: Envelope<unknown>): void;
}

interface Lane {
  role: WorkerRole;
  worker: Worker | null;
  ready: boolean;
  current: Pending | null;
  queue: Pending[];
  cancelFlag: Int32Array;
  /** Why the last start failed, answered to the calls that waited for it. */
  startFailure: { envelope: Envelope<never>; message: string } | null;
  started: { resolve(): void; reject(error: Error): void } | null;
}

export function startCoreRouter(options: CoreRouterOptions): Promise<CoreRouter> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const sessions = new Sessions();
  const lane = (role: WorkerRole): Lane => ({
    role, worker: null, ready: false, current: null, queue: [], cancelFlag: new Int32Array(new SharedArrayBuffer(4)), startFailure: null, started: null,
  });
  const lanes = { writer: lane('writer'), reader: lane('reader') };
  let fileTokens: FileToken[] = [];
  let nextId = 1;
  let closing = false;
  /** While a restore swaps the database: calls queue, workers are not started. */
  let swapping = false;

  function finish(call: Pending, envelope: Envelope<unknown>): void {
    if (call.done) return;
    call.done = true;
    call.answer(envelope);
  }

  function progress(call: Pending, report: Parameters<NonNullable<CallOptions['onProgress']>>[0]): void {
    try {
      call.options.onProgress?.(report);
    } catch (error) {
      log('A progress listener failed', error);
    }
  }

  function spawn(target: Lane): Promise<void> {
    const init: WorkerInit = {
      role: target.role, dbFile: options.dbFile, passwordCost: options.passwordCost, busyTimeoutMs: options.busyTimeoutMs, cancelFlag: target.cancelFlag.buffer as SharedArrayBuffer,
      fileTokens: target.role === 'writer' ? liveFileTokens() : [],
    };
    const transferList = [];
    if (target.role === 'writer' && options.keyProtector) {
      const channel = new MessageChannel();
      const signal = new SharedArrayBuffer(4);
      serveProtector(options.keyProtector, channel.port1, signal);
      init.keys = { kind: options.keyProtector.kind, port: channel.port2, signal };
      transferList.push(channel.port2);
    }
    const worker = new Worker(options.workerFile, { workerData: init, transferList, resourceLimits: options.resourceLimits });
    target.worker = worker;
    target.ready = false;
    target.startFailure = null;
    let failure: unknown = null;
    worker.on('message', (message: WorkerMessage) => onMessage(target, message));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => onExit(target, worker, failure ?? `exit code ${code}`));
    return new Promise((resolve, reject) => (target.started = { resolve, reject }));
  }

  function liveFileTokens(): FileToken[] {
    const now = Date.now();
    return (fileTokens = fileTokens.filter((file) => file.expires > now));
  }

  function apply(effects: SessionEffect[]): void {
    for (const effect of effects) {
      if ('open' in effect) sessions.adopt(effect.open, effect.userId);
      else if ('close' in effect) sessions.close(effect.close);
      else sessions.closeAllFor(effect.closeAllFor);
    }
  }

  function onMessage(target: Lane, message: WorkerMessage): void {
    const call = target.current;
    switch (message.type) {
      case 'ready':
        target.ready = true;
        target.started?.resolve();
        target.started = null;
        return pump(target);
      case 'startFailed':
        target.startFailure = { envelope: message.error, message: message.message };
        return;
      case 'progress':
        if (call?.id === message.id) progress(call, message.report);
        return;
      case 'result':
        if (call?.id !== message.id) return;
        // Applied whatever the answer, as the in-process core's own sessions were.
        apply(message.effects);
        target.current = null;
        if (call.name === RESTORE_CALL && message.envelope.ok) return void swapInRestore(call, message.envelope);
        finish(call, message.envelope);
        return pump(target);
      case 'needsWriter':
        if (call?.id !== message.id) return;
        target.current = null;
        enqueue(lanes.writer, call);
        return pump(target);
    }
  }

  function onExit(target: Lane, worker: Worker, reason: unknown): void {
    if (target.worker !== worker) return;
    const wasReady = target.ready;
    target.worker = null;
    target.ready = false;
    if (target.current) {
      finish(target.current, WORKER_RESTARTED);
      target.current = null;
    }
    if (closing || swapping) return;
    if (!wasReady) {
      // It could not even start (the database cannot be opened): the waiting calls hear why, and
      // the next call tries again, so a fault does not become a restart loop.
      const failure = target.startFailure ?? { envelope: WORKER_RESTARTED, message: String(reason) };
      for (const call of target.queue.splice(0)) finish(call, failure.envelope);
      target.started?.reject(new Error(failure.message));
      target.started = null;
      return;
    }
    log(`The core's ${target.role} worker stopped; restarting it`, reason);
    void spawn(target).catch((error: unknown) => log(`The core's ${target.role} worker could not restart`, error));
  }

  function enqueue(target: Lane, call: Pending): void {
    if (closing) return finish(call, WORKER_RESTARTED);
    call.lane = target;
    target.queue.push(call);
    if (target.current || !target.ready) progress(call, WAITING);
    if (!target.worker && !swapping) void spawn(target).catch(() => undefined); // answered through onExit
    pump(target);
  }

  function pump(target: Lane): void {
    if (swapping || !target.ready || target.current || !target.worker) return;
    let call: Pending | undefined;
    while ((call = target.queue.shift()) && call.done);
    if (!call) return;
    target.current = call;
    Atomics.store(target.cancelFlag, 0, call.options.signal?.aborted ? 1 : 0);
    const userId = call.session ? sessions.resolve(call.session) : null;
    target.worker.postMessage({ type: 'call', id: call.id, name: call.name, input: call.input, session: call.session, userId });
  }

  function cancel(call: Pending): void {
    if (call.done) return;
    if (call.lane.current === call) Atomics.store(call.lane.cancelFlag, 0, 1);
    else {
      call.lane.queue = call.lane.queue.filter((queued) => queued !== call);
      finish(call, { ok: false, error: cancelledError().toPayload() });
    }
  }

  const router: CoreRouter = {
    call(name, input, session, callOptions = {}) {
      return new Promise((resolve) => {
        if (closing) return resolve(WORKER_RESTARTED);
        const { signal } = callOptions;
        if (signal?.aborted) return resolve({ ok: false, error: cancelledError().toPayload() });
        const onAbort = () => cancel(call);
        const call: Pending = {
          id: nextId++, name, input, session, options: callOptions, lane: lanes[roleFor(name)], done: false,
          answer: (envelope) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(envelope);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        enqueue(call.lane, call);
      });
    },
    worker: (role) => lanes[role].worker,
    issueFileToken(path, mode) {
      const file = newFileToken(path, mode);
      liveFileTokens().push(file);
      lanes.writer.worker?.postMessage({ type: 'fileToken', file });
      return file.token;
    },
    async close() {
      closing = true;
      for (const target of Object.values(lanes)) {
        for (const call of target.queue.splice(0)) finish(call, WORKER_RESTARTED);
        // Quitting stops a long call where it stands; its transaction rolls back.
        Atomics.store(target.cancelFlag, 0, 1);
      }
      // The reader first: the last connection to close checkpoints the WAL into the database and
      // removes it, and only the writer's can.
      await stop(lanes.reader);
      await stop(lanes.writer);
    },
  };

  /**
   * The restore's second half (backups/restore.ts staged it): both workers close their connections
   * (the reader after its current call), the staged database replaces the current one, which is
   * kept aside, and the workers start on it. Everyone signs in again: the restored users may differ.
   */
  async function swapInRestore(call: Pending, envelope: Envelope<unknown>): Promise<void> {
    swapping = true;
    try {
      await stop(lanes.reader);
      await stop(lanes.writer);
      applyPendingRestore(options.dbFile, new Date());
      sessions.clear();
    } catch (error) {
      log('Swapping in the restored database failed', error);
    } finally {
      swapping = false;
    }
    finish(call, envelope);
    if (closing) return;
    await spawn(lanes.writer).catch((error: unknown) => log('The core could not reopen after a restore', error));
    await spawn(lanes.reader).catch((error: unknown) => log('The core could not reopen after a restore', error));
  }

  async function stop(target: Lane): Promise<void> {
    const worker = target.worker;
    if (!worker) return;
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise<void>((done) => {
      worker.once('exit', () => done());
      timer = setTimeout(() => void worker.terminate().then(() => done()), CLOSE_TIMEOUT_MS);
    });
    worker.postMessage({ type: 'close' });
    await exited;
    clearTimeout(timer);
  }

  // A restore staged before the last quit (or by the command line) goes in before anything opens.
  try {
    applyPendingRestore(options.dbFile, new Date());
  } catch (error) {
    log('A pending restore could not be swapped in; the current database stays', error);
  }
  // The writer first: it creates and migrates the database the reader then opens.
  return spawn(lanes.writer)
    .then(() => spawn(lanes.reader))
    .then(
      () => router,
      async (error: unknown) => {
        await router.close();
        throw error;
      },
    );
}

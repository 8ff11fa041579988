import type { Envelope, ProgressReport } from '../../shared/contract';
import type { ScryptCost } from '../core/auth/passwords';
import type { FileToken } from '../core/exchange/files';

/**
 * The messages between the router (main thread) and a core worker. Everything here crosses a
 * thread by structured clone; nothing carries functions.
 */
export type WorkerRole = 'writer' | 'reader';

/** What a worker is started with (workerData). */
export interface WorkerInit {
  role: WorkerRole;
  dbFile: string;
  passwordCost?: ScryptCost;
  busyTimeoutMs?: number;
  /** Int32Array[1] over it: 1 while the running call is cancelled (the worker reads it with Atomics.load). */
  cancelFlag: SharedArrayBuffer;
  /** The key protector's kind and its channel back to the main thread (see key-channel.ts); absent: keys stay locked. */
  /** Exchange file tokens the main process issued (dialogs) and that are still valid: a restarted writer knows them too. */
  fileTokens: FileToken[];
  keys?: { kind: 'os' | 'passphrase'; port: import('node:worker_threads').MessagePort; signal: SharedArrayBuffer };
}

export interface CallMessage {
  type: 'call';
  id: number;
  name: string;
  input: unknown;
  session: string | null;
  /** The user the router resolved the session to (sessions live on the main thread). */
  userId: string | null;
}

export type RouterMessage = CallMessage | { type: 'fileToken'; file: FileToken } | { type: 'close' };

/** Session changes a call made; the router applies them to its session table. */
export type SessionEffect = { open: string; userId: string } | { close: string } | { closeAllFor: string };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'startFailed'; error: Envelope<never> & { ok: false }; message: string }
  | { type: 'progress'; id: number; report: ProgressReport }
  | { type: 'result'; id: number; envelope: Envelope<unknown>; effects: SessionEffect[] }
  /** The reader found the call needs a write (an audit record, a rehearsal): run it on the writer. */
  | { type: 'needsWriter'; id: number };

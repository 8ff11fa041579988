import { parentPort, workerData } from 'node:worker_threads';
import { CallError, type Envelope } from '../../shared/contract';
import { createCore, NeedsWriter, type Core } from '../core/app';
import { adoptFileToken } from '../core/exchange/files';
import { remoteProtector } from './key-channel';
import type { RouterMessage, WorkerInit, WorkerMessage } from './protocol';
import { SessionRelay } from './session-relay';

/**
 * A core worker (bundled to dist/host/core-worker.js and dist/electron/core-worker.cjs): one
 * connection, one call at a time, answers posted back to the router on the main thread.
 */
const init = workerData as WorkerInit;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const cancelFlag = new Int32Array(init.cancelFlag);
const sessions = new SessionRelay();

for (const file of init.fileTokens) adoptFileToken(file);

let core: Core;
try {
  core = createCore(init.dbFile, {
    reader: init.role === 'reader',
    sessions,
    passwordCost: init.passwordCost,
    busyTimeoutMs: init.busyTimeoutMs,
    keyProtector: init.keys ? remoteProtector(init.keys.kind, init.keys.port, init.keys.signal) : undefined,
  });
} catch (error) {
  const payload = error instanceof CallError ? error.toPayload() : { code: 'unavailable' as const, key: 'error.cannotOpen' };
  post({ type: 'startFailed', error: { ok: false, error: payload }, message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

port.on('message', (message: RouterMessage) => {
  if (message.type === 'close') {
    // Closing checkpoints the WAL into the database file.
    core.close();
    process.exit(0);
  }
  if (message.type === 'fileToken') return adoptFileToken(message.file);
  const { id, name, input, session, userId } = message;
  sessions.begin(session, userId);
  let envelope: Envelope<unknown>;
  try {
    envelope = core.call(name, input, session, {
      onProgress: (report) => post({ type: 'progress', id, report }),
      isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
    });
  } catch (error) {
    sessions.end();
    if (error instanceof NeedsWriter) return post({ type: 'needsWriter', id });
    throw error;
  }
  post({ type: 'result', id, envelope, effects: sessions.end() });
});

post({ type: 'ready' });

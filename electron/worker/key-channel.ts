import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { CallError, type ErrorPayload } from '../../shared/contract/errors';
import { privateKeysError, type KeyProtector } from '../core/office/key-protection';

/**
 * The office's private keys and the worker.
 *
 * The key protector stays on the main thread, and the worker reaches it by a synchronous round
 * trip: it posts the wrapped (or fresh) key-encryption key on a dedicated port, blocks on a shared
 * flag (Atomics.wait; a worker may block, the main thread never does), and takes the answer off
 * the port. Why this and not handing the worker what it needs up front:
 * - Electron's safeStorage exists only in the main process; a worker cannot call it at all.
 * - The passphrase stays where it was typed (the main thread); the worker never holds it.
 * - The worker gets exactly what the in-process core got from the protector (the unwrapped KEK,
 *   kept in memory beside its connection), only when a call needs the keys, so the private keys
 *   are exposed no more widely than before: same process, same moments.
 * Only the writer is given the channel: the reader never opens private keys (sealing writes, and
 * the calls that sign or decrypt are writes or rehearsals, which run on the writer).
 */
const ANSWER_TIMEOUT_MS = 5 * 60_000; // the system key store may ask the user to unlock it

type Request = { op: 'protect' | 'unprotect'; data: Uint8Array };
type Answer = { data: Uint8Array } | { error: ErrorPayload | null; message: string };

/** The worker's side: a protector whose every use is a round trip to the main thread. */
export function remoteProtector(kind: KeyProtector['kind'], port: MessagePort, signalBuffer: SharedArrayBuffer): KeyProtector {
  const signal = new Int32Array(signalBuffer);
  const ask = (request: Request): Uint8Array => {
    Atomics.store(signal, 0, 0);
    port.postMessage(request);
    const waited = Atomics.wait(signal, 0, 0, ANSWER_TIMEOUT_MS);
    const answer = receiveMessageOnPort(port)?.message as Answer | undefined;
    if (waited === 'timed-out' || !answer) throw privateKeysError('systemStoreFailed', 'The key store did not answer');
    if ('data' in answer) return answer.data;
    if (answer.error) throw new CallError(answer.error, answer.message);
    throw new Error(answer.message);
  };
  return { kind, protect: (data) => ask({ op: 'protect', data }), unprotect: (data) => ask({ op: 'unprotect', data }) };
}

/** The main thread's side: answers a worker's requests with the real protector. */
export function serveProtector(protector: KeyProtector, port: MessagePort, signalBuffer: SharedArrayBuffer): void {
  const signal = new Int32Array(signalBuffer);
  port.on('message', (request: Request) => {
    let answer: Answer;
    try {
      answer = { data: protector[request.op](request.data) };
    } catch (error) {
      answer = error instanceof CallError ? { error: error.toPayload(), message: error.message } : { error: null, message: String(error) };
    }
    port.postMessage(answer);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
  // The channel must not keep the process alive on its own.
  port.unref();
}

import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from './helpers';
import { setCancelCheck } from './progress-line';
import { runCli } from './run';
import type { MainMessage, WorkInit, WorkMessage } from './thread-protocol';

/**
 * The CLI's work thread (bundled to dist/cli/work.js): runs the command as erikti.ts would on its
 * own thread, asking the main thread for stdin and the passphrase, and sending it the output.
 */
const init = workerData as WorkInit;
const port = parentPort!;
const post = (message: WorkMessage) => port.postMessage(message);
const flag = new Int32Array(init.cancelFlag);
setCancelCheck(() => Atomics.load(flag, 0) === 1);

let nextId = 1;
const waiting = new Map<number, { resolve(value: string | null): void; reject(error: Error): void }>();
port.on('message', (message: MainMessage) => {
  const pending = waiting.get(message.id);
  waiting.delete(message.id);
  if (message.type === 'answer') pending?.resolve(message.value);
  else pending?.reject(new Error(message.message));
});

function ask(message: { type: 'stdin' } | { type: 'passphrase'; ask: boolean; confirm: boolean }): Promise<string | null> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    post({ ...message, id });
  });
}

const io: Io = {
  out: (text) => post({ type: 'out', text }),
  err: (text) => post({ type: 'err', text }),
  readStdin: async () => (await ask({ type: 'stdin' })) ?? '',
  passphrase: (askUser, confirm) => ask({ type: 'passphrase', ask: askUser, confirm }),
  terminal: init.terminal,
};

const code = await runCli(init.argv, io);
// Every message before this one reaches the main thread first; it then ends the process.
post({ type: 'done', code });
port.unref();

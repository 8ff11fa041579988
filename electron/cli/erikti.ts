import { Worker } from 'node:worker_threads';
import { readPassphrase } from './prompt';
import type { MainMessage, WorkInit, WorkMessage } from './thread-protocol';

/**
 * The `erikti` command. The core's calls are synchronous, so while one runs on a thread nothing
 * else runs there, not even a Ctrl-C handler. The command therefore runs on a work thread
 * (work.ts) and this thread stays free: it owns the terminal, and a Ctrl-C raises the flag that
 * long calls read at every progress point, so an import stops, rolls back and says so. A second
 * Ctrl-C ends the process at once (an uncommitted transaction still leaves the database as it was).
 */
const INTERRUPTED = 130;

// `npm run erikti` runs in the repository root; relative paths mean where the user typed them.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const cancelFlag = new SharedArrayBuffer(4);
const flag = new Int32Array(cancelFlag);
const init: WorkInit = { argv: process.argv.slice(2), terminal: process.stderr.isTTY === true, cancelFlag };
const work = new Worker(new URL('./work.js', import.meta.url), { workerData: init });

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const reply = (message: MainMessage) => work.postMessage(message);

let finished = false;

/** Ends the process once what was written has gone out (a large dump into a pipe takes a moment). */
function finish(code: number): void {
  if (finished) return;
  finished = true;
  const interrupted = Atomics.load(flag, 0) === 1;
  process.exitCode = interrupted && code !== 0 ? INTERRUPTED : code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}

work.on('message', (message: WorkMessage) => {
  switch (message.type) {
    case 'out':
      process.stdout.write(message.text);
      break;
    case 'err':
      process.stderr.write(message.text);
      break;
    case 'done':
      finish(message.code);
      break;
    case 'stdin':
    case 'passphrase': {
      const { id } = message;
      const answer = message.type === 'stdin' ? readStdin() : readPassphrase(message.ask, message.confirm);
      answer.then(
        (value) => reply({ type: 'answer', id, value }),
        (error: unknown) => reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
      );
      break;
    }
  }
});

process.on('SIGINT', () => {
  if (Atomics.load(flag, 0) === 1) process.exit(INTERRUPTED);
  Atomics.store(flag, 0, 1);
});

// A work thread that failed outside the command's own error handling (a bug, out of memory).
work.on('error', (error) => {
  process.stderr.write(`erikti: ${error instanceof Error ? error.message : String(error)}\n`);
  finish(1);
});
// Ended without saying how (it should not): that is a failure, not a success.
work.on('exit', () => finish(1));

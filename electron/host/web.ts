import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app';
import { passphraseProtector } from '../core/office/key-protection';
import { readOffice } from '../core/office/identity';
import { checkPrivateKeys } from '../core/office/private-keys';
import { readPassphrase } from '../cli/prompt';
import { describeError } from '../cli/messages';
import { scheduleMaintenance } from '../worker/maintenance';
import { startCoreRouter } from '../worker/router';
import { startHost } from './server';

/**
 * `npm run web -- --db FILE --port N`: serves the app in the browser. Prints one line, the URL
 * that opens it (the token travels in the fragment, which browsers never send to a server).
 */
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string', default: '5180' } },
});
if (!values.db) {
  process.stderr.write('usage: npm run web -- --db FILE [--port N]\n');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
// `npm run web` runs in the repository root; a relative --db means where the user typed it.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
// The office's private keys (exchange, setting up a new office) open with the administrator
// passphrase: from ERIKTI_PASSPHRASE, or asked on this terminal. Without one the host still serves
// everything else, and those operations say the keys are locked.
const passphrase = await readPassphrase(true, false);
if (!passphrase) process.stderr.write('note: no administrator passphrase (ERIKTI_PASSPHRASE): exchange and office set-up are locked\n');
const dbFile = path.resolve(values.db);
const keyProtector = passphrase ? passphraseProtector(passphrase) : undefined;
// A wrong passphrase is said at once, before serving: checked here with a short-lived core, which
// also stretches the passphrase once, so the worker's first use of the keys costs nothing more.
if (keyProtector) {
  let problem: unknown = null;
  try {
    const check = createCore(dbFile, { keyProtector });
    try {
      if (readOffice(check.db)) checkPrivateKeys(check.db);
    } finally {
      check.close();
    }
  } catch (error) {
    problem = error;
  }
  if (problem) {
    process.stderr.write(`${describeError(problem)}\n`);
    process.exit(1);
  }
}
let client;
try {
  // The core runs in worker threads (electron/worker): this thread only serves HTTP.
  client = await startCoreRouter({ dbFile, workerFile: path.join(here, 'core-worker.js'), keyProtector });
} catch (error) {
  process.stderr.write(`${describeError(error)}\n`);
  process.exit(1);
}
const host = await startHost({ client, rendererDir: path.resolve(here, '../renderer'), port: Number(values.port) });
process.stdout.write(`${host.url}\n`);
const stopMaintenance = scheduleMaintenance(client, (message, error) => console.error(message, error));

const stop = () => {
  stopMaintenance();
  void host.close().then(() => {
    void client.close().then(() => process.exit(0));
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app';
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
const core = createCore(path.resolve(values.db));
const host = await startHost({ core, rendererDir: path.resolve(here, '../renderer'), port: Number(values.port) });
process.stdout.write(`${host.url}\n`);

const stop = () => {
  void host.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreRouter, type CoreRouter, type CoreRouterOptions } from '../../electron/worker/router';
import { TEST_CORE_OPTIONS } from './core-options';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let bundled: Promise<string> | null = null;
let bundleDir: string | null = null;

// Registered for every test file that uses the worker (as temp-db.ts registers its cleanup).
afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

/**
 * The core worker's entry, bundled from the sources once per test file (Vitest runs TypeScript;
 * a worker thread runs JavaScript). It goes under the repository's ignored .tmp/ so its imports
 * of node_modules and the fonts' lookup resolve as from dist/; removed after the file's tests.
 */
export function coreWorkerFile(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    const dir = (bundleDir = mkdtempSync(path.join(ROOT, '.tmp', 'core-worker-')));
    const outfile = path.join(dir, 'core-worker.mjs');
    await build({
      entryPoints: [path.join(ROOT, 'electron/worker/entry.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return outfile;
  })();
  return bundled;
}

/** The worker runtime on a database file, with the tests' cheap password hash and passphrase stretch. */
export async function testRouter(dbFile: string, extra: Partial<CoreRouterOptions> = {}): Promise<CoreRouter> {
  return startCoreRouter({
    dbFile,
    workerFile: await coreWorkerFile(),
    passwordCost: TEST_CORE_OPTIONS.passwordCost,
    keyProtector: TEST_CORE_OPTIONS.keyProtector,
    ...extra,
  });
}

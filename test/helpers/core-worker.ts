import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreRouter, type CoreRouter, type CoreRouterOptions } from '../../electron/worker/router';
import { TEST_CORE_OPTIONS } from './core-options';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let bundled: Promise<string> | null = null;

const BUNDLE_PREFIX = 'core-worker-';

/**
 * Removes every bundle the test files made: the test runners' global teardown calls it (Vitest's
 * and Playwright's), since test processes may end without running exit handlers.
 */
export function removeWorkerBundles(): void {
  const tmp = path.join(ROOT, '.tmp');
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return; // no bundle was ever made
  }
  for (const name of names) if (name.startsWith(BUNDLE_PREFIX)) rmSync(path.join(tmp, name), { recursive: true, force: true });
}

/**
 * The core worker's entry, bundled from the sources once per test file (Vitest runs TypeScript;
 * a worker thread runs JavaScript). It goes under the repository's ignored .tmp/ so its imports
 * of node_modules and the fonts' lookup resolve as from dist/; removed at the end of the test run.
 */
export function coreWorkerFile(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    const dir = mkdtempSync(path.join(ROOT, '.tmp', BUNDLE_PREFIX));
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

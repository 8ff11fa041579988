import path from 'node:path';

/** The core's worker, bundled next to the main bundle (resources/scripts/build-node.mjs). */
export const CORE_WORKER_FILE = path.join(__dirname, 'core-worker.cjs');

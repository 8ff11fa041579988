// Bundles the Node-side entry points with esbuild.
// - CLI, web host and bench run from the repository: their dependencies stay in node_modules.
// - The Electron main bundle carries every dependency but Electron and the native better-sqlite3,
//   so the packaged app needs nothing else from node_modules (ESM-only packages included).
// - The core's worker (electron/worker/entry.ts) is bundled beside each of them: the web host's
//   and the bench's next to web.js, the Electron app's next to main.cjs.
// - The preload is one minified CommonJS file: sandboxed preloads cannot load modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', packages: 'external' };
// The CommonJS bundles get a real `import.meta.url` (the bundle's own file): ESM-only packages
// bundled into them (pdfkit's ESM build, our font lookup) resolve files from it.
const cjsMeta = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" } };
const esm = { ...common, format: 'esm', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };

await Promise.all([
  build({ ...esm, entryPoints: { 'cli/erikti': 'electron/cli/erikti.ts', 'cli/work': 'electron/cli/work.ts', 'host/web': 'electron/host/web.ts', 'host/core-worker': 'electron/worker/entry.ts', 'bench/run': 'test/bench/run.ts' }, outdir: 'dist' }),
  build({ ...common, ...cjsMeta, format: 'cjs', packages: undefined, entryPoints: { 'electron/main': 'electron/main/main.ts', 'electron/core-worker': 'electron/worker/entry.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist', external: ['electron', 'better-sqlite3'] }),
  build({ ...common, format: 'cjs', packages: undefined, minify: true, entryPoints: { 'electron/preload': 'electron/main/preload.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist', external: ['electron'] }),
]);

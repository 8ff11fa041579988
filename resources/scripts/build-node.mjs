// Bundles the Node-side entry points with esbuild. Dependencies stay external (installed in
// node_modules; better-sqlite3 is native). The Electron preload is CommonJS because sandboxed
// preloads cannot load ES modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', packages: 'external' };
const esm = { ...common, format: 'esm', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };

await Promise.all([
  build({ ...esm, entryPoints: { 'cli/erikti': 'electron/cli/erikti.ts', 'host/web': 'electron/host/web.ts', 'bench/run': 'test/bench/run.ts' }, outdir: 'dist' }),
  build({ ...common, format: 'cjs', entryPoints: { 'electron/main': 'electron/main/main.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist', external: ['electron'] }),
  build({ ...common, format: 'cjs', packages: undefined, entryPoints: { 'electron/preload': 'electron/main/preload.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist', external: ['electron'] }),
]);

// Lint rules carry the architecture: each runtime may import only what it is allowed to.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

// A later block's no-restricted-imports replaces an earlier one for the same file, so the
// narrower blocks below repeat their runtime's patterns.
const CORE = [
  { group: ['electron'], message: 'The core never imports Electron: it runs in the CLI and the web host too.' },
  { group: ['**/host/**', '**/cli/**', '**/main/**', '**/renderer/**'], message: 'The core does not depend on its transports or the renderer.' },
];
const RENDERER = [
  { group: ['electron', '**/electron/**', 'node:*', 'better-sqlite3'], message: 'The renderer talks to the core only through the contract.' },
];
/**
 * The data layers (db/, replication/) sit under every domain, so they may reach only each other
 * and shared/. Written against the import text: `up` is how many `../` lead from the folder to
 * electron/core/, so any other core folder reached from there is a domain (or app.ts).
 */
const dataLayer = (up) => ({
  regex: `^(\\.\\./){${up}}(?!db/|replication/|\\.\\./)`,
  message: 'db/ and replication/ import no domain: a domain declares itself to them instead.',
});

/**
 * Each domain (every other folder of electron/core/) stands on the data layers, context.ts and its
 * own files: app.ts composes the domains, so none imports it, and a domain's handlers are its
 * calls, not a library for the others (what two domains share lives in a module without handlers).
 */
const DOMAIN = [
  { regex: '^(\\.\\./)+app$', message: 'A domain does not import app.ts: depend on what context.ts declares instead.' },
  {
    regex: '^(\\.\\./)+[^./][^/]*/(.+/)?[^/]*handlers$',
    message: 'A domain does not import another domain’s handlers: move what they share to a module without handlers.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '.tmp-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/**', 'electron', '**/renderer/**', 'node:*', 'react', 'react-dom'], message: 'shared/ imports nothing of the other runtimes.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(CORE),
  },
  {
    // The worker runtime serves the web host and the desktop app alike: the core's rules apply to it too.
    files: ['electron/worker/**/*.ts'],
    rules: restrict(CORE),
  },
  {
    files: ['electron/core/*/**/*.ts'],
    ignores: ['electron/core/db/**', 'electron/core/replication/**'],
    rules: restrict([...CORE, ...DOMAIN]),
  },
  {
    // Every handler receives the context, so it names no domain: what it needs of one is an interface here.
    files: ['electron/core/context.ts'],
    rules: restrict([
      ...CORE,
      { regex: '^\\./(?!db/|replication/)', message: 'context.ts imports no domain: declare what it needs as an interface the domain implements.' },
    ]),
  },
  {
    files: ['electron/core/db/*.ts', 'electron/core/replication/*.ts'],
    rules: restrict([...CORE, dataLayer(1)]),
  },
  {
    files: ['electron/core/db/migrations/*.ts'],
    rules: restrict([...CORE, dataLayer(2)]),
  },
  {
    // Every domain reads and writes spreadsheets through spreadsheet/; it knows none of them.
    files: ['electron/core/spreadsheet/*.ts'],
    rules: restrict([...CORE, { regex: '^\\.\\./(?!\\.\\./)', message: 'spreadsheet/ imports no other part of the core: the domains use it.' }]),
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict([
      { group: ['electron'], message: 'The web host and CLI run without Electron.' },
      { group: ['**/main/**', '**/renderer/**'], message: 'Transports do not import each other or the renderer.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(RENDERER),
  },
  {
    // A feature is one folder; what two features share lives in renderer/app/ or renderer/ui/.
    files: ['renderer/features/*/*.{ts,tsx}'],
    rules: restrict([
      ...RENDERER,
      { regex: '^\\.\\./[^./]|/features/', message: 'Renderer features do not import each other: move what they share to renderer/app/ or renderer/ui/.' },
    ]),
  },
);

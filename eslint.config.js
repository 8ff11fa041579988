// Lint rules carry the architecture: each runtime may import only what it is allowed to.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', '.tmp-*/**'] },
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
    rules: restrict([
      { group: ['electron'], message: 'The core never imports Electron: it runs in the CLI and the web host too.' },
      { group: ['**/host/**', '**/cli/**', '**/main/**', '**/renderer/**'], message: 'The core does not depend on its transports or the renderer.' },
    ]),
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
    rules: restrict([
      { group: ['electron', '**/electron/**', 'node:*', 'better-sqlite3'], message: 'The renderer talks to the core only through the contract.' },
    ]),
  },
);

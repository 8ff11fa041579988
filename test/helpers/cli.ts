import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from '../../electron/core/dump/dump';
import { registerSqlFunctions } from '../../electron/core/db/functions';
import { TEST_PASSPHRASE, testCore } from './core-options';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_PATH = path.join(root, 'dist/cli/erikti.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** The environment the tool runs with: the test passphrase unless a test says otherwise (null: none). */
export function cliEnv(passphrase: string | null = TEST_PASSPHRASE): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ERIKTI_PASSPHRASE;
  return passphrase === null ? env : { ...env, ERIKTI_PASSPHRASE: passphrase };
}

/** Runs the built `erikti` tool as a user would (npm test builds it first); a seeded dump runs to megabytes. */
export function erikti(args: string[], stdin?: string, env: NodeJS.ProcessEnv = cliEnv()): CliResult {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run "npm run build" first`);
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], { input: stdin ?? '', encoding: 'utf8', cwd: root, env, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs it and parses its JSON output, failing loudly with its stderr otherwise. */
export function eriktiJson<T = unknown>(args: string[], stdin?: string, env?: NodeJS.ProcessEnv): T {
  const r = erikti(args, stdin, env);
  if (r.status !== 0) throw new Error(`erikti ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/**
 * Runs the built CLI and sends it `signal` after `ms` (SIGINT: Ctrl-C; SIGKILL: a power cut).
 * Answers how it ended: its exit code (null when the signal ended it) and what it said on stderr.
 */
export function eriktiStoppedAfter(args: string[], signal: 'SIGINT' | 'SIGKILL', ms: number): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: cliEnv() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on('close', (code, received) => {
      clearTimeout(timer);
      resolve({ killed: received === signal, code, stderr });
    });
  });
}

/** A database file's integrity check and its dump, read as a fresh process would. */
export function databaseState(file: string): { integrity: string; dump: string } {
  const db = new Database(file, { readonly: true });
  registerSqlFunctions(db); // as every connection of the app does: the integrity check evaluates the expression indexes
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  db.close();
  const core = testCore(file);
  try {
    return { integrity, dump: dump(core.db) };
  } finally {
    core.close();
  }
}

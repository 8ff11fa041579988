import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_PATH = path.join(root, 'dist/cli/erikti.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `erikti` tool as a user would (npm test builds it first). */
export function erikti(args: string[], stdin?: string): CliResult {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run "npm run build" first`);
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], { input: stdin ?? '', encoding: 'utf8', cwd: root });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs it and parses its JSON output, failing loudly with its stderr otherwise. */
export function eriktiJson<T = unknown>(args: string[], stdin?: string): T {
  const r = erikti(args, stdin);
  if (r.status !== 0) throw new Error(`erikti ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

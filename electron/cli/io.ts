import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../core/app';
import { readOffice } from '../core/office/identity';
import { cliCoreOptions } from './passphrase';

/** What every command of the tool shares: its input and output, and opening the office database. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  /**
   * The administrator passphrase (ERIKTI_PASSPHRASE), else when `ask` a prompt on a terminal
   * (`confirm`: it is being chosen, ask twice); null if there is none.
   */
  passphrase(ask: boolean, confirm: boolean): Promise<string | null>;
}

export interface Parsed {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

export class UsageError extends Error {}

export const json = (value: unknown) => `${JSON.stringify(value)}\n`;

export function need(options: Parsed['options'], name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError('--json is not valid JSON');
  }
}

export function integer(options: Parsed['options'], name: string, fallback?: number): number {
  const raw = options[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < 0) throw new UsageError(`--${name} needs a whole number`);
  return n;
}

/** Opens an existing office database; the CLI never creates one by accident (only `init` does). */
function openExisting(options: Parsed['options']): Core {
  const file = path.resolve(need(options, 'db'));
  if (!existsSync(file)) throw new UsageError(`no database at ${file} (create one with: erikti init --db FILE --office CODE)`);
  const core = createCore(file, cliCoreOptions());
  if (!readOffice(core.db)) {
    core.close();
    throw new UsageError(`${file} has no office yet (run: erikti init)`);
  }
  return core;
}

export function withOffice<T>(options: Parsed['options'], fn: (core: Core) => T): T {
  const core = openExisting(options);
  try {
    return fn(core);
  } finally {
    core.close();
  }
}

export type Command = (args: Parsed, io: Io) => Promise<void> | void;

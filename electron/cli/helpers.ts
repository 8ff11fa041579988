import { LANGS, type Lang } from '../../shared/i18n/translate';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CallError } from '../../shared/contract/errors';
import { createCore, type Core } from '../core/app';
import { readOffice } from '../core/office/identity';
import { cliCoreOptions } from './passphrase';

/**
 * What every command of the tool shares: its input and output, how it declares itself, reading
 * its options and opening the office database.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  /**
   * The administrator passphrase (ERIKTI_PASSPHRASE), else when `ask` a prompt on a terminal
   * (`confirm`: it is being chosen, ask twice); null if there is none.
   */
  passphrase(ask: boolean, confirm: boolean): Promise<string | null>;
  /** stderr is a terminal: long commands draw a progress line there (never when it is piped). */
  terminal?: boolean;
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

/**
 * Runs `fn` on the office database, for the exchange and key commands: their refusals carry an
 * English message that names the cause, and scripts get the key as well.
 */
export function withOfficeKeyed<T>(options: Parsed['options'], fn: (core: Core) => T): T {
  return withOffice(options, (core) => {
    try {
      return fn(core);
    } catch (error) {
      if (error instanceof CallError && /^error\.(bundle|keys|conflict|duplicates)\./.test(error.key)) {
        throw new Error(`${error.message} [${error.key}]`, { cause: error });
      }
      throw error;
    }
  });
}

/** The first positional names an existing file. */
/** The command's `index`-th word after its name, or a usage error naming what is missing. */
export function positional(args: Parsed, index: number, what: string, command: string): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(`${command} needs the ${what}`);
  return value;
}

/** `--lang kk|ru|en`, or the fallback. */
export function langOption(options: Parsed['options'], fallback: Lang): Lang {
  const value = options.lang ?? fallback;
  if (!(LANGS as readonly unknown[]).includes(value)) throw new UsageError('--lang must be kk, ru or en');
  return value as Lang;
}

export function existingFile(positionals: string[], what: string): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`${what} needs the file name`);
  const full = path.resolve(file);
  if (!existsSync(full)) throw new UsageError(`no file at ${full}`);
  return full;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value stands for in the usage text (FILE, CODE, N…). */
  value?: string;
  required?: boolean;
}

/** One command: the options it accepts (nothing else parses), its usage line and what it does. */
export interface CommandSpec {
  /** The positionals, as shown in the usage text. */
  args?: string;
  options: Record<string, OptionSpec>;
  /** A remark after the usage line. */
  note?: string;
  /** It uses the office's private keys, so it asks for the passphrase when none is set. */
  privateKeys?: boolean;
  run(args: Parsed, io: Io): Promise<void> | void;
}

export type Commands = Record<string, CommandSpec>;

/** Every command opens an office database named by --db. */
export const DB: Record<string, OptionSpec> = { db: { type: 'string', value: 'FILE', required: true } };

function usageOf(name: string, spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([option, o]) => {
    const text = o.type === 'boolean' ? `--${option}` : `--${option} ${o.value ?? 'TEXT'}`;
    return o.required ? text : `[${text}]`;
  });
  const line = [name, ...options, ...(spec.args ? [spec.args] : [])].join(' ');
  return `  ${line}${spec.note ? `   (${spec.note})` : ''}`;
}

/** The `--help` text, from the commands' own declarations. */
export function usage(commands: Commands): string {
  return ['usage: erikti <command> [options]', ...Object.entries(commands).map(([name, spec]) => usageOf(name, spec))].join('\n');
}

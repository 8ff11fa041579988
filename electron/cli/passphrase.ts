import type { CoreOptions } from '../core/app';
import { passphraseProtector, privateKeysError } from '../core/office/key-protection';

/** Commands that use the office's private keys: they ask for the passphrase when none is set. */
const NEEDS_PRIVATE_KEYS = new Set(['init', 'export', 'import', 'keys rotate', 'trust remove']);

/**
 * The core options of the command being run. One command runs per process, so this is set once
 * by runCli before the command and cleared after it, instead of being threaded through every
 * command's helper.
 */
let current: CoreOptions = {};

export function cliCoreOptions(): CoreOptions {
  return current;
}

/**
 * Where the administrator passphrase comes from: ERIKTI_PASSPHRASE, or (only for commands that
 * need the keys, and only on a terminal) a prompt. Commands that never touch the keys still take
 * the variable, so an older database's keys get sealed the first time it is there.
 */
export async function preparePassphrase(command: string, source: (ask: boolean, confirm: boolean) => Promise<string | null>): Promise<void> {
  const needed = NEEDS_PRIVATE_KEYS.has(command);
  const passphrase = await source(needed, command === 'init');
  if (!passphrase && needed) {
    throw privateKeysError('locked', 'This command needs the administrator passphrase: set ERIKTI_PASSPHRASE or run it in a terminal');
  }
  current = passphrase ? { keyProtector: passphraseProtector(passphrase) } : {};
}

export function forgetPassphrase(): void {
  current = {};
}

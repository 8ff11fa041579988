import type { CoreOptions } from '../core/app';
import { passphraseProtector, privateKeysError } from '../core/office/key-protection';

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
 * need the keys, and only on a terminal) a prompt; `choosing` (init) asks twice. Commands that never touch the keys still take
 * the variable, so an older database's keys get sealed the first time it is there.
 */
export async function preparePassphrase(
  command: { needed: boolean; choosing: boolean },
  source: (ask: boolean, confirm: boolean) => Promise<string | null>,
): Promise<void> {
  const { needed } = command;
  const passphrase = await source(needed, command.choosing);
  if (!passphrase && needed) {
    throw privateKeysError('locked', 'This command needs the administrator passphrase: set ERIKTI_PASSPHRASE or run it in a terminal');
  }
  current = passphrase ? { keyProtector: passphraseProtector(passphrase) } : {};
}

export function forgetPassphrase(): void {
  current = {};
}

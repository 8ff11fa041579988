import type { SafeStorage } from 'electron';
import { passphraseProtector, type KeyProtector } from '../core/office/key-protection';

type Store = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * The desktop app protects the office's private keys with the operating system's key store
 * through Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, the desktop keyring on
 * Linux). safeStorage encrypts strings, so the bytes travel as base64. Linux without a keyring
 * falls back to a fixed, publicly known key ("basic_text"): that protects nothing, so it is not used.
 */
export function safeStorageProtector(store: Store, platform = process.platform): KeyProtector | null {
  if (!store.isEncryptionAvailable()) return null;
  if (platform === 'linux' && store.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: 'os',
    protect: (data) => store.encryptString(Buffer.from(data).toString('base64')),
    unprotect: (data) => Buffer.from(store.decryptString(Buffer.from(data)), 'base64'),
  };
}

/** The system key store where it protects something; else ERIKTI_PASSPHRASE; else none (the keys stay locked). */
export function desktopKeyProtector(store: Store, env: NodeJS.ProcessEnv = process.env, platform = process.platform): KeyProtector | undefined {
  const passphrase = env.ERIKTI_PASSPHRASE;
  return safeStorageProtector(store, platform) ?? (passphrase ? passphraseProtector(passphrase) : undefined);
}

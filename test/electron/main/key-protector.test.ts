import { describe, expect, it } from 'vitest';
import { desktopKeyProtector, safeStorageProtector } from '../../../electron/main/key-protector';
import { app, resetStandIn, safeStorage } from './electron-stand-in';

function readyStore() {
  resetStandIn();
  app.ready = true;
  return safeStorage;
}

describe('the desktop app’s key protector', () => {
  it('protects through safeStorage and gets the same bytes back', () => {
    const store = readyStore();
    const protector = safeStorageProtector(store, 'win32')!;
    expect(protector.kind).toBe('os');
    const secret = Buffer.from([0, 1, 2, 250, 255, 7]);
    const sealed = protector.protect(secret);
    expect(store.encryptString).toHaveBeenCalledWith(secret.toString('base64'));
    expect(Buffer.from(sealed).includes(secret)).toBe(false);
    expect(Buffer.from(protector.unprotect(sealed))).toEqual(secret);
    expect(() => protector.unprotect(Buffer.from('not from this store'))).toThrow();
  });

  it('does not count Linux’s keyring-less fallback (a fixed key) or an unavailable store as protection', () => {
    const store = readyStore();
    store.backend = 'basic_text';
    expect(safeStorageProtector(store, 'linux')).toBeNull();
    expect(safeStorageProtector(store, 'win32')).not.toBeNull();
    store.available = false;
    expect(safeStorageProtector(store, 'win32')).toBeNull();
  });

  it('falls back to ERIKTI_PASSPHRASE, else to none (the keys stay locked)', () => {
    const store = readyStore();
    store.available = false;
    expect(desktopKeyProtector(store, { ERIKTI_PASSPHRASE: 'a long passphrase' }, 'linux')?.kind).toBe('passphrase');
    expect(desktopKeyProtector(store, {}, 'linux')).toBeUndefined();
    store.available = true;
    expect(desktopKeyProtector(store, { ERIKTI_PASSPHRASE: 'a long passphrase' }, 'win32')?.kind).toBe('os');
  });
});

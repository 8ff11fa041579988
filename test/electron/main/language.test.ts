import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_CHANNEL } from '../../../electron/main/channels';
import { readSavedLanguage, registerLanguage } from '../../../electron/main/language';
import { tempDir } from './temp-dir';

type Listener = (event: { senderFrame: { url: string } | null }, lang: unknown) => void;

/** An ipcMain stand-in that keeps `on` listeners by channel. */
function ipcStandIn() {
  const listeners = new Map<string, Listener>();
  return { on: (channel: string, listener: Listener) => listeners.set(channel, listener), send: (channel: string, url: string | null, lang: unknown) => listeners.get(channel)?.({ senderFrame: url ? { url } : null }, lang) };
}

const APP = 'app://erikti/index.html';

describe('the language chosen in the app, for the menu and the startup error', () => {
  it('is saved and handed on when our page sends a language the app has', () => {
    const dir = tempDir();
    const ipc = ipcStandIn();
    const changed = vi.fn();
    registerLanguage(ipc as never, dir, changed);
    expect(readSavedLanguage(dir)).toBeNull();
    ipc.send(LANGUAGE_CHANNEL, APP, 'kk');
    expect(changed).toHaveBeenCalledWith('kk');
    expect(readSavedLanguage(dir)).toBe('kk');
  });

  it('ignores another page, a language the app does not have, and a damaged file', () => {
    const dir = tempDir();
    const ipc = ipcStandIn();
    const changed = vi.fn();
    registerLanguage(ipc as never, dir, changed);
    ipc.send(LANGUAGE_CHANNEL, 'https://evil.example/', 'en');
    ipc.send(LANGUAGE_CHANNEL, null, 'en');
    ipc.send(LANGUAGE_CHANNEL, APP, 'de');
    ipc.send(LANGUAGE_CHANNEL, APP, { toString: () => 'kk' });
    expect(changed).not.toHaveBeenCalled();
    expect(readSavedLanguage(dir)).toBeNull();
    writeFileSync(path.join(dir, 'language.json'), '{"lang": "kk"');
    expect(readSavedLanguage(dir)).toBeNull();
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './electron-stand-in';
import { CALL_NAMES } from '../../../shared/contract';

vi.mock('electron', () => import('./electron-stand-in'));

type Api = Record<string, (input?: unknown, session?: string | null, callId?: string) => Promise<unknown>>;

describe('preload', () => {
  let api: Api;

  beforeAll(async () => {
    await import('../../../electron/main/preload');
    api = contextBridge.exposed.get('erikti') as Api;
  });

  it('exposes only `erikti`, `eriktiFiles`, `eriktiProgress` and `eriktiApp`, with exactly one function per contract call', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['erikti', 'eriktiFiles', 'eriktiProgress', 'eriktiApp']);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(typeof api[name]).toBe('function');
    // No generic door: nothing named like an invoker, and the object cannot be extended.
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('exposes `eriktiApp.setLanguage`, which only sends the chosen language on its channel', () => {
    const desktop = contextBridge.exposed.get('eriktiApp') as { setLanguage(lang: string): void };
    expect(Object.keys(desktop)).toEqual(['setLanguage']);
    expect(Object.isFrozen(desktop)).toBe(true);
    desktop.setLanguage('kk');
    expect(ipcRenderer.send).toHaveBeenCalledExactlyOnceWith('erikti-app:language', 'kk');
  });

  it('invokes each call on its own channel with the input and the session', async () => {
    for (const name of CALL_NAMES) {
      ipcRenderer.invoke.mockClear();
      await api[name]?.({ probe: name }, 'session-token');
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`erikti:${name}`, { probe: name }, 'session-token');
    }
  });

  it('passes a callId when one is given, on the call’s own channel', async () => {
    ipcRenderer.invoke.mockClear();
    await api['roster.import']?.({ probe: 1 }, 'session-token', 'call-7');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('erikti:roster.import', { probe: 1 }, 'session-token', 'call-7');
  });

  it('exposes `eriktiProgress`: progress reports by callId without the IPC event, unsubscribing, and cancel on its channel', async () => {
    const progress = contextBridge.exposed.get('eriktiProgress') as {
      cancel(callId: string): Promise<void>;
      onProgress(listener: (callId: string, report: unknown) => void): () => void;
    };
    expect(Object.keys(progress).sort()).toEqual(['cancel', 'onProgress']);
    expect(Object.isFrozen(progress)).toBe(true);
    const heard: unknown[][] = [];
    const stop = progress.onProgress((...args) => heard.push(args));
    const report = { phase: 'writing', done: 1, total: 2 };
    ipcRenderer.emit('erikti-progress', { sender: 'the IPC event' }, 'call-7', report);
    stop();
    ipcRenderer.emit('erikti-progress', {}, 'call-7', report);
    expect(heard).toEqual([['call-7', report]]);
    ipcRenderer.invoke.mockClear();
    await expect(progress.cancel('call-7')).resolves.toBeUndefined();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('erikti-progress:cancel', 'call-7');
  });

  it('sends a null session when none is given', async () => {
    ipcRenderer.invoke.mockClear();
    await api['app.status']?.({});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('erikti:app.status', {}, null);
  });

  it('exposes `eriktiFiles` with exactly the two dialog functions and saving a generated file, frozen', () => {
    const files = contextBridge.exposed.get('eriktiFiles') as Record<string, unknown>;
    expect(Object.keys(files).sort()).toEqual(['openBundle', 'saveBundle', 'saveFile']);
    expect(typeof files.openBundle).toBe('function');
    expect(typeof files.saveBundle).toBe('function');
    expect(Object.isFrozen(files)).toBe(true);
  });

  it('invokes the dialogs on their own channels', async () => {
    const files = contextBridge.exposed.get('eriktiFiles') as {
      openBundle(): Promise<unknown>;
      saveBundle(name: string): Promise<unknown>;
      saveFile(file: object, options?: { open?: boolean }): Promise<unknown>;
    };
    ipcRenderer.invoke.mockClear();
    await files.openBundle();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('erikti-files:openBundle');
    ipcRenderer.invoke.mockClear();
    await files.saveBundle('erikti-KZ-19-to-KZ.erikti');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('erikti-files:saveBundle', 'erikti-KZ-19-to-KZ.erikti');
    ipcRenderer.invoke.mockClear();
    // Only the file's own fields travel, whatever else the page put on the object.
    await files.saveFile({ fileName: 'a.pdf', mime: 'application/pdf', base64: 'JVBERg==', extra: 1 }, { open: true });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('erikti-files:saveFile', { fileName: 'a.pdf', mime: 'application/pdf', base64: 'JVBERg==', open: true });
  });
});

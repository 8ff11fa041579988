import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, ipcMain, resetStandIn } from './electron-stand-in';
import { tempDir } from './temp-dir';
import { registerDialogs } from '../../../electron/main/dialogs';
import { ADMIN } from '../../helpers/temp-db';
import { exportTo, offices, person } from '../core/exchange/helpers';

vi.mock('electron', () => import('./electron-stand-in'));

const APP_FRAME = { senderFrame: { url: 'app://erikti/index.html' } };
type Picked = { token: string; name: string } | null;

function invoke(channel: string, event: object, ...args: unknown[]): Promise<Picked> {
  const handler = ipcMain.handlers.get(channel) as ((event: object, ...args: unknown[]) => Promise<Picked>) | undefined;
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}
const openBundle = (event: object = APP_FRAME) => invoke('erikti-files:openBundle', event);
const saveBundle = (name: unknown, event: object = APP_FRAME) => invoke('erikti-files:saveBundle', event, name);

describe('bundle file dialogs', () => {
  let window: BrowserWindow | null;

  beforeEach(() => {
    resetStandIn();
    window = new BrowserWindow({});
    registerDialogs(ipcMain as never, dialog as never, () => window as never);
  });

  it('registers exactly the two dialog channels', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['erikti-files:openBundle', 'erikti-files:saveBundle']);
  });

  it('save gives a token exchange.export writes to, and open a token exchange.preview reads', async () => {
    const [almaty, centre] = offices('KZ-19', 'KZ');
    almaty!.callAs(ADMIN, 'volunteers.create', person('Сейітов', 'Асқар'));
    const dir = tempDir();
    const file = path.join(dir, 'chosen by user.erikti');

    dialog.savePath = file;
    const saved = await saveBundle('erikti-KZ-19-to-KZ-2026-11-23.erikti');
    expect(saved).toEqual({ token: expect.any(String), name: 'chosen by user.erikti' });
    expect(JSON.stringify(saved)).not.toContain(dir);
    // Shown over the app window, starting from the suggested name, offering only bundle files.
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({ defaultPath: 'erikti-KZ-19-to-KZ-2026-11-23.erikti', filters: [{ name: 'Erikti', extensions: ['erikti'] }] }),
    );

    const exported = almaty!.callAs(ADMIN, 'exchange.export', { to: 'KZ', target: { token: saved!.token } });
    expect(exported.base64).toBeUndefined();
    expect(exported.rows).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(true);
    // A write token is used once.
    expect(() => almaty!.callAs(ADMIN, 'exchange.export', { to: 'KZ', target: { token: saved!.token } })).toThrow();

    dialog.openPath = file;
    const opened = await openBundle();
    expect(opened).toEqual({ token: expect.any(String), name: 'chosen by user.erikti' });
    expect(JSON.stringify(opened)).not.toContain(dir);
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({ filters: [{ name: 'Erikti', extensions: ['erikti'] }], properties: ['openFile'] }),
    );
    const preview = centre!.callAs(ADMIN, 'exchange.preview', { source: { token: opened!.token } });
    expect(preview).toMatchObject({ dryRun: true, from: { office: 'KZ-19' }, rows: exported.rows });
    // A read token survives the preview, so the same choice can then be imported.
    const imported = centre!.callAs(ADMIN, 'exchange.import', { source: { token: opened!.token } });
    expect(imported).toMatchObject({ dryRun: false, rows: exported.rows });
  });

  it('opens a bundle written by the core helpers', async () => {
    const [almaty, centre] = offices('KZ-19', 'KZ');
    almaty!.callAs(ADMIN, 'volunteers.create', person('Иванов', 'Иван'));
    const file = path.join(tempDir(), 'from-usb.erikti');
    writeFileSync(file, exportTo(almaty!, 'KZ'));
    dialog.openPath = file;
    const opened = await openBundle();
    expect(opened?.name).toBe('from-usb.erikti');
    expect(centre!.callAs(ADMIN, 'exchange.preview', { source: { token: opened!.token } }).rows).toBe(1);
  });

  it('returns null when a dialog is cancelled', async () => {
    expect(await openBundle()).toBeNull();
    expect(await saveBundle('bundle.erikti')).toBeNull();
  });

  it('shows the dialogs without a parent when there is no window', async () => {
    window = null;
    await openBundle();
    await saveBundle('bundle.erikti');
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ properties: ['openFile'] }));
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ defaultPath: 'bundle.erikti' }));
  });

  it('refuses calls from any frame that is not the app page, without showing a dialog', async () => {
    dialog.openPath = '/tmp/x.erikti';
    dialog.savePath = '/tmp/x.erikti';
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: { url: 'app://erikti.evil/' } }, { senderFrame: null }]) {
      await expect(openBundle(event)).rejects.toThrow('forbidden');
      await expect(saveBundle('bundle.erikti', event)).rejects.toThrow('forbidden');
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a suggested name that is not a plain bundle file name', async () => {
    dialog.savePath = '/tmp/x.erikti';
    const bad = ['../evil.erikti', '/etc/evil.erikti', 'dir/b.erikti', 'C:\\b.erikti', 'bundle.exe', 'bundle', '.erikti', 'a b.erikti', `${'a'.repeat(121)}.erikti`, '', 42, null, undefined, { name: 'b.erikti' }];
    for (const name of bad) await expect(saveBundle(name)).rejects.toThrow('invalid file name');
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

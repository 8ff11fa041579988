import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standInEvent } from './electron-stand-in';
import { tempDir } from './temp-dir';
import type { Envelope } from '../../../shared/contract';
import { coreWorkerFile } from '../../helpers/core-worker';

vi.mock('electron', () => import('./electron-stand-in'));
// The entry starts the core's worker from its bundle; from the sources, a test bundle of it.
vi.mock('../../../electron/main/worker-file', async () => ({ CORE_WORKER_FILE: await coreWorkerFile() }));

type StandIn = typeof import('./electron-stand-in');
const MAIN = '../../../electron/main/main';
const MAIN_DIR = fileURLToPath(new URL('../../../electron/main', import.meta.url));
const APP_FRAME = { senderFrame: { url: 'app://erikti/index.html' } };

/**
 * Loads the entry in a fresh module registry (it acts on import, as an Electron entry does),
 * with a fresh stand-in configured beforehand.
 */
async function start(configure: (electron: StandIn) => void = () => {}): Promise<StandIn> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as StandIn;
  electron.resetStandIn();
  configure(electron);
  await import(MAIN);
  return electron;
}

async function startReady(userDataDir: string): Promise<StandIn> {
  const electron = await start((e) => (e.app.userDataDir = userDataDir));
  // The workers start first (a few seconds on a busy machine).
  await vi.waitFor(() => expect(electron.BrowserWindow.all).toHaveLength(1), { timeout: 30_000 });
  return electron;
}

const appStatus = (electron: StandIn) =>
  (electron.ipcMain.handlers.get('erikti:app.status') as (event: object, input: unknown) => Promise<Envelope<unknown>>)(APP_FRAME, {});

describe('Electron entry', () => {
  let running: StandIn | null = null;
  afterEach(async () => {
    // Closes the core the way quitting does (and waits for its workers), so the temp folder can be removed.
    if (running) {
      const electron = running;
      electron.app.emit('will-quit', standInEvent());
      await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 20_000 });
    }
    running = null;
  });

  it('sets up scheme, sandbox and guards before ready, then opens the office database and the window', async () => {
    const userData = tempDir();
    const electron = (running = await startReady(userData));
    expect(electron.protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(existsSync(path.join(userData, 'erikti.sqlite'))).toBe(true);
    expect(electron.protocol.handlers.has('app')).toBe(true);
    expect(electron.ipcMain.handlers.has('erikti-files:openBundle')).toBe(true);
    expect(electron.ipcMain.handlers.has('erikti-files:saveBundle')).toBe(true);
    expect(electron.ipcMain.handlers.has('erikti-files:saveFile')).toBe(true);
    expect(electron.Menu.applied).not.toBeNull();
    expect(electron.session.defaultSession.requestHandler).not.toBeNull();

    const [window] = electron.BrowserWindow.all;
    expect(window?.loadedUrl).toBe('app://erikti/index.html');
    const { preload } = window?.options.webPreferences as { preload: string };
    expect(preload).toBe(path.join(MAIN_DIR, 'preload.cjs'));
    // The guards were installed before the window existed, so they cover it.
    expect(window?.webContents.navigate('https://example.org/')).toBe(true);
  });

  it('answers the contract over IPC from the real core and its SQLite file', async () => {
    const electron = (running = await startReady(tempDir()));
    expect(await appStatus(electron)).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
  });

  it('protects the office’s private keys with the system key store (safeStorage)', async () => {
    const userData = tempDir();
    const electron = (running = await startReady(userData));
    const setup = electron.ipcMain.handlers.get('erikti:app.setup') as (event: object, input: unknown) => Promise<Envelope<unknown>>;
    expect(await setup(APP_FRAME, { officeCode: 'KZ-75', login: 'admin', displayName: 'Admin', password: 'long enough' })).toMatchObject({ ok: true });
    expect(electron.safeStorage.encryptString).toHaveBeenCalledTimes(1);
    const db = new Database(path.join(userData, 'erikti.sqlite'), { readonly: true });
    const record = JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'private_keys_kek'").pluck().get() as string) as { by: string };
    db.close();
    expect(record.by).toBe('os');
  });

  it('brings the existing window forward on a second launch', async () => {
    const electron = (running = await startReady(tempDir()));
    const [window] = electron.BrowserWindow.all;
    window?.minimize();
    electron.app.emit('second-instance', standInEvent(), ['erikti'], '/');
    expect(window?.isMinimized()).toBe(false);
    expect(window?.visible).toBe(true);
    expect(window?.focused).toBe(true);
    expect(electron.BrowserWindow.all).toHaveLength(1);
  });

  it('quits when the last window closes, and closes the database on quit', async () => {
    const userData = tempDir();
    const electron = await startReady(userData);
    electron.app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(electron.app.quit).toHaveBeenCalled();
    const wal = path.join(userData, 'erikti.sqlite-wal');
    expect(existsSync(wal)).toBe(true);
    electron.app.quit.mockClear();
    const quitting = standInEvent();
    electron.app.emit('will-quit', quitting);
    // Quitting waits for the workers: closing the last connection checkpoints the WAL into the database and removes it.
    expect(quitting.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 20_000 });
    expect(existsSync(wal)).toBe(false);
  });

  it('quits at once and touches nothing when another instance holds the lock', async () => {
    const electron = await start((e) => (e.app.lockAvailable = false));
    await electron.app.whenReady();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.protocol.privileged).toEqual([]);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.BrowserWindow.all).toHaveLength(0);
  });

  it('tells the user and exits when the database cannot be opened', async () => {
    const userData = tempDir();
    // A folder where the database file should be: SQLite cannot open it.
    mkdirSync(path.join(userData, 'erikti.sqlite'));
    const electron = await start((e) => (e.app.userDataDir = userData));
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1), { timeout: 30_000 });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Erikti', expect.stringContaining('could not be opened'));
    expect(electron.BrowserWindow.all).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('says the database could not be opened in the system’s language', async () => {
    const userData = tempDir();
    mkdirSync(path.join(userData, 'erikti.sqlite'));
    const electron = await start((e) => Object.assign(e.app, { userDataDir: userData, locale: 'ru-RU' }));
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1), { timeout: 30_000 });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Erikti', expect.stringContaining('Не удалось открыть базу данных офиса.'));
  });
});

import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { scheduleMaintenance } from '../worker/maintenance';
import { startCoreRouter, type CoreRouter } from '../worker/router';
import { registerDialogs } from './dialogs';
import { denyAllPermissions, installWebContentsGuards } from './hardening';
import { registerIpc } from './ipc';
import { desktopKeyProtector } from './key-protector';
import { readSavedLanguage, registerLanguage } from './language';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerFileSaving } from './save-file';
import { mainTexts } from './texts';
import { createMainWindow } from './window';
import { CORE_WORKER_FILE } from './worker-file';

/**
 * The Electron entry, bundled to dist/electron/main.cjs: the preload sits next to it and the
 * built renderer in dist/renderer, so both are found relative to this bundle.
 */
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '../renderer');

let core: CoreRouter | null = null;
let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  mainWindow = createMainWindow(PRELOAD_PATH);
  mainWindow.on('closed', () => (mainWindow = null));
}

/** A second launch (a double-clicked icon) brings the running window forward instead. */
function focusExistingWindow(): void {
  if (!mainWindow) {
    if (app.isReady()) openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function onReady(): Promise<void> {
  try {
    // The core runs in worker threads (electron/worker); this thread stays free for windows and
    // menus. safeStorage is usable only once the app is ready, which it is here; it stays on this
    // thread, and the writer worker asks it to open the keys (see key-channel.ts).
    core = await startCoreRouter({
      dbFile: path.join(app.getPath('userData'), 'erikti.sqlite'),
      workerFile: CORE_WORKER_FILE,
      keyProtector: desktopKeyProtector(safeStorage),
    });
  } catch (error) {
    // A database from a newer version, a locked or unreadable file: say so instead of a blank window.
    dialog.showErrorBox('Erikti', `${mainTexts(app, readSavedLanguage(app.getPath('userData')))('main.databaseFailed')}\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
    return;
  }
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, RENDERER_DIR);
  const running = core;
  scheduleMaintenance(running, (message, error) => console.error(message, error));
  registerIpc(ipcMain, running);
  registerDialogs(ipcMain, dialog, () => mainWindow, (file, mode) => running.issueFileToken(file, mode));
  registerFileSaving(ipcMain, dialog, shell, () => mainWindow);
  // The menu speaks the language chosen in the app, and follows it when the user switches.
  installMenu(app, readSavedLanguage(app.getPath('userData')));
  registerLanguage(ipcMain, app.getPath('userData'), (lang) => installMenu(app, lang));
  openWindow();
}

/** Quitting waits for the workers to close their connections: that checkpoints the WAL into the database file. */
function closeCore(event: { preventDefault(): void }): void {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void closing.close().finally(() => app.quit());
}

/**
 * Two processes writing the same office database would fight over it, so only one instance
 * runs. Everything else is set up only by the instance that holds the lock.
 */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Before ready: the scheme's privileges and the sandbox for every renderer are fixed at startup.
  registerAppScheme(protocol);
  app.enableSandbox();
  installWebContentsGuards(app);
  app.on('second-instance', focusExistingWindow);
  app.on('window-all-closed', () => {
    // macOS keeps apps running without windows; elsewhere closing the window is quitting.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && core) openWindow();
  });
  app.on('will-quit', closeCore);
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Erikti failed to start', error);
      app.exit(1);
    });
}

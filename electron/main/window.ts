import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';

/**
 * The main window. The renderer runs sandboxed and isolated with no Node; its only way to the
 * core is the preload's contract API. Navigation and new windows are refused by hardening.ts,
 * which covers every webContents, this one included.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Erikti',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click would otherwise fire `auxclick`, a way around the refused new windows.
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the app page', error));
  return window;
}

import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-url';

/**
 * Rules for every web page Electron creates, not only our main window: installed through
 * `web-contents-created`, so a future window or a stray frame cannot be forgotten.
 * The app is offline by design (personal data stays on the machine), so nothing leaves the
 * app:// origin: no navigation away, no new windows, no <webview>.
 */
export function guardWebContents(contents: WebContents): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call before any window exists. */
export function installWebContentsGuards(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** Camera, location, notifications and the like: the app needs none, so every request is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, session, standInEvent, WebContentsStandIn } from './electron-stand-in';
import { denyAllPermissions, installWebContentsGuards } from '../../../electron/main/hardening';
import { createMainWindow } from '../../../electron/main/window';

vi.mock('electron', () => import('./electron-stand-in'));

describe('main window', () => {
  beforeEach(() => {
    app.removeAllListeners();
    BrowserWindow.all.length = 0;
    installWebContentsGuards(app as never);
  });

  const open = () => createMainWindow('/bundle/preload.cjs') as unknown as BrowserWindow;

  it('runs the page isolated, sandboxed, without Node and without auxclick (Electronegativity AUXCLICK_JS_CHECK)', () => {
    expect(open().options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      preload: '/bundle/preload.cjs',
    });
  });

  it('loads the app page from the custom protocol and shows it only once painted', () => {
    const window = open();
    expect(window.loadedUrl).toBe('app://erikti/index.html');
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('refuses navigation and redirects away from the app origin', () => {
    const { webContents } = open();
    expect(webContents.navigate('https://example.org/')).toBe(true);
    expect(webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(webContents.navigate('app://erikti.evil.example/')).toBe(true);
    expect(webContents.navigate('app://evil@erikti/')).toBe(true);
    expect(webContents.navigate('https://example.org/', 'will-redirect')).toBe(true);
    expect(webContents.navigate('app://erikti/index.html')).toBe(false);
  });

  it('denies every new window', () => {
    const { webContents } = open();
    expect(webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'app://erikti/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses <webview> in any webContents, not only the main window', () => {
    const other = new WebContentsStandIn();
    app.emit('web-contents-created', standInEvent(), other);
    const attach = standInEvent();
    other.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
    expect(other.navigate('https://example.org/')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', () => {
    denyAllPermissions(session.defaultSession as never);
    const callback = vi.fn();
    session.defaultSession.requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.defaultSession.checkHandler?.({}, 'notifications')).toBe(false);
  });
});

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { app, Menu } from './electron-stand-in';
import { installMenu, menuTemplate } from '../../../electron/main/menu';

vi.mock('electron', () => import('./electron-stand-in'));

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('application menu', () => {
  it('offers reload and developer tools only in development', () => {
    expect(roles(menuTemplate({ isPackaged: false }, 'linux'))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const packaged = roles(menuTemplate({ isPackaged: true }, 'linux'));
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).not.toContain('toggleDevTools');
  });

  it('has File → Quit, the edit roles and Help → About', () => {
    const [file, edit, , help] = menuTemplate({ isPackaged: true }, 'win32');
    expect(roles([file!])).toEqual(['quit']);
    expect(roles([edit!])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles([help!])).toEqual(['help', 'about']);
  });

  it('adds the application menu on macOS only', () => {
    expect(menuTemplate({ isPackaged: true }, 'darwin')[0]?.role).toBe('appMenu');
    expect(roles(menuTemplate({ isPackaged: true }, 'linux'))).not.toContain('appMenu');
  });

  it('installs the menu and shows the version in About', () => {
    installMenu(app as never);
    expect(Menu.applied?.template.length).toBeGreaterThan(0);
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(expect.objectContaining({ applicationName: 'Erikti', applicationVersion: '0.1.0' }));
  });
});

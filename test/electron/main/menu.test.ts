import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { app, Menu } from './electron-stand-in';
import { installMenu, menuTemplate } from '../../../electron/main/menu';
import { mainTexts } from '../../../electron/main/texts';

vi.mock('electron', () => import('./electron-stand-in'));

const english = mainTexts({ getLocale: () => 'en-US' });

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('application menu', () => {
  it('offers reload and developer tools only in development', () => {
    expect(roles(menuTemplate({ isPackaged: false }, english, 'linux'))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const packaged = roles(menuTemplate({ isPackaged: true }, english, 'linux'));
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).not.toContain('toggleDevTools');
  });

  it('has File → Quit, the edit roles and Help → About', () => {
    const [file, edit, , help] = menuTemplate({ isPackaged: true }, english, 'win32');
    expect(roles([file!])).toEqual(['quit']);
    expect(roles([edit!])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles([help!])).toEqual(['help', 'about']);
  });

  it('adds the application menu on macOS only', () => {
    expect(menuTemplate({ isPackaged: true }, english, 'darwin')[0]?.role).toBe('appMenu');
    expect(roles(menuTemplate({ isPackaged: true }, english, 'linux'))).not.toContain('appMenu');
  });

  it('labels every menu and item in the system’s language, kk, ru or en', () => {
    const labels = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) => [...(item.label ? [item.label] : []), ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);
    const kazakh = labels(menuTemplate({ isPackaged: true }, mainTexts({ getLocale: () => 'kk-KZ' }), 'win32'));
    expect(kazakh.slice(0, 4)).toEqual(['Файл', 'Шығу', 'Түзету', 'Болдырмау']);
    expect(kazakh).toContain('Erikti туралы');
    const russian = labels(menuTemplate({ isPackaged: true }, mainTexts({ getLocale: () => 'ru' }), 'win32'));
    expect(russian).toEqual(expect.arrayContaining(['Правка', 'Вид', 'Справка', 'Копировать', 'Во весь экран']));
    // Every item that is not a separator has a label: none is left to Electron's English.
    const unlabelled = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [...(item.type !== 'separator' && item.role !== 'appMenu' && !item.label ? [item] : []), ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : [])]);
    expect(unlabelled(menuTemplate({ isPackaged: false }, english, 'darwin'))).toEqual([]);
  });

  it('installs the menu in the system’s language and shows the version in About', () => {
    app.locale = 'kk';
    installMenu(app as never);
    expect((Menu.applied?.template as MenuItemConstructorOptions[])[0]?.label).toBe('Файл');
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(expect.objectContaining({ applicationName: 'Erikti', applicationVersion: '0.1.0' }));
  });
});

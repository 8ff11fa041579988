import { Menu, type App, type MenuItemConstructorOptions } from 'electron';
import { mainTexts, type MainText } from './texts';

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/**
 * A small application menu built from Electron roles (their actions and shortcuts), labelled in
 * kk / ru / en like the rest of the app: Electron leaves role labels in English outside macOS.
 * Reload and developer tools exist only in development: in the packaged app a stray Ctrl+R must
 * not drop a half-filled form, and devtools would open the page to anyone.
 */
export function menuTemplate(app: Pick<App, 'isPackaged'>, text: MainText, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const item = (role: Role, key: string): MenuItemConstructorOptions => ({ role, label: text(`menu.${key}`) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const development = !app.isPackaged;
  const view: MenuItemConstructorOptions[] = [
    ...(development ? [item('reload', 'reload'), item('toggleDevTools', 'devTools'), separator] : []),
    // Zoom stays in every build: offices have old screens and tired eyes.
    item('resetZoom', 'resetZoom'),
    item('zoomIn', 'zoomIn'),
    item('zoomOut', 'zoomOut'),
    separator,
    item('togglefullscreen', 'fullScreen'),
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: text('menu.file'), submenu: [item('quit', 'quit')] },
    {
      label: text('menu.edit'),
      submenu: [item('undo', 'undo'), item('redo', 'redo'), separator, item('cut', 'cut'), item('copy', 'copy'), item('paste', 'paste'), item('selectAll', 'selectAll')],
    },
    { label: text('menu.view'), submenu: view },
    // The about panel shows the name and version set in installMenu.
    { role: 'help', label: text('menu.help'), submenu: [item('about', 'about')] },
  ];
}

/** Installs (or relabels) the menu; `saved` is the language chosen in the app, when known. */
export function installMenu(app: Pick<App, 'isPackaged' | 'getVersion' | 'setAboutPanelOptions' | 'getLocale'>, saved?: string | null): void {
  app.setAboutPanelOptions({ applicationName: 'Erikti', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app, mainTexts(app, saved))));
}

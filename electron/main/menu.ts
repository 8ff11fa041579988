import { Menu, type App, type MenuItemConstructorOptions } from 'electron';

/**
 * A small application menu built from Electron roles, whose labels and shortcuts the operating
 * system localizes. Reload and developer tools exist only in development: in the packaged app a
 * stray Ctrl+R must not drop a half-filled form, and devtools would open the page to anyone.
 */
export function menuTemplate(app: Pick<App, 'isPackaged'>, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const development = !app.isPackaged;
  const view: MenuItemConstructorOptions[] = [
    ...(development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
    // Zoom stays in every build: offices have old screens and tired eyes.
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: 'View', submenu: view },
    // The about panel shows the name and version set in installMenu.
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}

export function installMenu(app: Pick<App, 'isPackaged' | 'getVersion' | 'setAboutPanelOptions'>): void {
  app.setAboutPanelOptions({ applicationName: 'Erikti', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app)));
}

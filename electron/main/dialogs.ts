import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { issueFileToken } from '../core/exchange/files';
import { FILES_CHANNELS, type PickedFile } from './channels';
import { fromAppPage } from './ipc';

/** A suggested save name: a plain base name (no folder, no `..`) ending in `.erikti`. */
const SUGGESTED_NAME = /^[\w.-]{1,120}\.erikti$/;
const BUNDLE_FILTERS = [{ name: 'Erikti', extensions: ['erikti'] }];

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/**
 * The open and save dialogs for exchange bundles. The user picks the file in a native dialog
 * shown by the main process; the path is registered with the core and only an opaque token and
 * the base name (for display) go back to the page. A call from any other frame, or a suggested
 * name that is not a plain bundle file name, is refused (the invoke rejects).
 */
export function registerDialogs(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialog: DialogApi,
  getWindow: () => BaseWindow | null,
  // The app passes the worker runtime's, so the core in the writer worker knows the token.
  issueToken: (file: string, mode: 'read' | 'write') => string = issueFileToken,
): void {
  const picked = (file: string, mode: 'read' | 'write'): PickedFile => ({ token: issueToken(file, mode), name: path.basename(file) });

  ipcMain.handle(FILES_CHANNELS.openBundle, async (event: IpcMainInvokeEvent): Promise<PickedFile> => {
    if (!fromAppPage(event)) throw new Error('forbidden');
    const options = { filters: BUNDLE_FILTERS, properties: ['openFile' as const] };
    const window = getWindow();
    const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
    const [file] = result.filePaths;
    return result.canceled || !file ? null : picked(file, 'read');
  });

  ipcMain.handle(FILES_CHANNELS.saveBundle, async (event: IpcMainInvokeEvent, suggested: unknown): Promise<PickedFile> => {
    if (!fromAppPage(event)) throw new Error('forbidden');
    if (typeof suggested !== 'string' || !SUGGESTED_NAME.test(suggested)) throw new Error('invalid file name');
    const options = { defaultPath: suggested, filters: BUNDLE_FILTERS, properties: ['showOverwriteConfirmation' as const] };
    const window = getWindow();
    const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    return result.canceled || !result.filePath ? null : picked(result.filePath, 'write');
  });
}

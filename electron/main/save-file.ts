import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { fileKindOf, SAVEABLE_NAME } from '../../shared/contract/files';
import { writeAtomically } from '../core/files/atomic-file';
import { FILES_CHANNELS, type SavedFile } from './channels';
import { fromAppPage } from './ipc';

/** Bytes a generated file may have: far above a 1,000-certificate PDF or a national roster export. */
export const SAVE_MAX_BYTES = 256 * 1024 * 1024;

const FILTERS = { pdf: { name: 'PDF', extensions: ['pdf'] }, xlsx: { name: 'Excel', extensions: ['xlsx'] }, csv: { name: 'CSV', extensions: ['csv'] },
  jpg: { name: 'JPEG', extensions: ['jpg', 'jpeg'] }, png: { name: 'PNG', extensions: ['png'] } };

const request = z.strictObject({
  fileName: z.string().regex(SAVEABLE_NAME),
  mime: z.string().max(100),
  base64: z
    .string()
    .max(Math.ceil(SAVE_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  open: z.boolean().default(false),
});

type SaveDialogApi = Pick<Dialog, 'showSaveDialog'>;

/**
 * Hands a file the core generated (a PDF, a roster export) to the user in the desktop app: the
 * native save dialog, starting from the suggested name and offering only its kind; the file
 * appears whole or not at all (`core/files/atomic-file.ts`). With `open`, the saved file then
 * opens in the system's viewer (a PDF to read or print). The page learns the base name it was saved as, never the path; null when cancelled.
 */
export function registerFileSaving(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialog: SaveDialogApi,
  shell: Pick<Shell, 'openPath'>,
  getWindow: () => BaseWindow | null,
): void {
  ipcMain.handle(FILES_CHANNELS.saveFile, async (event: IpcMainInvokeEvent, input: unknown): Promise<SavedFile> => {
    if (!fromAppPage(event)) throw new Error('forbidden');
    const parsed = request.safeParse(input);
    if (!parsed.success) throw new Error('invalid file');
    const { fileName, base64, open } = parsed.data;
    const options = {
      defaultPath: fileName,
      filters: [FILTERS[fileKindOf(fileName)!]],
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const window = getWindow();
    const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    if (result.canceled || !result.filePath) return null;
    const target = result.filePath;
    // Synchronous, as every file Erikti writes: a generated file is a few megabytes at most in practice.
    const bytes = Buffer.from(base64, 'base64');
    writeAtomically(target, (file) => file.write(bytes));
    // openPath answers with an error text, empty on success; the file is saved either way.
    const opened = open ? (await shell.openPath(target)) === '' : false;
    return { name: path.basename(target), opened };
  });
}

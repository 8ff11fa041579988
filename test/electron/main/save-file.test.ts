import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, ipcMain, resetStandIn, shell } from './electron-stand-in';
import { tempDir } from './temp-dir';
import { registerFileSaving } from '../../../electron/main/save-file';
import { attendanceSheet } from '../../../electron/core/documents/attendance';
import { generatedFile } from '../../../electron/core/documents/file';

vi.mock('electron', () => import('./electron-stand-in'));

const APP_FRAME = { senderFrame: { url: 'app://erikti/index.html' } };
type Saved = { name: string; opened: boolean } | null;

function saveFile(input: unknown, event: object = APP_FRAME): Promise<Saved> {
  const handler = ipcMain.handlers.get('erikti-files:saveFile') as ((event: object, input: unknown) => Promise<Saved>) | undefined;
  if (!handler) throw new Error('no handler for erikti-files:saveFile');
  return handler(event, input);
}

async function sheet() {
  const bytes = attendanceSheet(
    {
      office: 'Алматы облысы еріктілер кеңсесі',
      programTitle: 'Алғашқы көмек',
      sessionDates: { start: '2026-12-01', end: '2026-12-01' },
      place: 'Қонаев',
      trainers: [],
      rows: [{ lastName: 'Әбдіқадырова', firstName: 'Гүлнұр' }],
      printedOn: '2026-11-27',
    },
    'kk',
  );
  return { bytes, file: generatedFile('attendance-2026-12-01.pdf', bytes) };
}

describe('saving a generated file in the desktop app', () => {
  let window: BrowserWindow | null;

  beforeEach(() => {
    resetStandIn();
    window = new BrowserWindow({});
    registerFileSaving(ipcMain as never, dialog as never, shell as never, () => window as never);
  });

  it('writes the PDF the core made where the user chose, as the same bytes, and tells only the base name', async () => {
    const { bytes, file } = await sheet();
    expect(file.mime).toBe('application/pdf');
    const dir = tempDir();
    dialog.savePath = path.join(dir, 'парақ 1.pdf');

    const saved = await saveFile(file);
    expect(saved).toEqual({ name: 'парақ 1.pdf', opened: false });
    expect(readFileSync(dialog.savePath).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['парақ 1.pdf']);
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({ defaultPath: 'attendance-2026-12-01.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('opens the saved file in the system viewer when asked, and says when it could not', async () => {
    const { file } = await sheet();
    dialog.savePath = path.join(tempDir(), 'sheet.pdf');
    expect(await saveFile({ ...file, open: true })).toEqual({ name: 'sheet.pdf', opened: true });
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(dialog.savePath);

    shell.openError = 'No application is associated with the specified file';
    expect(await saveFile({ ...file, open: true })).toEqual({ name: 'sheet.pdf', opened: false });
    expect(existsSync(dialog.savePath)).toBe(true);
  });

  it('writes nothing when the user cancels', async () => {
    const { file } = await sheet();
    dialog.savePath = null;
    expect(await saveFile({ ...file, open: true })).toBeNull();
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('leaves nothing half-written when the file cannot be written', async () => {
    const { file } = await sheet();
    const dir = tempDir();
    mkdirSync(path.join(dir, 'taken.pdf'));
    dialog.savePath = path.join(dir, 'taken.pdf');
    await expect(saveFile(file)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken.pdf']);
  });

  it('refuses other frames and anything but a plain name of a generated kind with base64 bytes, before any dialog', async () => {
    const { file } = await sheet();
    dialog.savePath = path.join(tempDir(), 'x.pdf');
    await expect(saveFile(file, { senderFrame: { url: 'https://example.com/' } })).rejects.toThrow('forbidden');
    for (const fileName of ['../up.pdf', 'dir/a.pdf', 'C:\\a.pdf', '.hidden.pdf', 'run.exe', 'a.pdf.exe', 'a.erikti', 'bell\u0007.pdf', '']) {
      await expect(saveFile({ ...file, fileName }), fileName).rejects.toThrow('invalid file');
    }
    await expect(saveFile({ ...file, base64: 'not base64!' })).rejects.toThrow('invalid file');
    await expect(saveFile({ ...file, path: '/etc/passwd' })).rejects.toThrow('invalid file');
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('offers a spreadsheet as a spreadsheet', async () => {
    dialog.savePath = path.join(tempDir(), 'roster.xlsx');
    const file = generatedFile('erikti-roster.xlsx', Buffer.from('PK'));
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await saveFile(file);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] }));
  });
});

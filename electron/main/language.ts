import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainEvent } from 'electron';
import { LANGS, type Lang } from '../../shared/i18n/translate';
import { LANGUAGE_CHANNEL } from './channels';
import { fromAppPage } from './ipc';

/**
 * The language chosen in the app, kept where the main process can read it: the page keeps its
 * choice in its own storage, which the main process cannot see, and the menu and the startup
 * error (shown before any page) must speak the same language as the screens.
 */
const FILE = 'language.json';

const isLang = (value: unknown): value is Lang => (LANGS as readonly unknown[]).includes(value);

/** The saved choice, or null when there is none (first run, an unreadable or foreign file). */
export function readSavedLanguage(dir: string): Lang | null {
  try {
    const saved: unknown = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8'));
    const lang = typeof saved === 'object' && saved !== null ? (saved as { lang?: unknown }).lang : null;
    return isLang(lang) ? lang : null;
  } catch {
    return null;
  }
}

/**
 * Hears the page's language choice (only from our own page, only a language the app has), saves
 * it, and tells `onChange` (which relabels the menu). A failed save keeps the choice for this run.
 */
export function registerLanguage(ipcMain: Pick<IpcMain, 'on'>, dir: string, onChange: (lang: Lang) => void): void {
  ipcMain.on(LANGUAGE_CHANNEL, (event: Pick<IpcMainEvent, 'senderFrame'>, lang: unknown) => {
    if (!fromAppPage(event) || !isLang(lang)) return;
    try {
      writeFileSync(path.join(dir, FILE), JSON.stringify({ lang }));
    } catch {
      // A read-only profile folder: the menu still changes now, the next start follows the system.
    }
    onChange(lang);
  });
}

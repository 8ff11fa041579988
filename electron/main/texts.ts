import type { App } from 'electron';
import { LANGS, translate, type Lang, type Params } from '../../shared/i18n/translate';

/** What the main process shows before (or without) the page: the menu, a startup failure. */
export type MainText = (key: string, params?: Params) => string;

/** The page's own default when nothing tells us better; most offices work in Russian or Kazakh. */
const DEFAULT_LANG: Lang = 'ru';

/** "kk", "kk-KZ", "ru-RU", "en-GB" → the app's language; anything else → the default. */
export function langOfLocale(locale: string): Lang {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : DEFAULT_LANG;
}

/**
 * The main process's texts in the user's language: the language chosen in the app (the page
 * reports it, language.ts saves it), else the operating system's.
 */
export function mainTexts(app: Pick<App, 'getLocale'>, saved?: string | null): MainText {
  const lang = saved && (LANGS as readonly string[]).includes(saved) ? (saved as Lang) : langOfLocale(app.getLocale());
  return (key, params) => translate(lang, key, params);
}

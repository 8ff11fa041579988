import en from './en.json' with { type: 'json' };
import kk from './kk.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

/**
 * The one translation function of the core and the command line, reading the same resources the
 * renderer gives i18next, with i18next's rules: `{{name}}` and `{{count, number}}` interpolation,
 * plural forms chosen by Intl.PluralRules (`key_one`, `key_few`, `key_many`, `key_other`),
 * Russian as the fallback language and the key itself when no language has it.
 */

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Params = Record<string, string | number>;

type Tree = { [key: string]: string | Tree };

/** The bundles as i18next's `resources` option expects them (one `translation` namespace). */
export const RESOURCES = {
  kk: { translation: kk },
  ru: { translation: ru },
  en: { translation: en },
} as const;

const TREES: Record<Lang, Tree> = { kk: kk as Tree, ru: ru as Tree, en: en as Tree };
export const FALLBACK_LANG: Lang = 'ru';

/** The text at a dotted key in one language, as written (no fallback, no parameters); undefined when it has none. */
export function textAt(lang: Lang, key: string): string | undefined {
  let node: string | Tree | undefined = TREES[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function template(lang: Lang, key: string, count: number | undefined): string | undefined {
  const candidates = count === undefined ? [key] : [`${key}_${new Intl.PluralRules(lang).select(count)}`, `${key}_other`, key];
  for (const candidate of candidates) {
    const text = textAt(lang, candidate);
    if (text !== undefined) return text;
  }
  return undefined;
}

function format(lang: Lang, value: string | number | undefined, formatName: string | undefined): string {
  if (value === undefined) return '';
  if (formatName === 'number' && typeof value === 'number') return new Intl.NumberFormat(lang).format(value);
  return String(value);
}

/** A key's text in `lang` with its parameters filled in. */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const count = typeof params.count === 'number' ? params.count : undefined;
  const text = template(lang, key, count) ?? template(FALLBACK_LANG, key, count) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (_m, name: string, formatName?: string) => format(lang, params[name], formatName));
}

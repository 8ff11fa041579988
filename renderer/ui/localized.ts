import type { Lang } from '../app/i18n';

type Localized = { kk: string | null; ru: string | null; en: string | null };

/** Where a title is missing in the reader's language: the other languages, Russian first (most offices write it). */
const FALLBACK: readonly Lang[] = ['ru', 'kk', 'en'];

/** A kk / ru / en title in the reader's language, or in another when it was not written in theirs. */
export function localizedText(value: Localized | null | undefined, lang: Lang): string {
  if (!value) return '';
  for (const l of [lang, ...FALLBACK]) {
    const text = value[l]?.trim();
    if (text) return text;
  }
  return '';
}

/** A number typed in a form: '' is no value (null), text that is not a number goes on as text so the schema names it. */
export function numberForInput(text: string): number | string | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A stored number back into a form's text. */
export const numberText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

import i18next from 'i18next';
import type { Lang } from '../../../shared/i18n/translate';

/** An item's name in the reader's language: Kazakh for kk, else Russian, else whichever there is. */
export function itemName(name: { kk: string; ru: string }, lang: Lang): string {
  const [first, second] = lang === 'kk' ? [name.kk, name.ru] : [name.ru, name.kk];
  return first.trim() || second.trim();
}

/** Units offered when adding an item; any other typed on the command line is shown as written. */
export const UNITS = ['pcs', 'l', 'kg', 'pack', 'set'] as const;

/** A unit in the reader's language (`vocab.unit.*`), or as written. */
export const unitLabel = (t: (key: string, options?: { defaultValue: string }) => string, unit: string) => t(`vocab.unit.${unit}`, { defaultValue: unit });

/**
 * A count with its unit ("2,5 л"; pieces need no unit), in the reader's language: Kazakh and
 * Russian write a decimal comma, English a point, as hours are shown (formatHours).
 */
export function withUnit(n: number, unit: string, lang: string = i18next.language): string {
  // `|| 0`: a sum rounding to nothing from below is 0, not "-0".
  const count = new Intl.NumberFormat(lang === 'en' ? 'en' : 'ru', { maximumFractionDigits: 3, useGrouping: false }).format(Math.round(n * 1000) / 1000 || 0);
  return `${count}${unit && unit !== 'pcs' ? ` ${unit}` : ''}`;
}

/** A count with its unit in the reader's language ("12 л"). */
export const countIn = (t: (key: string, options?: { defaultValue: string }) => string, n: number, unit: string) => withUnit(n, unit === 'pcs' ? unit : unitLabel(t, unit));

/**
 * A typed count: a decimal comma is read as a point (Russian and Kazakh keyboards give a comma),
 * and spaces are thousands separators ("1 000", also the no-break ones a copied figure carries).
 * Empty or not a number gives NaN, which the core refuses as a count naming the field (an empty
 * request must not quietly clear the need, as Number('') = 0 would).
 */
export function parseCount(typed: string): number {
  const t = typed.replace(/\s/g, '').replace(',', '.');
  return t === '' ? NaN : Number(t);
}

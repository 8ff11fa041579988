import { dateText } from './date-text';
import type { ReportColumn, ReportNote } from '../contract/reports';
import { translate, type Lang } from '../i18n/translate';
import { regionName } from './regions';

/**
 * How a report's values read, the same on screen, in the .xlsx and in the PDF: vocabulary keys
 * in words, region codes as names, shares as percentages, dates as on paper. Numbers are grouped
 * the way each language writes them (Kazakh and Russian: a space and a decimal comma).
 */

const LOCALE: Record<Lang, string> = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, fractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: fractionDigits }).format(value);
}

/** A share 0..1 as a percentage number (85.3), the form the .xlsx keeps under a "…, %" header. */
export const percentOf = (share: number) => Math.round(share * 1000) / 10;

/** The header of a report column. */
export const columnLabel = (key: string, lang: Lang) => translate(lang, `reports.column.${key}`);

/** The name of a report. */
export const reportTitle = (name: string, lang: Lang) => translate(lang, `reports.name.${name}`);

const VOCAB: Partial<Record<ReportColumn['type'], string>> = {
  category: 'vocab.eventCategory', sex: 'vocab.sex', area: 'vocab.area', ageGroup: 'reports.ageGroup',
};

/** A cell as text. Empty groups (no region, no category) read "not given"; an erased person's name reads so. */
export function cellText(column: ReportColumn, value: string | number | null, lang: Lang, row?: Record<string, unknown>): string {
  if (column.key === 'name' && row?.erased === 1) return translate(lang, 'reports.erasedPerson');
  if (value === null || value === '') return ['number', 'hours', 'rate', 'iin', 'date', 'text'].includes(column.type) ? '' : translate(lang, 'reports.none');
  switch (column.type) {
    case 'number':
    case 'hours':
      return typeof value === 'number' ? formatNumber(value, lang) : String(value);
    case 'rate':
      return typeof value === 'number' ? `${formatNumber(percentOf(value), lang, 1)} %` : String(value);
    case 'region':
      return regionName(String(value), lang);
    case 'date':
      return dateText(String(value));
    case 'month': {
      const m = /^(\d{4})-(\d{2})$/.exec(String(value));
      return m ? `${m[2]}.${m[1]}` : String(value);
    }
    case 'categories':
      return String(value).split(',').map((c) => translate(lang, `vocab.eventCategory.${c}`)).join(', ');
    default: {
      const vocab = VOCAB[column.type];
      return vocab ? translate(lang, `${vocab}.${String(value)}`) : String(value);
    }
  }
}

/**
 * A note in words: the regions it lists (codes joined by ', ' for scripts, `staleNote` in
 * electron/core/reports/freshness.ts) named in the reader's language.
 */
export function noteText(note: ReportNote, lang: Lang): string {
  const regions = note.params?.regions;
  const params = typeof regions === 'string' ? { ...note.params, regions: regions.split(', ').map((code) => regionName(code, lang)).join(', ') } : note.params;
  return translate(lang, note.key, params);
}

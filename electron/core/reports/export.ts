import { dateText } from '../../../shared/domain/date-text';
import type { ReportResult } from '../../../shared/contract/reports';
import { regionName } from '../../../shared/domain/regions';
import { cellText, columnLabel, noteText, percentOf, reportTitle } from '../../../shared/domain/report-format';
import { translate, type Lang } from '../../../shared/i18n/translate';
import { kazakhstanToday, PrintedDocument } from '../documents/layout';
import type { OutCell } from '../spreadsheet/sheet';
import { writeSheet } from '../spreadsheet/write';

/**
 * A report as a file: .xlsx (numbers stay numbers, shares as percentages under a "…, %" header,
 * a totals row) or an A4 landscape PDF (the app's fonts and table layout, totals and notes below).
 * Both carry the same figures as the screen.
 */

/** The .xlsx header: a share column says it holds percentages (the PDF writes "%" in each cell). */
function header(report: ReportResult, key: string, lang: Lang): string {
  const column = report.columns.find((c) => c.key === key)!;
  return column.type === 'rate' ? `${columnLabel(key, lang)}, %` : columnLabel(key, lang);
}

function sheetCell(report: ReportResult, key: string, row: Record<string, string | number | null>, lang: Lang): OutCell {
  const column = report.columns.find((c) => c.key === key)!;
  const value = row[key] ?? null;
  if (typeof value === 'number' && ['number', 'hours', 'rate'].includes(column.type)) return { number: column.type === 'rate' ? percentOf(value) : value };
  if (column.type === 'iin') return value === null ? null : { id: String(value) };
  const text = cellText(column, value, lang, row);
  return text === '' ? null : { text };
}

/** The totals as one line of text: "Hours: 1 234,5 · Verified hours: …". */
function totalsLine(report: ReportResult, lang: Lang): string {
  return Object.entries(report.totals)
    .filter(([, v]) => v !== null)
    .map(([key, v]) => {
      const column = report.columns.find((c) => c.key === key) ?? { key, type: 'number' as const };
      return `${translate(lang, `reports.total.${key}`)}: ${cellText(column, v, lang)}`;
    })
    .join(' · ');
}

const periodLine = (report: ReportResult) => `${dateText(report.from)} – ${dateText(report.to)}`;

export function reportWorkbook(report: ReportResult, lang: Lang): Uint8Array {
  const keys = report.columns.map((c) => c.key);
  const rows = report.rows.map((row) => keys.map((key) => sheetCell(report, key, row, lang)));
  // A totals row under the columns that have a total; the first column says what it is.
  const totalsRow = keys.map((key, i): OutCell => {
    const total = report.totals[key];
    if (typeof total === 'number') return sheetCell(report, key, { [key]: total }, lang);
    return i === 0 ? { text: translate(lang, 'reports.totalRow') } : null;
  });
  const name = reportTitle(report.name, lang).slice(0, 31).replace(/[\\/?*[\]:]/g, ' ');
  return writeSheet({ name, headers: keys.map((key) => header(report, key, lang)), rows: [...rows, totalsRow] }, 'xlsx');
}

export function reportPdf(report: ReportResult, lang: Lang, office: string, now: Date): Buffer {
  const title = reportTitle(report.name, lang);
  const doc = new PrintedDocument({ lang, title, printedOn: kazakhstanToday(now), author: office, layout: report.columns.length > 5 ? 'landscape' : 'portrait' });
  doc.titleBlock({
    office,
    title,
    lines: [
      { label: translate(lang, 'reports.period'), value: periodLine(report) },
      { label: translate(lang, 'reports.region'), value: report.region ? regionName(report.region, lang) : translate(lang, 'reports.allRegions') },
    ],
  });
  doc.table({
    numbered: true,
    columns: report.columns.map((c) => ({
      key: c.key,
      header: columnLabel(c.key, lang),
      width: ['text', 'group', 'categories'].includes(c.type) ? 3 : ['iin', 'region', 'category', 'area', 'ageGroup'].includes(c.type) ? 2 : 1.4,
      align: ['number', 'hours', 'rate'].includes(c.type) ? 'right' : 'left',
    })),
    rows: report.rows.map((row) => Object.fromEntries(report.columns.map((c) => [c.key, cellText(c, row[c.key] ?? null, lang, row)]))),
  });
  doc.paragraph('');
  doc.paragraph(totalsLine(report, lang), { bold: true });
  for (const note of report.notes) doc.paragraph(noteText(note, lang));
  return doc.finish();
}

import { writeCsv } from './csv';
import type { OutSheet } from './sheet';
import { writeXlsx } from './xlsx-write';

type SheetFormat = 'xlsx' | 'csv';

/**
 * One sheet as a file a person opens in Excel: .xlsx (bold frozen header, dates as dates,
 * identifiers as text) or CSV (UTF-8 with BOM, semicolons). Either way every value is data: text
 * that starts like a formula gets an apostrophe, which unneutralise() (formulas.ts) takes off on reading.
 */
export function writeSheet(sheet: OutSheet, format: SheetFormat): Uint8Array {
  return format === 'csv' ? writeCsv(sheet.headers, sheet.rows) : writeXlsx(sheet);
}

import { writeCsv } from './csv';
import type { ProgressPhase } from '../../../shared/contract/progress';
import type { OutCell, OutSheet } from './sheet';
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

/**
 * writeSheet for a long export: `collecting` counts the rows as the writer takes them (each is
 * read and laid out then, so a cancel stops it within a row), and `rendering` is the packing of
 * the file at the end (one step: the zip's deflate is a single native call with nothing to count).
 */
export function writeSheetWithProgress(
  sheet: OutSheet & { total: number },
  format: SheetFormat,
  progress: (phase: ProgressPhase, done: number, total: number) => void,
): Uint8Array {
  const { total, ...rest } = sheet;
  function* counted(): Generator<OutCell[]> {
    let done = 0;
    for (const row of sheet.rows) {
      progress('collecting', done++, total);
      yield row;
    }
    progress('collecting', total, total);
    progress('rendering', 0, 1);
  }
  const bytes = writeSheet({ ...rest, rows: counted() }, format);
  progress('rendering', 1, 1);
  return bytes;
}

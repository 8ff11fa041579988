import { ROSTER_LIMITS, type RosterSheet } from '../../../shared/contract/roster';
import { SpreadsheetError } from '../spreadsheet/errors';
import { cellText, columnLetter, type Cell, type SheetData } from '../spreadsheet/sheet';
import { guessMapping, headerScore } from './guess';
import { cleanText } from './text';

/** How far down a header may sit (title rows, a logo, an empty line above it). */
const HEADER_SEARCH_ROWS = 30;
const SAMPLE_ROWS = 5;

interface DataRow {
  /** 1-based, as the spreadsheet numbers it. */
  number: number;
  cells: Cell[];
}

export interface Table {
  /** 1-based header row, null for an empty sheet. */
  headerRow: number | null;
  /** Header text per column index ('' for a column without a header). */
  headers: string[];
  /** Columns that hold a header or any value. */
  columns: number[];
  rows: DataRow[];
}

const blank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cleanText(cell) === '');

/** A header row's text with merged cells spread over every column (and row) they cover. */
function headerTexts(sheet: SheetData, rowIndex: number): string[] {
  const row = sheet.rows[rowIndex] ?? [];
  const out: string[] = [];
  for (let c = 0; c < row.length; c++) out[c] = cleanText(cellText(row[c]));
  for (const m of sheet.merges) {
    if (rowIndex < m.top || rowIndex > m.bottom) continue;
    const text = cleanText(cellText(sheet.rows[m.top]?.[m.left]));
    if (!text) continue;
    for (let c = m.left; c <= m.right; c++) if (!out[c]) out[c] = text;
  }
  for (let c = 0; c < out.length; c++) out[c] ??= '';
  return out;
}

function detectHeader(sheet: SheetData): number | null {
  let best: number | null = null;
  let bestScore = 0;
  let firstWide: number | null = null;
  let firstAny: number | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const texts = headerTexts(sheet, r);
    const filled = texts.filter((t) => t !== '').length;
    if (filled === 0) continue;
    firstAny ??= r;
    if (filled >= 2 && firstWide === null) firstWide = r;
    const score = headerScore(texts);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  // One recognised word is weak evidence (a data cell may read «Примечание»): then the first row
  // with several filled cells is the header, as a title row above it usually has one.
  if (bestScore >= 2) return best;
  return firstWide ?? best ?? firstAny;
}

/** Finds the header (or takes the one the user chose) and the data rows below it. */
export function readTable(sheet: SheetData, headerRowOverride?: number): Table {
  const headerIndex = headerRowOverride !== undefined ? headerRowOverride - 1 : detectHeader(sheet);
  if (headerIndex === null) return { headerRow: null, headers: [], columns: [], rows: [] };
  const headers = headerTexts(sheet, headerIndex);
  // A header merged down over several rows covers them: data starts below the merge.
  let dataStart = headerIndex + 1;
  for (const m of sheet.merges) if (m.top <= headerIndex && m.bottom >= dataStart) dataStart = m.bottom + 1;

  const rows: DataRow[] = [];
  let width = headers.length;
  for (let r = dataStart; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every(blank)) continue;
    rows.push({ number: r + 1, cells });
    if (rows.length > ROSTER_LIMITS.rows) throw new SpreadsheetError('error.roster.tooManyRows', { limit: ROSTER_LIMITS.rows });
    width = Math.max(width, cells.length);
  }
  width = Math.min(width, ROSTER_LIMITS.columns);
  const columns: number[] = [];
  for (let c = 0; c < width; c++) {
    headers[c] ??= '';
    if (headers[c] !== '' || rows.some((row) => !blank(row.cells[c]))) columns.push(c);
  }
  headers.length = width;
  return { headerRow: headerIndex + 1, headers, columns, rows };
}

/** The header a problem points at: the column's header text, or its letter when it has none. */
export function columnName(table: Table, index: number): string {
  return table.headers[index] || columnLetter(index);
}

/** What the wizard shows of a sheet: header, columns, the guessed mapping and a few rows. */
export function describeSheet(sheet: SheetData, index: number): RosterSheet {
  const table = readTable(sheet);
  const valuesByColumn: Cell[][] = table.headers.map((_h, c) => table.rows.slice(0, 50).map((r) => r.cells[c] ?? null));
  const guessed = guessMapping(table.headers, valuesByColumn);
  return {
    index,
    name: sheet.name,
    hidden: sheet.hidden,
    rows: table.rows.length,
    headerRow: table.headerRow,
    columns: table.columns.map((c) => ({ index: c, letter: columnLetter(c), header: table.headers[c] ?? '' })),
    mapping: table.headers.map((_h, c) => guessed[c] ?? null),
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => table.headers.map((_h, c) => cleanText(cellText(r.cells[c])))),
  };
}

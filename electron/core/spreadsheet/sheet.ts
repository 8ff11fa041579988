/**
 * A spreadsheet as the core sees it: what a reader makes of any file (.xlsx or .csv), what a
 * writer takes, the limits a read stays within, and the cell arithmetic both share.
 */

/** A cell Excel shows as a date (a serial number with a date format, or a real date). */
interface DateCell {
  date: string; // YYYY-MM-DD
}

export type Cell = string | number | boolean | DateCell | null;

/** 0-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  hidden: boolean;
  /** Sparse: rows[r][c], 0-based; a missing row or cell is blank. */
  rows: (Cell[] | undefined)[];
  merges: CellRange[];
}

export interface WorkbookData {
  format: 'xlsx' | 'csv';
  /** For CSV: the text encoding it was read in. */
  encoding: string | null;
  sheets: SheetData[];
}

/** What a read may take before it stops with a message naming the limit (see ROSTER_LIMITS for the roster's). */
export interface ReadLimits {
  /** Largest file accepted. */
  fileBytes: number;
  /** Bytes an .xlsx may inflate to, counted as they come out. */
  expandedBytes: number;
  /** Rows in one sheet (a reader allows 1000 more, for title rows and blank lines). */
  rows: number;
  /** Columns with values in one sheet. */
  columns: number;
  /** Filled cells in one file, and texts in its shared-strings table. */
  cells: number;
  /** Characters in one cell. */
  cellChars: number;
  /** Merged ranges in one sheet. */
  merges: number;
  /** Sheets in one workbook. */
  sheets: number;
}

/**
 * A cell to write: text, an identifier kept as text (IIN, phone: shown as typed, never turned into
 * a number or a formula), a date (YYYY-MM-DD, shown as dd.mm.yyyy) or a number; null is blank.
 */
export type OutCell = { text: string } | { id: string } | { date: string } | { number: number } | null;

/** One sheet to write: a header row, then typed rows. */
export interface OutSheet {
  name: string;
  headers: string[];
  /** Any iterable: an export streams its rows rather than holding them all as cells. */
  rows: Iterable<OutCell[]>;
  /** Column widths in characters (.xlsx only); guessed from the first rows when absent. */
  widths?: number[];
}

export const isDateCell = (cell: Cell): cell is DateCell => typeof cell === 'object' && cell !== null;

/** A cell read from a file as a cell to write, so rows read can be written back (a file's rejected rows). */
export function outCellOf(cell: Cell | undefined): OutCell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return { text: cell };
  if (typeof cell === 'number') return { number: cell };
  if (typeof cell === 'boolean') return { text: cell ? 'TRUE' : 'FALSE' };
  return isDateCell(cell) ? { date: cell.date } : null;
}

/** Column index (0-based) to Excel's letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "AB12" → { row: 11, col: 27 } (0-based); "$AB$12" too. Read by hand: it runs for every cell. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const len = ref.length;
  let i = 0;
  if (ref.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersStart = i;
  for (; i < len; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsStart = i;
  for (; i < len; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  const digits = i - digitsStart;
  if (digits < 1 || digits > 7 || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

const DAY_MS = 86_400_000;

/** Excel's serial day number to YYYY-MM-DD (the 1900 system with its fictitious 29 Feb 1900, or 1904). */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  let days = serial + (date1904 ? 1462 : 0);
  // Round to the minute first: a time of 23:59:59.999 stored as a float is the next day's midnight.
  days = Math.floor(Math.round(days * 1440) / 1440);
  if (days < 1 || days > 2_958_465) return null;
  const offset = days < 61 ? 25568 : 25569; // serials 1–59 precede Excel's non-existent 29 Feb 1900
  const date = new Date((days - offset) * DAY_MS);
  return date.toISOString().slice(0, 10);
}

export function isoToSerial(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return ms / DAY_MS + 25569;
}

/** A cell as the text a person sees in it (dates as dd.mm.yyyy, whole numbers without ".0"). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  const [y, m, d] = cell.date.split('-');
  return `${d}.${m}.${y}`;
}

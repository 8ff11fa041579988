import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { SpreadsheetError } from './errors';
import { neutralise } from './formulas';
import { Pieces } from './pieces';
import type { Cell, OutCell, ReadLimits, SheetData } from './sheet';

/**
 * Decodes CSV text: a BOM decides; otherwise strict UTF-8, and Windows-1251 (what Excel in a
 * Russian or Kazakh Windows saves "CSV" as) when the bytes are not valid UTF-8.
 */
function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1251'), encoding: 'windows-1251' };
  }
}

const DELIMITERS = [';', ',', '\t', '|'];
/** Room for the ten rows Papa's delimiter guess reads, in any real file. */
const GUESS_CHARS = 64 * 1024;

/**
 * Papa guesses the delimiter by parsing ten rows with each candidate. Given only the start of
 * the text, a file that is one endless quoted "row" is not read four extra times.
 */
function guessDelimiter(text: string): string {
  return Papa.parse<string[]>(text.slice(0, GUESS_CHARS), { delimitersToGuess: DELIMITERS, preview: 10 }).meta.delimiter || ',';
}

/**
 * Reads CSV row by row, so a limit stops it as soon as it is passed. Trailing empty fields do not
 * count as columns (many programs end every line with a delimiter).
 */
export function readCsv(bytes: Uint8Array, name: string, limits: ReadLimits): { sheet: SheetData; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  // Text in the encoding its BOM claims has no NULs; binary data that happens to start like a BOM has.
  if (text.includes('\u0000')) throw new SpreadsheetError('error.roster.notSpreadsheet');
  const rows: (Cell[] | undefined)[] = [];
  let cells = 0;
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
    step: ({ data: fields }) => {
      if (rows.length >= limits.rows + 1000) throw new SpreadsheetError('error.roster.tooManyRows', { limit: limits.rows });
      let width = Array.isArray(fields) ? fields.length : 0;
      while (width > 0 && fields[width - 1]!.trim() === '') width--;
      if (width === 0) {
        rows.push(undefined);
        return;
      }
      if (width > limits.columns) throw new SpreadsheetError('error.roster.tooManyColumns', { limit: limits.columns, sheet: name });
      cells += width;
      if (cells > limits.cells) throw new SpreadsheetError('error.roster.tooManyCells', { limit: limits.cells });
      rows.push(fields.slice(0, width).map((f) => (f === '' ? null : f)));
    },
  });
  return { sheet: { name, hidden: false, rows, merges: [] }, encoding };
}

function csvField(cell: OutCell): string {
  if (!cell) return '';
  if ('text' in cell) return neutralise(cell.text);
  if ('id' in cell) return neutralise(cell.id);
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-');
    return `${d}.${m}.${y}`;
  }
  return String(cell.number);
}

const csvQuote = (field: string) => (/[;"\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * CSV for Excel in Kazakhstan: UTF-8 with a BOM (so Cyrillic opens right) and semicolons (the
 * list separator of Russian and Kazakh Windows), every formula-like value neutralised.
 */
export function writeCsv(headers: string[], rows: Iterable<OutCell[]>): Uint8Array {
  const out = new Pieces();
  out.add(`\ufeff${headers.map((h) => csvQuote(neutralise(h))).join(';')}\r\n`);
  for (const row of rows) out.add(`${headers.map((_h, c) => csvQuote(csvField(row[c] ?? null))).join(';')}\r\n`);
  return out.bytes();
}

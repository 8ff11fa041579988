import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { ROSTER_LIMITS, type RosterLimits } from '../../../shared/contract/roster';
import { RosterFileError } from './errors';
import type { Cell, SheetData, WorkbookData } from './sheet';
import { readXlsx } from './xlsx-read';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary (OLE): old .xls, and also what an encrypted .xlsx is wrapped in. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** UTF-16 text (Excel's "Unicode text" and some exports) has a NUL in every Latin character: a BOM vouches for it. */
const hasUtf16Bom = (bytes: Uint8Array) => startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);

/** Whether a CFB container holds an encrypted OOXML package (its stream names are UTF-16LE). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/**
 * Decodes CSV text: a BOM decides; otherwise strict UTF-8, and Windows-1251 (what Excel in a
 * Russian or Kazakh Windows saves "CSV" as) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
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

/** Text that is really binary (an image, a PDF, a Word file renamed .csv) has NULs or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length / 100;
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
export function readCsv(bytes: Uint8Array, name: string, limits: RosterLimits = ROSTER_LIMITS): { sheet: SheetData; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  // Text in the encoding its BOM claims has no NULs; binary data that happens to start like a BOM has.
  if (text.includes('\u0000')) throw new RosterFileError('error.roster.notSpreadsheet');
  const rows: (Cell[] | undefined)[] = [];
  let cells = 0;
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
    step: ({ data: fields }) => {
      if (rows.length >= limits.rows + 1000) throw new RosterFileError('error.roster.tooManyRows', { limit: limits.rows });
      let width = Array.isArray(fields) ? fields.length : 0;
      while (width > 0 && fields[width - 1]!.trim() === '') width--;
      if (width === 0) {
        rows.push(undefined);
        return;
      }
      if (width > limits.columns) throw new RosterFileError('error.roster.tooManyColumns', { limit: limits.columns, sheet: name });
      cells += width;
      if (cells > limits.cells) throw new RosterFileError('error.roster.tooManyCells', { limit: limits.cells });
      rows.push(fields.slice(0, width).map((f) => (f === '' ? null : f)));
    },
  });
  return { sheet: { name, hidden: false, rows, merges: [] }, encoding };
}

/** Reads an uploaded roster, refusing with a clear reason what is not a spreadsheet we can read. */
export function readRosterFile(bytes: Uint8Array, fileName: string, limits: RosterLimits = ROSTER_LIMITS): WorkbookData {
  if (bytes.byteLength > limits.fileBytes) {
    throw new RosterFileError('error.roster.tooLarge', { limit: Math.round(limits.fileBytes / 1024 / 1024) });
  }
  if (bytes.byteLength === 0) throw new RosterFileError('error.roster.empty');
  if (startsWith(bytes, CFB)) {
    throw new RosterFileError(isEncryptedPackage(bytes) ? 'error.roster.encrypted' : 'error.roster.legacyXls');
  }
  if (startsWith(bytes, ZIP)) {
    return { format: 'xlsx', encoding: null, sheets: readXlsx(bytes, limits) };
  }
  const lower = fileName.toLowerCase();
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/.test(lower) || (!hasUtf16Bom(bytes) && looksBinary(bytes))) throw new RosterFileError('error.roster.notSpreadsheet');
  const base = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  const { sheet, encoding } = readCsv(bytes, base, limits);
  return { format: 'csv', encoding, sheets: [sheet] };
}

import { readCsv } from './csv';
import { SpreadsheetError } from './errors';
import type { ReadLimits, WorkbookData } from './sheet';
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

/**
 * Reads a spreadsheet file (.xlsx, or CSV in any of the encodings Excel saves), refusing with a
 * clear reason (a SpreadsheetError) what is not a spreadsheet we can read or passes a limit.
 */
export function readSpreadsheet(bytes: Uint8Array, fileName: string, limits: ReadLimits): WorkbookData {
  if (bytes.byteLength > limits.fileBytes) {
    throw new SpreadsheetError('error.roster.tooLarge', { limit: Math.round(limits.fileBytes / 1024 / 1024) });
  }
  if (bytes.byteLength === 0) throw new SpreadsheetError('error.roster.empty');
  if (startsWith(bytes, CFB)) {
    throw new SpreadsheetError(isEncryptedPackage(bytes) ? 'error.roster.encrypted' : 'error.roster.legacyXls');
  }
  if (startsWith(bytes, ZIP)) {
    return { format: 'xlsx', encoding: null, sheets: readXlsx(bytes, limits) };
  }
  const lower = fileName.toLowerCase();
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/.test(lower) || (!hasUtf16Bom(bytes) && looksBinary(bytes))) throw new SpreadsheetError('error.roster.notSpreadsheet');
  const base = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  const { sheet, encoding } = readCsv(bytes, base, limits);
  return { format: 'csv', encoding, sheets: [sheet] };
}

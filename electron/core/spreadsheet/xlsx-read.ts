import { StringDecoder } from 'node:string_decoder';
import { SpreadsheetError } from './errors';
import { parseRef, serialToIso, type Cell, type CellRange, type ReadLimits, type SheetData } from './sheet';
import { ExpansionBudget, ZipReader } from './unzip';
import { decodeEscapes, XmlScanner, type XmlHandler } from './xml';

/**
 * A synchronous .xlsx reader (the core's calls are synchronous). Each part a reader needs is
 * inflated in pieces and scanned as it comes out (see unzip.ts and xml.ts), so the work is linear
 * in what the file really inflates to, and only the cells are kept. Every limit that protects
 * memory stops the read with a message naming it. Values are the cells' stored values (a
 * formula's cached result, never the formula), dates recognised by their number format.
 */

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const cleaned = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(cleaned.trim())) return false;
  if (/[dy]/i.test(cleaned)) return true;
  return !/[0#?]/.test(cleaned) && /[mhs]/i.test(cleaned);
}

/** Excel allows number format codes of 255 characters; longer ones are no format Excel wrote. */
const MAX_FORMAT_CHARS = 255;
/** Excel allows 64,000 cell styles; style indices beyond this are never dates. */
const MAX_STYLES = 100_000;

const noop = () => {};
/** A full handler from the events a reader needs (wantsText stays a live getter, hence no spread). */
const handler = (events: Partial<XmlHandler>): XmlHandler => ({
  open: events.open ?? noop,
  close: events.close ?? noop,
  text: events.text ?? noop,
  get wantsText() {
    return events.wantsText ?? false;
  },
});

/** Streams one part through the XML scanner; false when the package has no such part. */
function scanPart(zip: ZipReader, name: string, events: Partial<XmlHandler>): boolean {
  // StringDecoder keeps a character split between pieces; TextDecoder's streaming mode is 10× slower.
  const decoder = new StringDecoder('utf8');
  const scanner = new XmlScanner(handler(events));
  const found = zip.read(name, (piece) => scanner.feed(decoder.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength))));
  if (!found) return false;
  scanner.feed(decoder.end());
  scanner.end();
  return true;
}

/** Collects the text of one cell or shared string, refusing one longer than Excel allows. */
class TextCollector {
  private text = '';
  active = false;
  constructor(private readonly limit: number) {}

  start(): void {
    this.text = '';
  }

  add(piece: string): void {
    if (!this.active) return;
    this.text += piece;
    // Raw text may hold _xHHHH_ escapes (7 characters for one): the exact check comes in take().
    if (this.text.length > this.limit * 7) this.tooLong();
  }

  take(): string {
    const text = decodeEscapes(this.text);
    this.text = '';
    if (text.length > this.limit) this.tooLong();
    return text;
  }

  private tooLong(): never {
    throw new SpreadsheetError('error.roster.cellTooLong', { limit: this.limit });
  }
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The kinds of relationship a reader needs; the others (images, themes, …) are not kept. */
const NEEDED_RELS = /\/(officeDocument|worksheet|styles|sharedStrings)$/;

function relationships(zip: ZipReader, partName: string, limits: ReadLimits): Map<string, { type: string; target: string }> {
  const slash = partName.lastIndexOf('/');
  const relsName = `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  scanPart(zip, relsName, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || !NEEDED_RELS.test(a.Type ?? '')) return;
      out.set(a.Id, { type: a.Type!, target: resolveTarget(partName, a.Target) });
      if (out.size > limits.sheets + 10) throw new SpreadsheetError('error.roster.tooManySheets', { limit: limits.sheets });
    },
  });
  return out;
}

interface SheetEntry {
  name: string;
  id: string | undefined;
  hidden: boolean;
}

function readWorkbook(zip: ZipReader, path: string, limits: ReadLimits): { sheets: SheetEntry[]; date1904: boolean } | null {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const found = scanPart(zip, path, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      if (sheets.length >= limits.sheets) throw new SpreadsheetError('error.roster.tooManySheets', { limit: limits.sheets });
      const state = a.state;
      sheets.push({ name: decodeEscapes(a.name ?? `Sheet${sheets.length + 1}`), id: a.id, hidden: state === 'hidden' || state === 'veryHidden' });
    },
  });
  return found ? { sheets, date1904 } : null;
}

function sharedStrings(zip: ZipReader, path: string, limits: ReadLimits): string[] {
  const out: string[] = [];
  const text = new TextCollector(limits.cellChars);
  let inItem = false;
  let phonetic = 0;
  const push = (value: string) => {
    out.push(value);
    if (out.length > limits.cells) throw new SpreadsheetError('error.roster.tooManyCells', { limit: limits.cells });
  };
  scanPart(zip, path, {
    open(name, _a, selfClosing) {
      if (name === 'si') {
        if (selfClosing) push('');
        else {
          inItem = true;
          phonetic = 0;
          text.start();
        }
      } else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 't' && !selfClosing && inItem && phonetic === 0) text.active = true;
    },
    close(name) {
      if (name === 't') text.active = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && inItem) {
        inItem = false;
        text.active = false;
        push(text.take());
      }
    },
    text: (piece) => text.add(piece),
    get wantsText() {
      return text.active;
    },
  });
  return out;
}

/** Which cell styles (by index) show numbers as dates. */
function dateStyles(zip: ZipReader, path: string): Set<number> {
  const dateFormats = new Map<number, boolean>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanPart(zip, path, {
    open(name, a, selfClosing) {
      if (name === 'numFmt') {
        const code = a.formatCode;
        if (a.numFmtId && code !== undefined && code.length <= MAX_FORMAT_CHARS && dateFormats.size < MAX_STYLES) {
          dateFormats.set(Number(a.numFmtId), isDateFormat(code));
        }
      } else if (name === 'cellXfs' && !selfClosing) inCellXfs = true;
      else if (name === 'xf' && inCellXfs && xfFormats.length < MAX_STYLES) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const out = new Set<number>();
  xfFormats.forEach((id, index) => {
    if (dateFormats.get(id) ?? DATE_FORMAT_IDS.has(id)) out.add(index);
  });
  return out;
}

interface Context {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
  limits: ReadLimits;
  /** Filled cells read so far, over all sheets. */
  cells: { count: number };
}

/** A merged range, its corners in order and cut to the sheet's limits; null when it lies beyond. */
function mergeRange(ref: string, lastRow: number, lastColumn: number): CellRange | null {
  const [from, to] = ref.split(':');
  const a = parseRef(from ?? '');
  const b = parseRef(to ?? from ?? '');
  if (!a || !b) return null;
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  if (top > lastRow || left > lastColumn) return null;
  return { top, left, bottom: Math.min(Math.max(a.row, b.row), lastRow), right: Math.min(Math.max(a.col, b.col), lastColumn) };
}

function readSheet(zip: ZipReader, path: string, entry: SheetEntry, ctx: Context): SheetData {
  const { limits } = ctx;
  const lastRow = limits.rows + 1000;
  const rows: (Cell[] | undefined)[] = [];
  const merges: CellRange[] = [];
  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read.
  let cell: { type: string; style: number } | null = null;
  let value: string | undefined;
  let inline: string | undefined;
  let inInline = false;
  let phonetic = 0;
  const text = new TextCollector(limits.cellChars);
  const tooManyRows = () => new SpreadsheetError('error.roster.tooManyRows', { limit: limits.rows });

  const finishCell = () => {
    const current = cell!;
    cell = null;
    // A <v> or <t> left open inside the cell must not collect what follows (the part is damaged,
    // which the scanner reports at its end).
    text.active = false;
    const result = cellValue(current.type, value, inline, current.style, ctx);
    if (result === null) return;
    if (colIndex >= limits.columns) throw new SpreadsheetError('error.roster.tooManyColumns', { limit: limits.columns, sheet: entry.name });
    (rows[rowIndex] ??= [])[colIndex] = result;
    if (++ctx.cells.count > limits.cells) throw new SpreadsheetError('error.roster.tooManyCells', { limit: limits.cells });
  };

  scanPart(zip, path, {
    open(name, a, selfClosing) {
      if (name === 'row') {
        const r = Number(a.r);
        rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
        colIndex = -1;
        if (rowIndex > lastRow) throw tooManyRows();
      } else if (name === 'c') {
        const ref = a.r ? parseRef(a.r) : null;
        if (ref) {
          rowIndex = Math.max(rowIndex, ref.row);
          colIndex = ref.col;
        } else colIndex += 1;
        if (rowIndex < 0) rowIndex = 0;
        if (rowIndex > lastRow) throw tooManyRows();
        if (selfClosing) return;
        cell = { type: a.t ?? 'n', style: Number(a.s ?? 0) };
        text.active = false;
        value = inline = undefined;
        inInline = false;
        phonetic = 0;
      } else if (!cell || selfClosing) {
        if (name === 'mergeCell') {
          const range = mergeRange(a.ref ?? '', lastRow, limits.columns - 1);
          if (range) merges.push(range);
          if (merges.length > limits.merges) throw new SpreadsheetError('error.roster.tooManyMerges', { limit: limits.merges, sheet: entry.name });
        }
      } else if (name === 'v' || (name === 't' && inInline && phonetic === 0)) {
        text.start();
        text.active = true;
      } else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (!cell) return;
      if (name === 'v' && text.active) {
        text.active = false;
        value = text.take();
      } else if (name === 't' && text.active) {
        text.active = false;
        // Rich text comes in runs, each its own <t>: the cell's limit is on them all together.
        inline = (inline ?? '') + text.take();
        if (inline.length > limits.cellChars) throw new SpreadsheetError('error.roster.cellTooLong', { limit: limits.cellChars });
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'is') inInline = false;
      else if (name === 'c') finishCell();
    },
    text: (piece) => text.add(piece),
    get wantsText() {
      return text.active;
    },
  });
  return { name: entry.name, hidden: entry.hidden, rows, merges };
}

function cellValue(type: string, v: string | undefined, inline: string | undefined, style: number, ctx: Context): Cell {
  switch (type) {
    case 's': {
      const s = ctx.strings[Number(v)];
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr':
      return inline ? inline : null;
    case 'str':
      return v ? v : null;
    case 'b':
      return v === undefined ? null : v.trim() === '1';
    case 'e':
      return null;
    case 'd': {
      const iso = v ? /^\d{4}-\d{2}-\d{2}/.exec(v.trim())?.[0] : undefined;
      return iso ? { date: iso } : null;
    }
    default: {
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      if (ctx.dates.has(style)) {
        const iso = serialToIso(n, ctx.date1904);
        return iso ? { date: iso } : n;
      }
      return n;
    }
  }
}

/** Reads every worksheet of an .xlsx (charts and dialog sheets are skipped). */
export function readXlsx(bytes: Uint8Array, limits: ReadLimits): SheetData[] {
  const zip = new ZipReader(bytes, new ExpansionBudget(limits.expandedBytes));
  let workbookPath = 'xl/workbook.xml';
  for (const rel of relationships(zip, '', limits).values()) if (rel.type.endsWith('/officeDocument')) workbookPath = rel.target;
  const workbook = readWorkbook(zip, workbookPath, limits);
  if (!workbook) throw new SpreadsheetError('error.roster.notSpreadsheet');
  const rels = relationships(zip, workbookPath, limits);
  let stylesPath = 'xl/styles.xml';
  let stringsPath = 'xl/sharedStrings.xml';
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/styles')) stylesPath = rel.target;
    if (rel.type.endsWith('/sharedStrings')) stringsPath = rel.target;
  }
  const ctx: Context = {
    strings: sharedStrings(zip, stringsPath, limits),
    dates: dateStyles(zip, stylesPath),
    date1904: workbook.date1904,
    limits,
    cells: { count: 0 },
  };
  const sheets: SheetData[] = [];
  for (const entry of workbook.sheets) {
    const rel = entry.id ? rels.get(entry.id) : undefined;
    if (!rel || !rel.type.endsWith('/worksheet') || !zip.has(rel.target)) continue;
    sheets.push(readSheet(zip, rel.target, entry, ctx));
  }
  if (sheets.length === 0) throw new SpreadsheetError('error.roster.noSheets');
  return sheets;
}

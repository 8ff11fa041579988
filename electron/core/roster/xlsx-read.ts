import { strFromU8, unzipSync } from 'fflate';
import { ROSTER_LIMITS } from '../../../shared/contract/roster';
import { attributes, decodeXml } from './xml';
import { RosterFileError } from './errors';
import { parseRef, serialToIso, type Cell, type CellRange, type SheetData } from './sheet';

/**
 * A synchronous .xlsx reader (the core's calls are synchronous): fflate unzips, a small scanner
 * reads the few XML parts a roster needs. Values are the cells' stored values (a formula's cached
 * result, never the formula), dates recognised by their number format.
 */

/** Any one part of the package bigger than this is refused (a "zip bomb" inflates to gigabytes). */
const MAX_PART_BYTES = 512 * 1024 * 1024;
const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(code: string): boolean {
  const cleaned = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(cleaned.trim())) return false;
  if (/[dy]/i.test(cleaned)) return true;
  return !/[0#?]/.test(cleaned) && /[mhs]/i.test(cleaned);
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(xml|rels)$/i.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) throw new RosterFileError('error.roster.tooLarge');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw new RosterFileError('error.roster.damaged');
  }
}

function part(files: Record<string, Uint8Array>, name: string): string | null {
  const exact = files[name];
  if (exact) return strFromU8(exact);
  // Part names are case-insensitive in OPC.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(files)) if (key.toLowerCase() === lower) return strFromU8(value);
  return null;
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

function relationships(files: Record<string, Uint8Array>, partName: string): Map<string, { type: string; target: string }> {
  const slash = partName.lastIndexOf('/');
  const relsName = `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
  const xml = part(files, relsName) ?? '';
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a.Id && a.Target) out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(partName, a.Target) });
  }
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) {
    const body = (m[1] ?? '').replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
    let text = '';
    for (const t of body.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) text += t[1] ?? '';
    out.push(decodeXml(text));
  }
  return out;
}

/** Which cell styles (by index) show numbers as dates. */
function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.numFmtId && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const m of cellXfs.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(index);
    index++;
  }
  return out;
}

const CELL_OR_ROW =
  /<(?:[\w.-]+:)?row\b([^>]*?)(\/?)>|<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)|<(?:[\w.-]+:)?mergeCell\b([^>]*?)\/?>/g;

function readSheet(xml: string, name: string, hidden: boolean, strings: string[], dates: Set<number>, date1904: boolean): SheetData {
  const rows: (Cell[] | undefined)[] = [];
  const merges: CellRange[] = [];
  let rowIndex = -1;
  let colIndex = -1;
  let cells = 0;
  for (const m of xml.matchAll(CELL_OR_ROW)) {
    if (m[1] !== undefined) {
      const r = Number(attributes(m[1]).r);
      rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
      colIndex = -1;
      if (rowIndex > ROSTER_LIMITS.rows + 1000) throw new RosterFileError('error.roster.tooManyRows', { limit: ROSTER_LIMITS.rows });
      continue;
    }
    if (m[5] !== undefined) {
      const [from, to] = (attributes(m[5]).ref ?? '').split(':');
      const a = parseRef(from ?? '');
      const b = parseRef(to ?? from ?? '');
      if (a && b) merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
      continue;
    }
    const a = attributes(m[3]!);
    const ref = a.r ? parseRef(a.r) : null;
    if (ref) {
      rowIndex = Math.max(rowIndex, ref.row);
      colIndex = ref.col;
    } else {
      colIndex += 1;
    }
    if (rowIndex < 0) rowIndex = 0;
    if (colIndex >= 16_384) continue;
    const body = m[4] ?? '';
    const cell = cellValue(a.t ?? 'n', body, Number(a.s ?? 0), strings, dates, date1904);
    if (cell === null) continue;
    (rows[rowIndex] ??= [])[colIndex] = cell;
    if (++cells > 20_000_000) throw new RosterFileError('error.roster.tooLarge');
  }
  return { name, hidden, rows, merges };
}

function cellValue(type: string, body: string, style: number, strings: string[], dates: Set<number>, date1904: boolean): Cell {
  const v = /<(?:[\w.-]+:)?v\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body)?.[1];
  switch (type) {
    case 's': {
      const s = strings[Number(v)];
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr': {
      let text = '';
      for (const t of body.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) text += t[1] ?? '';
      const s = decodeXml(text);
      return s === '' ? null : s;
    }
    case 'str': {
      const s = v === undefined ? '' : decodeXml(v);
      return s === '' ? null : s;
    }
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
      if (dates.has(style)) {
        const iso = serialToIso(n, date1904);
        return iso ? { date: iso } : n;
      }
      return n;
    }
  }
}

/** Reads every worksheet of an .xlsx (charts and dialog sheets are skipped). */
export function readXlsx(bytes: Uint8Array): SheetData[] {
  const files = unzip(bytes);
  const rootRels = relationships(files, '');
  let workbookPath = 'xl/workbook.xml';
  for (const rel of rootRels.values()) if (rel.type.endsWith('/officeDocument')) workbookPath = rel.target;
  const workbook = part(files, workbookPath);
  if (!workbook) throw new RosterFileError('error.roster.notSpreadsheet');
  const rels = relationships(files, workbookPath);
  let stylesPath: string | null = null;
  let stringsPath: string | null = null;
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/styles')) stylesPath = rel.target;
    if (rel.type.endsWith('/sharedStrings')) stringsPath = rel.target;
  }
  const strings = sharedStrings(part(files, stringsPath ?? 'xl/sharedStrings.xml'));
  const dates = dateStyles(part(files, stylesPath ?? 'xl/styles.xml'));
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*?)\/?>/.exec(workbook);
  const date1904 = pr ? ['1', 'true'].includes(attributes(pr[1]!).date1904 ?? '') : false;

  const sheets: SheetData[] = [];
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const rel = a.id ? rels.get(a.id) : undefined;
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const xml = part(files, rel.target);
    if (xml === null) continue;
    sheets.push(readSheet(xml, a.name ?? `Sheet${sheets.length + 1}`, a.state === 'hidden' || a.state === 'veryHidden', strings, dates, date1904));
  }
  if (sheets.length === 0) throw new RosterFileError('error.roster.noSheets');
  return sheets;
}

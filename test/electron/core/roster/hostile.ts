import { constants, deflateRawSync } from 'node:zlib';

/**
 * Hostile workbooks, built as real .xlsx zips: the envelope of a valid package (content types,
 * relationships, workbook) around a sheet, shared strings or styles part chosen by the caller.
 * Deflated at level 9, so a repetitive part of hundreds of megabytes is a file of kilobytes; a
 * part can also be given already deflated (see `deflatedRepeat`), declaring any size it likes.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Data already deflated, with the uncompressed size the zip should declare. */
export interface Deflated {
  deflated: Uint8Array;
  declared: number;
}
type Part = string | Uint8Array | Deflated;

export interface Parts {
  sheet?: Part;
  strings?: Part;
  styles?: Part;
  workbook?: string;
  /** Extra or replacing entries, by path. */
  extra?: Record<string, Part>;
}

const encoder = new TextEncoder();

function deflated(part: Part): Deflated {
  if (typeof part === 'object' && 'deflated' in part) return part;
  const raw = typeof part === 'string' ? encoder.encode(part) : part;
  return { deflated: deflateRawSync(raw, { level: 9 }), declared: raw.length };
}

/**
 * `text` repeated `times` as one raw deflate stream, built in milliseconds: a sync-flushed
 * compression of one copy refers to nothing before it, so copies of it can follow each other.
 */
export function deflatedRepeat(text: string, times: number, declared = text.length * times): Deflated {
  const one = deflateRawSync(encoder.encode(text), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(one.length * times + end.length);
  for (let i = 0; i < times; i++) out.set(one, i * one.length);
  out.set(end, one.length * times);
  return { deflated: out, declared };
}

/** A plain zip of deflated entries (CRCs left zero: the reader must not depend on them). */
export function rawZip(entries: [name: string, part: Part][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, part] of entries) {
    const { deflated: data, declared } = deflated(part);
    const nameBytes = encoder.encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, declared >>> 0, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(10, 8, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, declared >>> 0, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

export function workbookXml(sheets = 1): string {
  const list = Array.from({ length: sheets }, (_v, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
  return `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>`;
}

export function hostileXlsx(parts: Parts): Uint8Array {
  const files: Record<string, Part> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': parts.workbook ?? workbookXml(),
    'xl/_rels/workbook.xml.rels':
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': parts.sheet ?? sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Фамилия</t></is></c></row>'),
  };
  if (parts.strings !== undefined) files['xl/sharedStrings.xml'] = parts.strings;
  if (parts.styles !== undefined) files['xl/styles.xml'] = parts.styles;
  Object.assign(files, parts.extra);
  return rawZip(Object.entries(files));
}

export const sheetXml = (rows: string, tail = '') => `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData>${tail}</worksheet>`;
export const stringsXml = (items: string) => `<sst xmlns="${NS}">${items}</sst>`;

/** The worst files found for the issue's "small files, minutes or gigabytes", by name. */
export const WORST: Record<string, () => Uint8Array> = {
  // 400,000 cells that never close: every one made the old scanner search to the end of the part.
  unclosedCells: () => hostileXlsx({ sheet: sheetXml(`<row r="1">${'<c r="A1" t="s">'.repeat(400_000)}`) }),
  // 10 million tiny cells (200 a row) in a 1 MB file.
  manyCells: () =>
    hostileXlsx({
      strings: stringsXml('<si><t>x</t></si>'),
      sheet: {
        deflated: Buffer.concat([
          deflateRawSync('<worksheet><sheetData>', { finishFlush: constants.Z_SYNC_FLUSH }),
          deflatedRepeat(`<row>${'<c t="s"><v>0</v></c>'.repeat(200)}</row>`.repeat(1000), 50).deflated,
        ]),
        declared: 22 + 4211 * 50_000,
      },
    }),
  // One value in the last column on each of 200,000 rows.
  farColumn: () =>
    hostileXlsx({ sheet: sheetXml(Array.from({ length: 200_000 }, (_v, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`).join('')) }),
  // 100,000 merges of the whole sheet.
  hugeMerges: () =>
    hostileXlsx({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(100_000)}</mergeCells>`) }),
  // A gigabyte of spaces, declared honestly.
  zipBomb: () => hostileXlsx({ sheet: deflatedRepeat(' '.repeat(1 << 20), 1024) }),
  // Half a gigabyte of spaces after the start of a sheet, claiming to be 100 bytes.
  lyingZipBomb: () =>
    hostileXlsx({
      sheet: {
        deflated: Buffer.concat([
          deflateRawSync(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Фамилия</t></is></c></row>').slice(0, -12), { finishFlush: constants.Z_SYNC_FLUSH }),
          deflatedRepeat(' '.repeat(1 << 20), 500).deflated,
        ]),
        declared: 100,
      },
    }),
  // A tag of a million attribute-name characters.
  longAttribute: () => hostileXlsx({ sheet: sheetXml(`<row r="1">${`<c ${'a'.repeat(100_000)} `.repeat(20)}</row>`) }),
};

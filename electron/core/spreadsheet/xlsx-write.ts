import { neutralise } from './formulas';
import { Pieces } from './pieces';
import { columnLetter, isoToSerial, type OutCell, type OutSheet } from './sheet';
import { escapeXml } from './xml';
import { zipParts } from './zip';

const strToU8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/**
 * A synchronous .xlsx writer: one sheet, a bold frozen header, set column widths.
 * Every value is written as data, never as a formula: text goes to the shared-string table,
 * identifiers (IIN, phone) are text cells with Excel's "text" format and quote prefix so they
 * stay text even when edited, dates are real dates shown as dd.mm.yyyy, and any other text that
 * starts like a formula (= + - @ tab CR) gets a leading apostrophe.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLE = { normal: 0, header: 1, text: 2, date: 3 } as const;

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Excel refuses sheet names with []:*?/\ and longer than 31 characters. */
function sheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

const WIDTH_SAMPLE = 500;

function guessWidths(headers: string[], sample: OutCell[][]): number[] {
  return headers.map((header, c) => {
    let width = header.length + 2;
    for (const row of sample) {
      const cell = row[c];
      const len = !cell ? 0 : 'text' in cell ? cell.text.length : 'id' in cell ? cell.id.length : 'date' in cell ? 10 : String(cell.number).length;
      width = Math.max(width, len + 2);
    }
    return Math.min(Math.max(width, 8), 60);
  });
}

export function writeXlsx(sheet: OutSheet): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };

  const letters = sheet.headers.map((_h, c) => columnLetter(c));
  const rowXml = (cells: OutCell[], r: number): string => {
    let out = '';
    cells.forEach((cell, c) => {
      if (!cell) return;
      const ref = `${letters[c] ?? columnLetter(c)}${r}`;
      if ('text' in cell) {
        if (cell.text !== '') out += `<c r="${ref}" t="s"><v>${shared(neutralise(cell.text))}</v></c>`;
      } else if ('id' in cell) {
        if (cell.id !== '') out += `<c r="${ref}" t="s" s="${STYLE.text}"><v>${shared(cell.id)}</v></c>`;
      } else if ('date' in cell) {
        out += `<c r="${ref}" s="${STYLE.date}"><v>${isoToSerial(cell.date)}</v></c>`;
      } else if (Number.isFinite(cell.number)) {
        out += `<c r="${ref}"><v>${cell.number}</v></c>`;
      }
    });
    return `<row r="${r}">${out}</row>`;
  };

  // The first rows decide the column widths, which come before the data in the sheet's XML.
  const rows = sheet.rows[Symbol.iterator]();
  const sample: OutCell[][] = [];
  for (let next = rows.next(); ; next = rows.next()) {
    if (next.done) break;
    sample.push(next.value);
    if (sample.length >= WIDTH_SAMPLE) break;
  }
  const widths = sheet.widths ?? guessWidths(sheet.headers, sample);
  const cols = widths.length
    ? `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const xml = new Pieces();
  xml.add(
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
  );
  xml.add(`<row r="1">${sheet.headers.map((h, c) => `<c r="${letters[c]}1" t="s" s="${STYLE.header}"><v>${shared(neutralise(h))}</v></c>`).join('')}</row>`);
  let r = 2;
  for (const cells of sample) xml.add(rowXml(cells, r++));
  for (let next = rows.next(); !next.done; next = rows.next()) xml.add(rowXml(next.value, r++));
  xml.add('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  const worksheet = xml.bytes();

  const sst = new Pieces();
  sst.add(`${XML_HEAD}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">`);
  for (const text of strings) sst.add(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
  sst.add('</sst>');

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ),
    'docProps/core.xml': strToU8(
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:creator>Erikti</dc:creator></cp:coreProperties>',
    ),
    'docProps/app.xml': strToU8(
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Erikti</Application></Properties>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${escapeXml(sheetName(sheet.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(STYLES),
    'xl/sharedStrings.xml': sst.bytes(),
    'xl/worksheets/sheet1.xml': worksheet,
  };
  return zipParts(Object.entries(files));
}

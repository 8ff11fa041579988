import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unneutralise } from '../../../../electron/core/spreadsheet/formulas';
import { readSpreadsheet } from '../../../../electron/core/spreadsheet/read';
import { outCellOf, type Cell, type OutCell, type ReadLimits } from '../../../../electron/core/spreadsheet/sheet';
import { writeSheet } from '../../../../electron/core/spreadsheet/write';

/** A report that is not a roster: the module knows nothing of volunteers. */
const LIMITS: ReadLimits = { fileBytes: 1 << 20, expandedBytes: 4 << 20, rows: 100, columns: 10, cells: 1000, cellChars: 1000, merges: 10, sheets: 2 };
const HEADERS = ['Аты-жөні', 'Сағат', 'Күні', 'ЖСН', 'Ескерту'];
const ROWS: OutCell[][] = [
  [{ text: 'Сәрсенбаева Әсел' }, { number: 12.5 }, { date: '2025-03-01' }, { id: '050312300001' }, { text: '=HYPERLINK("http://x")' }],
  [{ text: 'Жұмабеков Нұр' }, { number: 4 }, null, { id: '' }, { text: '-5 °C' }],
  [{ text: 'Phone only' }, null, null, { id: '' }, { text: '+7 (701) 123-45-67' }],
];

function* streamed(): Generator<OutCell[]> {
  yield* ROWS;
}

describe('writeSheet', () => {
  it('writes .xlsx that Excel reads as typed cells: numbers, real dates, identifiers as text, formula-like text as text', async () => {
    const bytes = writeSheet({ name: 'Сағаттар: наурыз/2025', headers: HEADERS, rows: streamed() }, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Сағаттар  наурыз 2025');
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(ws.getCell('B2').value).toBe(12.5);
    expect(ws.getCell('C2').value).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(ws.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('D2').value).toBe('050312300001');
    expect(ws.getCell('E2').value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell('E2').formula).toBeUndefined();
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('reads back what it wrote, cell for cell, and writes the same bytes again', () => {
    const bytes = writeSheet({ name: 'Report', headers: HEADERS, rows: ROWS }, 'xlsx');
    const [sheet] = readSpreadsheet(bytes, 'report.xlsx', LIMITS).sheets;
    expect(sheet!.rows[1]).toEqual(['Сәрсенбаева Әсел', 12.5, { date: '2025-03-01' }, '050312300001', '\'=HYPERLINK("http://x")']);
    expect(unneutralise(sheet!.rows[1]![4] as string)).toBe('=HYPERLINK("http://x")');
    // Read cells written out again give the same file: nothing is lost or reshaped on the way.
    const back = (cell: Cell | undefined, column: number): OutCell =>
      typeof cell !== 'string' ? outCellOf(cell) : column === 3 ? { id: cell } : { text: unneutralise(cell) };
    const rows = sheet!.rows.slice(1).map((row) => HEADERS.map((_h, c) => back(row?.[c], c)));
    const rewritten = writeSheet({ name: 'Report', headers: HEADERS, rows }, 'xlsx');
    expect(Buffer.from(rewritten).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes CSV for Excel in Kazakhstan: BOM, semicolons, dd.mm.yyyy dates, quoted where needed, formulas neutralised', () => {
    const bytes = writeSheet({ name: 'ignored', headers: HEADERS, rows: streamed() }, 'csv');
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.startsWith('\ufeffАты-жөні;Сағат;Күні;ЖСН;Ескерту\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('Сәрсенбаева Әсел;12.5;01.03.2025;050312300001;"\'=HYPERLINK(""http://x"")"');
    expect(text.split('\r\n')[2]).toBe("Жұмабеков Нұр;4;;;'-5 °C");
    // A phone is no formula: Excel would show an apostrophe put before it.
    expect(text.split('\r\n')[3]).toBe('Phone only;;;;+7 (701) 123-45-67');
    const [sheet] = readSpreadsheet(bytes, 'hours.csv', LIMITS).sheets;
    expect(sheet!.name).toBe('hours');
    expect(sheet!.rows[1]).toEqual(['Сәрсенбаева Әсел', '12.5', '01.03.2025', '050312300001', '\'=HYPERLINK("http://x")']);
  });
});

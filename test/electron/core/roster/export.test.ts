import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../../shared/contract/roster';
import type { Actor } from '../../../../electron/core/context';
import { dump } from '../../../../electron/core/dump/dump';
import { guessField } from '../../../../electron/core/roster/guess';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { iinFor, importRoster, openRoster, readBack, volunteers, xlsx } from './fixtures';

const STAFF: Actor = { id: 'u-staff', login: 'staff', displayName: 'Staff', role: 'staff' };
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** A small office with the awkward values: formula-like text, Kazakh letters, lists, a minor with a guardian. */
function office() {
  const core = officeCore('KZ-75');
  const people = [
    { lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', middleName: 'Ерланұлы', iin: iinFor('2004-01-05', 'M'), phone: '8 701 123 45 67', email: 'n@mail.kz',
      skills: ['firstAid', 'driving'] as const, languages: ['kk', 'ru'] as const, drivingCategories: ['B', 'C'] as const, areas: ['emergency'] as const,
      availability: 'weekends' as const, notes: '=HYPERLINK("http://evil.example","click")', locality: '@Алмалы', district: '-Медеу' },
    { lastName: 'Иванова', firstName: 'Мария', birthDate: '1995-04-12', sex: 'F' as const, phone: '+7 702 555 12 34', region: 'KZ-19' as const,
      status: 'candidate' as const, notes: '+1 to everything', consentDate: '2024-01-10', consentBasis: 'written' as const,
      emergencyContactName: 'Иванов Пётр', emergencyContactPhone: '87770001122' },
    { lastName: 'Серікова', firstName: 'Айжан', birthDate: '2012-05-06', consentDate: '2024-02-01', consentBasis: 'guardian' as const,
      guardianName: 'Серікова Гүлнар', guardianPhone: '87011119988', guardianConsentDate: '2024-02-01', notes: '-5 °C: bring gloves' },
  ];
  for (const p of people) core.callAs(ADMIN, 'volunteers.create', p);
  return core;
}

describe('roster export', () => {
  it('writes .xlsx that Excel opens cleanly: bold frozen header, IIN and phone as text, real dates, no formula anywhere', async () => {
    const core = office();
    const result = core.callAs(ADMIN, 'roster.export', { columns: [...EXPORT_COLUMNS], format: 'xlsx', lang: 'ru' });
    expect(result.fileName).toMatch(/^erikti-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(result.rows).toBe(3);
    const wb = await readBack(bytesOf(result.base64));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Волонтёры');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(1).values).toContain('ИИН');
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
    }));
    expect(formulas).toBe(0);
    const first = ws.getRow(2); // Жұмабеков sorts first
    expect(first.getCell(col('Фамилия')).value).toBe('Жұмабеков');
    expect(first.getCell(col('ИИН')).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(col('ИИН')).value).toMatch(/^0\d{11}$/);
    expect(first.getCell(col('Телефон')).value).toBe('+7 (701) 123-45-67');
    expect(first.getCell(col('Телефон')).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(col('Примечания')).value).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(first.getCell(col('Населённый пункт')).value).toBe("'@Алмалы");
    expect(first.getCell(col('Район')).value).toBe("'-Медеу");
    expect(first.getCell(col('Навыки')).value).toBe('Вождение, Первая помощь');
    const second = ws.getRow(3);
    expect(second.getCell(col('Дата рождения')).value).toEqual(new Date('1995-04-12T00:00:00Z'));
    expect(second.getCell(col('Дата рождения')).numFmt).toMatch(/dd.*mm.*yyyy/);
    expect(second.getCell(col('Примечания')).value).toBe("'+1 to everything");
    expect(ws.getRow(4).getCell(col('Примечания')).value).toBe("'-5 °C: bring gloves");
    expect(ws.getColumn(col('Примечания')).width).toBeGreaterThan(10);
  });

  it('writes .csv with a BOM, semicolons and neutralised formula-like values; phones as they are', () => {
    const core = office();
    const result = core.callAs(ADMIN, 'roster.export', { columns: ['lastName', 'firstName', 'iin', 'birthDate', 'phone', 'notes'], format: 'csv', lang: 'kk' });
    const bytes = bytesOf(result.base64);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).trim().split('\r\n');
    expect(lines[0]).toBe('Тегі;Аты;ЖСН;Туған күні;Телефон;Ескертпелер');
    expect(lines[1]).toMatch(/^Жұмабеков;Нұрсұлтан;0\d{11};05\.01\.2004;\+7 \(701\) 123-45-67;"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)"$/);
    expect(lines[2]).toBe("Иванова;Мария;;12.04.1995;+7 (702) 555-12-34;'+1 to everything");
    // Only a phone or a plain number may start like a formula: it cannot call or link to anything.
    for (const line of lines) {
      for (const field of line.split(';')) if (!/^\+7 \(\d{3}\) [\d-]+$/.test(field)) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('exports the roster screen’s filters, and masks IINs for staff', async () => {
    const core = office();
    const candidates = core.callAs(ADMIN, 'roster.export', { query: { status: 'candidate' }, columns: ['lastName'], format: 'csv', lang: 'en' });
    expect(candidates.rows).toBe(1);
    const staff = core.callAs(STAFF, 'roster.export', { columns: ['lastName', 'firstName', 'iin'], format: 'xlsx', lang: 'en' });
    const ws = (await readBack(bytesOf(staff.base64))).worksheets[0]!;
    expect(ws.getRow(2).getCell(3).value).toBe('••••••••••••');
    // A masked IIN brings nobody new back in: it counts as absent and the name matches.
    expect(importRoster(core, bytesOf(staff.base64), 'x.xlsx', STAFF)).toMatchObject({ added: 0, unchanged: 3, rejectedRows: 0 });
  });

  it('round trip: every column exported and imported again changes nothing, in .xlsx and .csv and every language', () => {
    const core = office();
    const before = dump(core.db);
    for (const format of ['xlsx', 'csv'] as const) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const out = core.callAs(ADMIN, 'roster.export', { columns: [...EXPORT_COLUMNS], format, lang });
        const { sheet } = openRoster(core, bytesOf(out.base64), out.fileName);
        expect(sheet.mapping, `${format} ${lang}`).toEqual([...EXPORT_COLUMNS]);
        expect(importRoster(core, bytesOf(out.base64), out.fileName), `${format} ${lang}`).toMatchObject({ rows: 3, added: 0, updated: 0, unchanged: 3, rejectedRows: 0 });
      }
    }
    expect(dump(core.db)).toBe(before);
  });

  it('the export headers of every language are recognised', () => {
    for (const h of ['Тегі', 'Аты', 'Әкесінің аты', 'ЖСН', 'Туған күні', 'Жынысы', 'Телефон', 'Эл. пошта', 'Өңір', 'Аудан', 'Елді мекен']) expect(guessField(h), h).not.toBeNull();
    expect(guessField('Заңды өкілі')).toBe('guardianName');
    expect(guessField('Телефон представителя')).toBe('guardianPhone');
    expect(guessField('Имя (латиницей)')).toBe('firstNameLatin');
    expect(guessField('Ф.И.О.')).toBe('fullName');
    expect(guessField('Т.А.Ә.')).toBe('fullName');
    expect(guessField('Фамилия, имя, отчество')).toBe('fullName');
    expect(guessField('Дата рожд.')).toBe('birthDate');
    expect(guessField('Тел.')).toBe('phone');
    expect(guessField('№ п/п')).toBe('ignore');
  });
});

describe('problem rows', () => {
  it('come back as an .xlsx with the original cells and a problem column; fixed, they import', async () => {
    const core = officeCore();
    const good = iinFor('1990-06-01', 'M', 200);
    const file = await xlsx({
      rows: [
        ['Список'],
        ['ФИО', 'ИИН', 'Телефон'],
        ['Абенов Марат', good, '87011234567'],
        ['Валиев Ринат', null, '12345'],
        ['Гусев', '=1+1', null],
      ],
    });
    const { choice } = openRoster(core, file);
    const out = core.callAs(ADMIN, 'roster.problemRows', { ...choice, lang: 'ru' });
    expect(out.fileName).toMatch(/\.xlsx$/);
    const ws = (await readBack(bytesOf(out.base64))).worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'ФИО', 'ИИН', 'Телефон', 'Ошибка']);
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe('Валиев Ринат');
    // Imported without the phone, and listed here so the phone can be fixed and brought back.
    expect(ws.getRow(2).getCell(4).value).toBe('Строка 4. Импортирован, эти поля оставлены пустыми: Телефон: Введите телефон в формате +7 (7xx) xxx-xx-xx.');
    expect(ws.getRow(3).getCell(2).value).toBe("'=1+1");
    expect(String(ws.getRow(3).getCell(4).value)).toContain('Строка 5.');

    // Fixed in Excel and brought back: the problem column is ignored, the rows import.
    ws.getRow(2).getCell(3).value = '8 702 000 00 00';
    ws.getRow(3).getCell(1).value = 'Гусев Олег';
    ws.getRow(3).getCell(2).value = null;
    const fixed = new Uint8Array(await ws.workbook.xlsx.writeBuffer());
    const again = openRoster(core, fixed);
    expect(again.sheet.mapping).toEqual(['fullName', 'iin', 'phone', null]);
    expect(core.callAs(ADMIN, 'roster.import', again.choice)).toMatchObject({ added: 2, rejectedRows: 0 });
    expect(volunteers(core).map((v) => v.last_name)).toEqual(['Валиев', 'Гусев']);
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../shared/contract/errors';
import type { Actor } from '../../../../electron/core/context';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { badChecksum, iinFor, importRoster, openRoster, preview, utc, volunteers, xlsx } from './fixtures';
import { deflatedRepeat, hostileXlsx, sheetXml, stringsXml } from './hostile';
import { failure } from '../../../helpers/call-error';

const STAFF: Actor = { id: 'u-staff', login: 'staff', displayName: 'Staff', role: 'staff' };
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;


describe('roster import: messy spreadsheets', () => {
  it('reads a title row, blank rows and columns, a combined ФИО column, numeric IINs, serial and text dates, phone variants, look-alike letters', async () => {
    const core = officeCore('KZ-75');
    const young = iinFor('2005-03-12', 'M'); // starts with 0: Excel keeps 11 digits
    const maria = iinFor('1995-04-12', 'F');
    const erlan = iinFor('1987-11-30', 'M');
    const file = await xlsx({
      rows: [
        ['Список волонтёров Алматинского филиала на 2024 год'],
        [],
        ['№', 'Фамилия Имя Отчество ', 'ИИН', 'Дата рождения', null, 'Телефон', 'Пол', 'Регион'],
        [1, 'Жұмабеков Нұрсұлтан Ерланұлы', Number(young), utc('2005-03-12'), null, '8 701 123 45 67', 'М', 'Алматы қаласы'],
        [],
        [2, '  Иванoва  Мария  Петрoвна ', `${maria.slice(0, 6)} ${maria.slice(6)}`, serial('1995-04-12'), null, '+7 (702) 555-12-34', 'Ж', 'KZ-75'],
        [3, 'Сәрсенбаева Әсел', null, '12.03.1990', null, '7071234567', 'женский', 'г. Алматы'],
        [4, 'AХМЕТОВ Ерлан Серікұлы', erlan, utc('1987-11-30'), null, 87011112233, 'ер', 'Алматинская область'],
      ],
      merges: ['A1:H1'],
      formats: { 4: 'dd.mm.yyyy' },
    });
    const { sheet } = openRoster(core, file);
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows).toBe(4);
    expect(sheet.columns.map((c) => c.header)).toEqual(['№', 'Фамилия Имя Отчество', 'ИИН', 'Дата рождения', 'Телефон', 'Пол', 'Регион']);
    expect(sheet.mapping).toEqual([null, 'fullName', 'iin', 'birthDate', null, 'phone', 'sex', 'region']);

    const report = importRoster(core, file);
    expect(report).toMatchObject({ rows: 4, added: 4, updated: 0, unchanged: 0, rejectedRows: 0, rejected: [] });
    const rows = volunteers(core);
    const by = (last: string) => rows.find((r) => r.last_name === last)!;
    expect(by('Жұмабеков')).toMatchObject({ first_name: 'Нұрсұлтан', middle_name: 'Ерланұлы', iin: young, birth_date: '2005-03-12', sex: 'M', phone: '+77011234567', region: 'KZ-75' });
    expect(by('Иванова')).toMatchObject({ first_name: 'Мария', middle_name: 'Петровна', iin: maria, birth_date: '1995-04-12', sex: 'F', phone: '+77025551234' });
    expect(by('Сәрсенбаева')).toMatchObject({ first_name: 'Әсел', middle_name: null, iin: null, birth_date: '1990-03-12', sex: 'F', phone: '+77071234567', region: 'KZ-75' });
    expect(by('АХМЕТОВ')).toMatchObject({ first_name: 'Ерлан', iin: erlan, birth_date: '1987-11-30', phone: '+77011112233', region: 'KZ-19' });
    // The Latin letters were really replaced: the names are all-Cyrillic now.
    for (const r of rows) expect(`${r.last_name}${r.first_name}${r.middle_name ?? ''}`).not.toMatch(/[A-Za-z]/);
  });

  it('reads merged two-level headers with a vertical merge and a blank first column', async () => {
    const core = officeCore();
    const iin = iinFor('1999-09-09', 'F');
    const file = await xlsx({
      rows: [
        [null, 'Личные данные', null, null, 'ИИН', 'Контакты', null],
        [null, 'Фамилия', 'Имя', 'Отчество', null, 'Телефон', 'E-mail'],
        [null, 'Оспанова', 'Дана', 'Маратовна', iin, '8(747)1234567', 'dana@mail.kz'],
        [null, 'Ли', 'Виктор', null, null, '+77051112233', null],
      ],
      merges: ['B1:D1', 'E1:E2', 'F1:G1'],
    });
    const { sheet } = openRoster(core, file);
    expect(sheet.headerRow).toBe(2);
    expect(sheet.columns.map((c) => [c.letter, c.header])).toEqual([
      ['B', 'Фамилия'], ['C', 'Имя'], ['D', 'Отчество'], ['E', 'ИИН'], ['F', 'Телефон'], ['G', 'E-mail'],
    ]);
    expect(sheet.mapping).toEqual([null, 'lastName', 'firstName', 'middleName', 'iin', 'phone', 'email']);
    expect(importRoster(core, file)).toMatchObject({ added: 2, rejectedRows: 0 });
    expect(volunteers(core).find((v) => v.last_name === 'Оспанова')).toMatchObject({ iin, phone: '+77471234567', email: 'dana@mail.kz', birth_date: '1999-09-09' });
  });

  it('guesses Kazakh and English headers, and reads text IINs, formulas’ values and two-digit years', async () => {
    const core = officeCore();
    const iin = iinFor('2001-01-15', 'M');
    const kk = await xlsx({
      rows: [
        ['Т.А.Ә.', 'ЖСН', 'Туған күні', 'Ұялы телефон', 'Жынысы', 'Өңір', 'Эл. пошта'],
        ['Серікбаев Асқар', `'${iin}`.slice(1), '15.01.01', { formula: '"8701"&"5556677"', result: '87015556677' }, 'Ер', 'Астана', 'a@b.kz'],
      ],
    });
    const { sheet } = openRoster(core, kk);
    expect(sheet.mapping).toEqual(['fullName', 'iin', 'birthDate', 'phone', 'sex', 'region', 'email']);
    expect(importRoster(core, kk)).toMatchObject({ added: 1, rejectedRows: 0 });
    expect(volunteers(core)[0]).toMatchObject({ last_name: 'Серікбаев', first_name: 'Асқар', iin, birth_date: '2001-01-15', phone: '+77015556677', sex: 'M', region: 'KZ-71' });

    const en = await xlsx({ rows: [['Full name', 'IIN', 'Date of birth', 'Phone', 'E-mail', 'Gender', 'Skills'], ['Smith John', null, '1990-05-06', '701 000 11 22', 'j@s.kz', 'male', 'First aid, IT']] });
    expect(openRoster(core, en).sheet.mapping).toEqual(['fullName', 'iin', 'birthDate', 'phone', 'email', 'sex', 'skills']);
    expect(importRoster(core, en)).toMatchObject({ added: 1 });
    expect(volunteers(core).find((v) => v.last_name === 'Smith')).toMatchObject({ first_name: 'John', skills: '["firstAid","it"]', sex: 'M' });
  });

  it('reads CSV in Windows-1251 with semicolons, UTF-8 with a BOM and commas, and tabs', () => {
    const core = officeCore();
    const rows = ['Фамилия;Имя;Дата рождения;Телефон', 'Петров;Пётр;01.02.1980;8 777 123 45 67', '"Кім";"Ольга ";"03.04.1991";""'];
    const cp1251 = iconv.encode(rows.join('\r\n'), 'win1251');
    const inspected = openRoster(core, cp1251, 'список.csv').inspected;
    expect(inspected).toMatchObject({ format: 'csv', encoding: 'windows-1251' });
    expect(inspected.sheets[0]!.mapping).toEqual(['lastName', 'firstName', 'birthDate', 'phone']);
    // Kazakh letters do not exist in 1251: the office typed "Ким".
    const utf8 = new TextEncoder().encode(`\ufeff${rows.join('\n').replace(/;/g, ',').replace('Кім', 'Кім')}\n`);
    expect(openRoster(core, utf8, 'list.csv').inspected.encoding).toBe('utf-8');
    expect(importRoster(core, utf8, 'list.csv')).toMatchObject({ added: 2, rejectedRows: 0 });
    const tsv = new TextEncoder().encode(rows.join('\n').replace(/;/g, '\t'));
    expect(importRoster(core, tsv, 'list.tsv')).toMatchObject({ added: 0, unchanged: 2 });
    expect(volunteers(core).map((v) => [v.last_name, v.first_name, v.birth_date])).toEqual([['Кім', 'Ольга', '1991-04-03'], ['Петров', 'Пётр', '1980-02-01']]);
  });

  it('reads UTF-16 CSV with a BOM, little- and big-endian (Excel\'s "Unicode text")', () => {
    const core = officeCore();
    const text = 'Фамилия\tИмя\tДата рождения\r\nЖұмабаев\tӘлихан\t05.06.1990\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const inspected = openRoster(core, new Uint8Array(bytes), 'unicode.txt').inspected;
      expect(inspected).toMatchObject({ format: 'csv', encoding });
      expect(inspected.sheets[0]!.mapping).toEqual(['lastName', 'firstName', 'birthDate']);
      expect(inspected.sheets[0]!.sample).toEqual([['Жұмабаев', 'Әлихан', '05.06.1990']]);
    }
  });
});

describe('roster import: validation, matching, one transaction', () => {
  const good = iinFor('1990-06-01', 'M', 200);
  const other = iinFor('1992-07-02', 'F', 300);

  async function badFile() {
    return xlsx({
      rows: [
        ['Фамилия', 'Имя', 'ИИН', 'Дата рождения', 'Телефон'],
        ['Абенов', 'Марат', good, null, '87011234567'],
        ['Бекова', 'Айгерим', badChecksum(other), null, null],
        ['Бекова', 'Айгерим', other, '03.07.1992', null],
        ['Валиев', 'Ринат', null, null, '12345'],
        ['Иванов2', 'Иван', null, null, null],
        ['Гусев', 'Олег', null, '31.02.1990', null],
        ['Давыдов', 'Павел', null, '01.01.2999', null],
        ['Ержанов', null, null, null, null],
        ['Жуков', 'Антон', null, '05.05.1985', '+7 700 000 00 00'],
      ],
    });
  }

  it('rejects only what makes a person unusable; a bad optional cell is left empty with a warning, by the app’s own rules', async () => {
    const core = officeCore();
    const report = preview(core, await badFile());
    expect(report).toMatchObject({ rows: 9, added: 6, updated: 0, unchanged: 0, rejectedRows: 3, warnedRows: 4 });
    expect(report.rejected).toEqual([
      { row: 3, column: 'ИИН', key: 'error.iin.checksum' },
      { row: 6, column: 'Фамилия', key: 'error.nameChars' },
      { row: 9, column: 'Имя', key: 'error.required' },
    ]);
    expect(report.warnings).toEqual([
      { row: 4, column: 'Дата рождения', key: 'error.iin.birthMismatch' },
      { row: 5, column: 'Телефон', key: 'error.phone' },
      { row: 7, column: 'Дата рождения', key: 'error.noSuchDate' },
      { row: 8, column: 'Дата рождения', key: 'error.futureDate' },
    ]);
    expect(report.addedPeople.map((p) => p.name)).toEqual(['Абенов Марат', 'Бекова Айгерим', 'Валиев Ринат', 'Гусев Олег', 'Давыдов Павел', 'Жуков Антон']);
    expect(volunteers(core)).toHaveLength(0); // a preview writes nothing
  });

  it('imports the accepted rows, with the fields that did not fit left empty, and the same file twice adds nobody', async () => {
    const core = officeCore();
    const file = await badFile();
    expect(importRoster(core, file)).toMatchObject({ added: 6, rejectedRows: 3 });
    const people = volunteers(core);
    expect(people.map((v) => v.last_name)).toEqual(['Абенов', 'Бекова', 'Валиев', 'Гусев', 'Давыдов', 'Жуков']);
    // The IIN's own birth date stands where the typed one disagreed; the unusable ones are empty.
    expect(people.map((v) => [v.last_name, v.birth_date, v.phone])).toEqual([
      ['Абенов', '1990-06-01', '+77011234567'],
      ['Бекова', '1992-07-02', null],
      ['Валиев', null, null],
      ['Гусев', null, null],
      ['Давыдов', null, null],
      ['Жуков', '1985-05-05', '+77000000000'],
    ]);
    expect(importRoster(core, file)).toMatchObject({ added: 0, updated: 0, unchanged: 6, rejectedRows: 3 });
    expect(volunteers(core)).toHaveLength(6);
  });

  it('writes names typed in capitals or small letters in the usual form, Kazakh and Russian alike', async () => {
    const core = officeCore();
    const file = await xlsx({ rows: [['ФИО'], ['ОМАРОВА айжан'], ['СӘРСЕНБАЕВ ӘЛИ-ҰЛЫ'], ['МакДональд Рональд']] });
    expect(importRoster(core, file).addedPeople.map((p) => p.name)).toEqual(['Омарова Айжан', 'Сәрсенбаев Әли-Ұлы', 'МакДональд Рональд']);
  });

  it('matches by IIN, or by name and birth date, or name and phone; updates only what changed', async () => {
    const core = officeCore();
    const a = core.callAs(ADMIN, 'volunteers.create', { lastName: 'Абенов', firstName: 'Марат', iin: good, phone: '87011234567', email: 'old@mail.kz' });
    const b = core.callAs(ADMIN, 'volunteers.create', { lastName: 'Бекова', firstName: 'Айгерим', birthDate: '1992-07-02' });
    const c = core.callAs(ADMIN, 'volunteers.create', { lastName: 'Жуков', firstName: 'Антон', phone: '+77000000000' });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ахметов', firstName: 'Ерлан' });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ахметов', firstName: 'Ерлан', middleName: 'Болатович', phone: '+77001112233' });
    const before = core.db.prepare('SELECT updated_at FROM volunteers WHERE id = ?').get(c.id);
    const file = await xlsx({
      rows: [
        ['ФИО', 'ИИН', 'Дата рождения', 'Телефон', 'E-mail'],
        ['Абенов Марат', good, null, '8 701 123 45 67', 'new@mail.kz'], // by IIN: e-mail changes
        ['БЕКОВА Айгерим', other, '02.07.1992', null, null], // by name + birth date: the IIN is added
        ['Жуков Антон', null, null, '8 700 000 00 00', null], // by name + phone: nothing changes
        ['Ахметов Ерлан Болатович', null, null, null, null], // one Ахметов has that patronymic: matched by name
        ['Новиков Илья', null, '10.10.2000', null, null], // new
      ],
    });
    const report = importRoster(core, file);
    expect(report).toMatchObject({ added: 1, updated: 2, unchanged: 2, rejectedRows: 0 });
    expect(report.updates).toEqual([
      { row: 2, id: a.id, name: 'Абенов Марат', by: 'iin', fields: ['email'] },
      { row: 3, id: b.id, name: 'Бекова Айгерим', by: 'nameBirthDate', fields: ['iin', 'sex'] },
    ]);
    expect(core.callAs(ADMIN, 'volunteers.get', { id: a.id })).toMatchObject({ email: 'new@mail.kz', phone: '+77011234567' });
    expect(core.callAs(ADMIN, 'volunteers.get', { id: b.id })).toMatchObject({ iin: other, lastName: 'Бекова' });
    expect(core.db.prepare('SELECT updated_at FROM volunteers WHERE id = ?').get(c.id)).toEqual(before);
    // Updates are replicated writes: the changed fields carry clock stamps.
    const clock = core.db.prepare("SELECT fields FROM row_clock WHERE tbl = 'volunteers' AND row_id = ?").get(a.id) as { fields: string };
    expect(Object.keys(JSON.parse(clock.fields))).toEqual(['email']);
    expect(importRoster(core, file)).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
  });

  it('reports an ambiguous likely match and duplicates inside the file instead of guessing', async () => {
    const core = officeCore();
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ахметов', firstName: 'Ерлан', phone: '+77001112233' });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ахметов', firstName: 'Ерлан', phone: '+77001112233' });
    const file = await xlsx({
      rows: [
        ['Фамилия', 'Имя', 'ИИН', 'Телефон'],
        ['Ахметов', 'Ерлан', null, '87001112233'],
        ['Абенов', 'Марат', good, null],
        ['Абенов', 'Марат', good, null],
        ['Новикова', 'Анна', null, '87770001122'],
        ['НОВИКОВА', 'Анна', null, '+7 777 000 11 22'],
      ],
    });
    const report = preview(core, file);
    expect(report).toMatchObject({ added: 2, rejectedRows: 3 });
    expect(report.rejected).toEqual([
      { row: 2, column: null, key: 'error.roster.ambiguous', params: { count: 2 } },
      { row: 4, column: null, key: 'error.roster.duplicate', params: { row: 3 } },
      { row: 6, column: null, key: 'error.roster.duplicate', params: { row: 5 } },
    ]);
    expect(report.duplicates).toEqual([{ row: 4, firstRow: 3 }, { row: 6, firstRow: 5 }]);
  });

  it('is one transaction: a row that fails to write leaves nothing behind', async () => {
    const core = officeCore();
    core.db.exec("CREATE TRIGGER fail_one BEFORE INSERT ON volunteers WHEN new.last_name = 'Сбой' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
    const file = await xlsx({ rows: [['Фамилия', 'Имя'], ['Первый', 'Один'], ['Второй', 'Два'], ['Сбой', 'Три'], ['Четвёртый', 'Четыре']] });
    const { choice } = openRoster(core, file);
    expect(core.callAs(ADMIN, 'roster.preview', choice)).toMatchObject({ added: 4 });
    expect(() => core.callAs(ADMIN, 'roster.import', choice)).toThrow();
    expect(volunteers(core)).toHaveLength(0);
    expect(core.db.prepare("SELECT count(*) AS n FROM row_clock WHERE tbl = 'volunteers'").get()).toEqual({ n: 0 });
    core.db.exec('DROP TRIGGER fail_one');
    expect(core.callAs(ADMIN, 'roster.import', choice)).toMatchObject({ added: 4 });
  });

  it('lets the user correct the mapping and the header row', async () => {
    const core = officeCore();
    const file = await xlsx({ rows: [['Колонка 1', 'Колонка 2', 'Колонка 3'], ['Сидоров', 'Семён', 'примечание'], ['Орлова', 'Ольга', null]] });
    const { choice, sheet } = openRoster(core, file);
    expect(sheet.mapping).toEqual([null, null, null]);
    expect(failure(() => core.callAs(ADMIN, 'roster.preview', choice)).key).toBe('error.roster.noNameColumn');
    expect(failure(() => core.callAs(ADMIN, 'roster.preview', { ...choice, mapping: ['lastName', 'lastName', null] })).key).toBe('error.roster.mappedTwice');
    const report = core.callAs(ADMIN, 'roster.import', { ...choice, mapping: ['lastName', 'firstName', 'notes'] });
    expect(report).toMatchObject({ added: 2 });
    expect(volunteers(core).find((v) => v.last_name === 'Сидоров')).toMatchObject({ notes: 'примечание' });
    const shifted = core.callAs(ADMIN, 'roster.preview', { ...choice, headerRow: 2, mapping: ['lastName', 'firstName', null] });
    expect(shifted).toMatchObject({ rows: 1, unchanged: 1 });
  });

  it('keeps an upload to the user who sent it', async () => {
    const core = officeCore();
    const { choice } = openRoster(core, await xlsx({ rows: [['Фамилия', 'Имя'], ['А', 'Б']] }));
    expect(failure(() => core.callAs(STAFF, 'roster.preview', choice)).key).toBe('error.roster.expired');
    core.callAs(ADMIN, 'roster.discard', { token: choice.token });
    expect(failure(() => core.callAs(ADMIN, 'roster.preview', choice)).key).toBe('error.roster.expired');
  });

  it('limits uploads per user: five files from one user expire only that user’s oldest, never another’s pending file', async () => {
    const core = officeCore();
    const file = await xlsx({ rows: [['Фамилия', 'Имя'], ['Абенов', 'Марат']] });
    const half = Buffer.from(file).subarray(0, 100).toString('base64');
    const rest = Buffer.from(file).subarray(100).toString('base64');
    // The staff member's file is half-sent when the administrator sends five files of their own.
    const pending = core.callAs(STAFF, 'roster.upload', { chunk: half }).token;
    const admins = Array.from({ length: 5 }, () => openRoster(core, file).choice);
    core.callAs(STAFF, 'roster.upload', { token: pending, chunk: rest });
    core.callAs(STAFF, 'roster.inspect', { token: pending, fileName: 'roster.xlsx' });
    expect(core.callAs(STAFF, 'roster.preview', { token: pending, sheet: 0, mapping: ['lastName', 'firstName'] })).toMatchObject({ rows: 1 });
    expect(failure(() => core.callAs(ADMIN, 'roster.preview', admins[0]!)).key).toBe('error.roster.expired');
    for (const choice of admins.slice(1)) expect(core.callAs(ADMIN, 'roster.preview', choice)).toMatchObject({ rows: 1 });
  });
});

describe('roster import: files it cannot read', () => {
  const inspect = (core: ReturnType<typeof officeCore>, bytes: Uint8Array, name: string) => failure(() => openRoster(core, bytes, name)).key;

  function cfb(withEncryption: boolean): Uint8Array {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const body = Buffer.concat([Buffer.from(header), Buffer.alloc(504), withEncryption ? Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le') : Buffer.from('Workbook', 'utf16le'), Buffer.alloc(1024)]);
    return new Uint8Array(body);
  }

  it('names the cause: password-protected, old .xls, not a spreadsheet, damaged, empty', async () => {
    const core = officeCore();
    expect(inspect(core, cfb(true), 'secret.xlsx')).toBe('error.roster.encrypted');
    expect(inspect(core, cfb(false), 'old.xls')).toBe('error.roster.legacyXls');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(inspect(core, png, 'photo.csv')).toBe('error.roster.notSpreadsheet');
    const { zipSync, strToU8 } = await import('fflate');
    expect(inspect(core, zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'letter.xlsx')).toBe('error.roster.notSpreadsheet');
    const real = await xlsx({ rows: [['Фамилия', 'Имя'], ['А', 'Б']] });
    expect(inspect(core, real.subarray(0, real.length / 2), 'cut.xlsx')).toBe('error.roster.damaged');
    expect(inspect(core, new Uint8Array(0), 'empty.csv')).toBe('error.roster.empty');
  });

  it('refuses a file over the size limit while it is being sent, and too many rows', () => {
    const core = officeCore();
    const chunk = Buffer.alloc(8 * 1024 * 1024, 0x41).toString('base64');
    let token: string | undefined;
    let error: CallError | null = null;
    for (let i = 0; i < 8 && !error; i++) {
      try {
        token = core.callAs(ADMIN, 'roster.upload', token ? { token, chunk } : { chunk }).token;
      } catch (e) {
        error = e as CallError;
      }
    }
    expect(error?.key).toBe('error.roster.tooLarge');
    expect(error?.params).toEqual({ limit: 50 });
    const many = new TextEncoder().encode(`Фамилия;Имя\n${'А;Б\n'.repeat(201_001)}`);
    expect(inspect(core, many, 'many.csv')).toBe('error.roster.tooManyRows');
  });

  it('calls a bad character reference damage, not an internal error', () => {
    const core = officeCore();
    for (const ref of ['&#xFFFFFFFF;', '&#0;', '&#xD800;', '&#99999999999999999999;']) {
      const bytes = hostileXlsx({ strings: stringsXml(`<si><t>Фамилия${ref}</t></si>`), sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') });
      expect(failure(() => openRoster(core, bytes, 'refs.xlsx')).toPayload()).toEqual({ code: 'validation', key: 'error.roster.damaged' });
    }
  });

  it('stops a zip bomb at the unpacked-size limit, with the limit, whatever size the zip declares', () => {
    const core = officeCore();
    // 1 MB on disk, a gigabyte unpacked; the second copy claims its sheet is 100 bytes.
    const bomb = hostileXlsx({ sheet: deflatedRepeat(' '.repeat(1 << 20), 1024) });
    const liar = hostileXlsx({ sheet: deflatedRepeat(' '.repeat(1 << 20), 1024, 100) });
    for (const bytes of [bomb, liar]) {
      const error = failure(() => openRoster(core, bytes, 'bomb.xlsx'));
      expect(error.toPayload()).toEqual({ code: 'validation', key: 'error.roster.expandsTooMuch', params: { limit: 400 } });
    }
  });
});

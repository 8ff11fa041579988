import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attendanceSheet, fullName, type AttendanceRow, type AttendanceSheetInput } from '../../../../electron/core/documents/attendance';
import { pdfPages, renderPage } from '../../../helpers/pdf';

const KAZAKH: AttendanceRow[] = [
  { lastName: 'Әбдіқадырова', firstName: 'Гүлнұр', middleName: 'Ерғалиқызы', birthDate: '2001-03-09' },
  { lastName: 'Қонаев', firstName: 'Нұрсұлтан', middleName: 'Өмірұлы', birthDate: '1999-12-31' },
  { lastName: 'Үмбетова', firstName: 'Аңсаған', birthDate: '2005-01-15' },
  { lastName: 'Һәкімов', firstName: 'Ілияс', middleName: 'Шаһмарданұлы' },
  { lastName: 'Төлегенова', firstName: 'Ұлжан', middleName: 'Ғалымқызы', birthDate: '2008-02-29' },
];
const RUSSIAN: AttendanceRow[] = [
  { lastName: 'Щербакова', firstName: 'Анастасия', middleName: 'Владимировна', birthDate: '1990-07-04' },
  { lastName: 'Ёлкин', firstName: 'Фёдор', middleName: 'Ильич' },
];

/** 70 people, Kazakh and Russian names, each one distinct (a number in the first name). */
function seventy(): AttendanceRow[] {
  const base = [...KAZAKH, ...RUSSIAN];
  return Array.from({ length: 70 }, (_, i) => {
    const person = base[i % base.length]!;
    return { ...person, lastName: `${person.lastName}${i < base.length ? '' : `-${i + 1}`}` };
  });
}

const input = (rows: AttendanceRow[], extra: Partial<AttendanceSheetInput> = {}): AttendanceSheetInput => ({
  office: 'Алматы облысы еріктілер кеңсесі',
  programTitle: 'Алғашқы медициналық көмек',
  sessionDates: { start: '2026-12-01', end: '2026-12-03' },
  place: 'Қонаев қ., Абай даңғылы 15',
  trainers: ['Сәрсенбаев Нұрлан', 'Иванова Ольга'],
  rows,
  printedOn: '2026-11-27',
  ...extra,
});

describe('training attendance sheet', () => {
  it('holds every Kazakh and Russian name as written, numbered, over several pages with the header on each', async () => {
    const rows = seventy();
    const pages = pdfPages(attendanceSheet(input(rows), 'kk'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = pages.join('\n');
    for (const [i, row] of rows.entries()) expect(text).toMatch(new RegExp(`^\\s*${i + 1} ${fullName(row)}(?=\\s|$)`, 'm'));
    for (const letter of 'әғқңөұүһіӘҒҚӨҰҮҺІ') expect(text).toContain(letter);
    // The title block once, on page 1; the table's header on every page.
    expect(pages[0]).toContain('Қатысушыларды тіркеу парағы');
    expect(pages[0]).toContain('Өткізілетін күндері: 01.12.2026 – 03.12.2026');
    expect(pages[0]).toContain('Тренерлер: Сәрсенбаев Нұрлан, Иванова Ольга');
    expect(pages[1]).not.toContain('Өткізілетін орны');
    for (const page of pages) expect(page).toMatch(/№\s+Тегі, аты, әкесінің аты\s+Туған күні\s+Қолы\s+Қатысуы/);
    // Birth dates as written on paper; none when unknown.
    expect(text).toMatch(/Әбдіқадырова Гүлнұр Ерғалиқызы\s+09\.03\.2001/);
    expect(text).toMatch(/Барлық қатысушылар: 70/);
    pages.forEach((page, i) => expect(page).toContain(`${pages.length} беттің ${i + 1}-беті`));
    expect(pages[0]).toContain('Басып шығарылған күні: 27.11.2026');
  });

  it('prints in Russian and English from the translation files', async () => {
    const rows = seventy();
    const ru = pdfPages(attendanceSheet(input(rows), 'ru'));
    expect(ru[0]).toContain('Лист регистрации участников');
    // "Дата рождения" takes two lines in its narrow header cell.
    expect(ru[1]).toMatch(/Дата\n\s*№\s+Фамилия, имя, отчество\s+Подпись\s+Явка\n\s+рождения/);
    expect(ru[1]).toContain(`Страница 2 из ${ru.length}`);
    expect(ru.join('\n')).toContain('Щербакова Анастасия Владимировна');

    const en = pdfPages(attendanceSheet(input(rows), 'en'));
    expect(en[0]).toContain('Attendance sheet');
    expect(en[0]).toContain('Program: Алғашқы медициналық көмек');
    expect(en[1]).toMatch(/№\s+Full name\s+Date of birth\s+Signature\s+Present/);
    expect(en[en.length - 1]).toContain(`Page ${en.length} of ${en.length}`);
    expect(en[0]).toContain('Printed 27.11.2026');
  });

  it('gives the same bytes for the same input, and other bytes on another day', async () => {
    const first = attendanceSheet(input(seventy()), 'kk');
    const second = attendanceSheet(input(seventy()), 'kk');
    expect(Buffer.compare(first, second)).toBe(0);
    const nextDay = attendanceSheet(input(seventy(), { printedOn: '2026-11-28' }), 'kk');
    expect(Buffer.compare(first, nextDay)).not.toBe(0);
  });

  it('wraps a name too long for its cell instead of cutting it', async () => {
    const long = { lastName: 'Сұлтанмахмұтова-Тоқтарбекова-Жұмабаева', firstName: 'Айгерім-Аңсаған', middleName: 'Мұхаммедқалиқызы' };
    const text = pdfPages(attendanceSheet(input([long, KAZAKH[0]!]), 'kk')).join('\n');
    // Broken after a hyphen or a space, every piece is there in order.
    expect(text).toMatch(/Сұлтанмахмұтова-Тоқтарбекова-\n\s+1 Жұмабаева Айгерім-Аңсаған\n\s+Мұхаммедқалиқызы\n/);
    expect(text).toMatch(/^\s*2 Әбдіқадырова Гүлнұр Ерғалиқызы/m);
  });

  it('prints a one-day session as one date, and an empty list with its header', async () => {
    const pages = pdfPages(attendanceSheet(input([], { sessionDates: { start: '2026-12-05', end: '2026-12-05' }, place: '', trainers: [] }), 'ru'));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Даты проведения: 05.12.2026\n');
    // Lines without a value are left out rather than printed empty.
    expect(pages[0]).not.toContain('Место проведения');
    expect(pages[0]).toMatch(/№\s+Фамилия, имя, отчество/);
    expect(pages[0]).toContain('Всего участников: 0');
  });

  it('renders as an A4 page', async () => {
    const png = readFileSync(renderPage(attendanceSheet(input(KAZAKH), 'kk'), 1, 60));
    // PNG header: width and height of A4 (595 × 842 pt) at 60 dpi.
    expect(Math.abs(png.readUInt32BE(16) - (595.28 / 72) * 60)).toBeLessThan(1.5);
    expect(Math.abs(png.readUInt32BE(20) - (841.89 / 72) * 60)).toBeLessThan(1.5);
  });
});

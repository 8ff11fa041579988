import { describe, expect, it } from 'vitest';
import { headedDocument, kazakhstanToday, paperDates, PrintedDocument } from '../../../../electron/core/documents/layout';
import { pdfPages } from '../../../helpers/pdf';

describe('printed document layout', () => {
  it('numbers pages "N of M" in the footer, or leaves stand-alone pages (certificates) without', async () => {
    const make = async (footer: boolean) => {
      const doc = new PrintedDocument({ lang: 'ru', title: 'Сертификаты', printedOn: '2026-11-27', footer });
      for (const name of ['Әлия Қасымқызы', 'Фёдор Ёлкин']) {
        doc.titleBlock({ office: 'Офис', title: name });
        if (name !== 'Фёдор Ёлкин') doc.newPage();
      }
      return pdfPages(doc.finish());
    };
    const numbered = await make(true);
    expect(numbered).toHaveLength(2);
    expect(numbered[1]).toContain('Страница 2 из 2');
    expect(numbered[1]).toContain('Сертификаты · Напечатано 27.11.2026');
    const plain = await make(false);
    expect(plain[0]).toContain('Әлия Қасымқызы');
    expect(plain.join('')).not.toContain('Страница');
  });

  it('takes today from Kazakhstan’s clock (UTC+5), not the machine’s', () => {
    expect(kazakhstanToday(new Date('2026-11-27T18:59:59Z'))).toBe('2026-11-27');
    expect(kazakhstanToday(new Date('2026-11-27T19:00:00Z'))).toBe('2026-11-28');
  });

  it('writes one day as one date and several as a range', () => {
    expect(paperDates('2026-12-01', '2026-12-01')).toBe('01.12.2026');
    expect(paperDates('2026-12-01', '2026-12-03')).toBe('01.12.2026 – 03.12.2026');
  });

  it('heads a document with the office, its title and facts, and names the PDF "<title>: <subject>"', () => {
    const doc = headedDocument({ lang: 'kk', printedOn: '2026-11-27', office: 'Атырау офисі', title: 'Тізім', subject: 'Су тасқыны', lines: [{ label: 'Орны', value: 'Атырау' }, { label: 'Бос', value: ' ' }] });
    const [page] = pdfPages(doc.finish());
    expect(page).toContain('Атырау офисі');
    expect(page).toContain('Орны: Атырау');
    expect(page).not.toContain('Бос');
    expect(page).toContain('Тізім: Су тасқыны');
  });

  it('refuses a print date that is not a calendar date', () => {
    expect(() => new PrintedDocument({ lang: 'en', title: 'x', printedOn: '27.11.2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('keeps a table’s heading and header with its first row, however tall, instead of alone at a page’s foot', () => {
    const doc = new PrintedDocument({ lang: 'kk', title: 'Тізім', printedOn: '2026-11-27' });
    // Filled to a few lines above the footer.
    while (doc.pdf.y < doc.pdf.page.height - doc.pdf.page.margins.bottom - 70) doc.paragraph('Жол');
    const route = Array.from({ length: 12 }, () => 'Алматы қаласы, Абай даңғылы').join(' ');
    doc.table({ heading: 'Көлік', columns: [{ key: 'route', header: 'Бағыт', width: 20 }, { key: 'driver', header: 'Жүргізуші', width: 20 }], rows: [{ route, driver: 'Ғалым' }] });
    const pages = pdfPages(doc.finish());
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Көлік');
    expect(pages[0]).not.toContain('Бағыт');
    for (const text of ['Көлік', 'Бағыт', 'Ғалым']) expect(pages[1]).toContain(text);
  });
});

import { copyFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../../../helpers/temp-db';
import { pdfPages, renderPage } from '../../../helpers/pdf';
import { closeOffices, hours, kazakh, office, passedSession, person } from './helpers';

afterEach(closeOffices);

describe('certificates in print', () => {
  it('a batch is one PDF, one certificate per page, Kazakh and Russian on each, names as written, number and short code', () => {
    const core = office('KZ-75');
    const people = [kazakh(core), person(core, 'Иванова', { firstName: 'Мария' }), person(core, 'Сейітқазы', { firstName: 'Әйгерім' })];
    const session = passedSession(core, people);
    const batch = core.callAs(ADMIN, 'certificates.batch', { kind: 'training', sessionId: session, signatory: 'Директор А. Б. Сериков' });
    expect(batch.certificates).toHaveLength(3);
    const pdf = Buffer.from(batch.file!.base64, 'base64');
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(3);
    const byNumber = new Map(batch.certificates.map((c) => [c.number, c]));
    for (const page of pages) {
      const number = /KZ-75-2026-\d{6}/.exec(page)![0];
      expect(page).toContain(byNumber.get(number)!.code);
      expect(page).toContain('Оқудан өткені туралы сертификат');
      expect(page).toContain('Сертификат о прохождении обучения');
      expect(page).not.toContain('Certificate of training');
      expect(page).toContain('Директор А. Б. Сериков');
    }
    expect(pages.join('\n')).toContain('Жұмабеков Нұрсұлтан Әлиұлы');
    expect(pages.join('\n')).toContain('Zhumabekov Nursultan');
    expect(pages.join('\n')).toContain('Сейітқазы Әйгерім');
    if (process.env.CERT_PNG) copyFileSync(renderPage(pdf, 1, 60), process.env.CERT_PNG);
  });

  it('English on request; a re-print is the same certificate, byte for byte', () => {
    const core = office('KZ-75');
    const v = kazakh(core);
    hours(core, v, 21, { category: 'flood' });
    const issued = core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: v, print: true, english: true });
    const text = pdfPages(Buffer.from(issued.file!.base64, 'base64'))[0]!;
    expect(text).toContain('Certificate of volunteer service');
    expect(text).toContain('Волонтерлік қызмет туралы сертификат');
    expect(text).toContain('Паводок');
    const number = issued.certificates[0]!.number;
    const first = core.callAs(ADMIN, 'certificates.print', { numbers: [number], english: true });
    expect(core.callAs(ADMIN, 'certificates.print', { numbers: [number], english: true }).base64).toBe(first.base64);
    expect(first.base64).toBe(issued.file!.base64);
    if (process.env.CERT_PNG) copyFileSync(renderPage(Buffer.from(first.base64, 'base64'), 1, 60), `${process.env.CERT_PNG}.service.png`);
  });
});

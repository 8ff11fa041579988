import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { qrBox } from '../../../../electron/core/documents/certificate';
import { ADMIN, tempDir } from '../../../helpers/temp-db';
import { pdfPages, renderPage } from '../../../helpers/pdf';
import { closeOffices, hours, kazakh, office, passedSession, person, STAFF } from './helpers';

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

describe('the QR code on paper', () => {
  /** Page 1 rendered in grey at `dpi` (poppler's PGM: a header, then one byte a pixel). */
  function grey(pdf: Buffer, dpi: number): { width: number; height: number; at(x: number, y: number): number } {
    const dir = tempDir();
    const file = path.join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page')]);
    const bytes = readFileSync(path.join(dir, 'page.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
    const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
    return { width, height, at: (x, y) => bytes[offset + y * width + x]! };
  }

  it('is drawn module for module as the encoder made it for the certificate’s QR content (alphanumeric, level Q), and that content verifies', () => {
    const core = office('KZ-75');
    const v = kazakh(core);
    hours(core, v, 21);
    const issued = core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: v, print: true });
    const qr = issued.certificates[0]!.qr!;
    const dpi = 300;
    const image = grey(Buffer.from(issued.file!.base64, 'base64'), dpi);
    const symbol = QRCode.create([{ data: qr, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' });
    expect(symbol.segments.map((s) => s.mode.id)).toEqual(['Alphanumeric']);
    const box = qrBox({ width: 595.28, height: 841.89 });
    const size = symbol.modules.size;
    const unit = box.side / (size + 2 * box.quietModules);
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    let mismatches = 0;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const x = px(box.x + (box.quietModules + col + 0.5) * unit);
        const y = px(box.y + (box.quietModules + row + 0.5) * unit);
        if ((image.at(x, y) < 128) !== Boolean(symbol.modules.get(row, col))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    // The quiet zone is blank.
    for (let k = 0; k < size; k++) expect(image.at(px(box.x + 2 * unit), px(box.y + (box.quietModules + k + 0.5) * unit))).toBeGreaterThan(200);
    expect(core.callAs(STAFF, 'certificates.verify', { text: qr }).status).toBe('valid');
  });
});

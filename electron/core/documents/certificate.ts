import { dateText } from '../../../shared/domain/date-text';
import QRCode from 'qrcode';
import type { CertificateKind } from '../../../shared/domain/certificates';
import type { EventCategory } from '../../../shared/domain/events';
import { translate, type Lang } from '../../../shared/i18n/translate';
import { paperDates, PrintedDocument } from './layout';
import { noProgress, type Progress } from '../progress';

/** What one certificate page prints; certificates/ fills it from the register. */
export interface CertificatePage {
  kind: CertificateKind;
  number: string;
  code: string;
  qr: string;
  office: string;
  holderName: string;
  holderLatin: string;
  /** Training: the program's title per language (the first written one stands in for a missing one). */
  title: { kk: string | null; ru: string | null; en: string | null } | null;
  from: string;
  to: string;
  hours: number;
  events: number | null;
  categories: EventCategory[] | null;
  issuedOn: string;
  signatory: string | null;
}

const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
/** About 3.9 cm: scans from paper with a phone held at a comfortable distance. */
const QR_SIDE = 110;
const FRAME = 22;
/** The blank margin around a QR code, in modules, as the standard asks. */
const QUIET_MODULES = 4;

/**
 * The QR code's dark modules as filled rectangles (vectors: sharp at any print resolution), one
 * per run of dark modules in a row, drawn in module units (whole numbers keep the page small).
 *
 * The mask is fixed (QR_MASK) rather than chosen by the standard's penalty rules: every decoder
 * reads any of the eight masks (the symbol's format bits name it), the choice only lowers the odds
 * of finder-like or flat areas. Choosing costs about 3 ms a code (the eight masks laid and scored),
 * a third of a 1,000-certificate batch; a fixed mask costs 0.2 ms. Measured on 100 different
 * certificates drawn at this size (3.9 cm) and rendered at 100 and 150 dpi, jsQR decoded them all
 * with mask 0 as with the encoder's choice (test/electron/core/certificates/pdf.test.ts keeps that
 * check). Mask 0 (a checkerboard) scored closest to the best mask by the standard's penalty
 * (mean excess 141 points over 200 random certificate texts; the other masks 190–310).
 */
export const QR_MASK = 0;

function drawQr(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, side: number): void {
  // Base45 is exactly the QR alphanumeric set: 5.5 bits a character instead of byte mode's 8.
  const code = QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q', maskPattern: QR_MASK });
  const size = code.modules.size;
  const quiet = QUIET_MODULES;
  const unit = side / (size + 2 * quiet);
  pdf.save().translate(x + quiet * unit, y + quiet * unit).scale(unit);
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!code.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && code.modules.get(row, col)) col++;
      pdf.rect(start, row, col - start, 1);
    }
  }
  pdf.fillColor('black').fill().restore();
}

/** Where the QR code sits on a page (points from the top left; its quiet zone included). */
export function qrBox(page: { width: number; height: number }): { x: number; y: number; side: number; quietModules: number } {
  return { x: page.width - FRAME - 30 - QR_SIDE, y: page.height - FRAME - 40 - QR_SIDE - 30, side: QR_SIDE, quietModules: QUIET_MODULES };
}


/** The statement in one language: what the holder did, in a sentence. */
function statement(page: CertificatePage, lang: Lang): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, `documents.certificate.${key}`, params);
  if (page.kind === 'training') {
    const title = page.title?.[lang] ?? page.title?.ru ?? page.title?.kk ?? page.title?.en ?? '';
    return t('trainingText', { title, dates: paperDates(page.from, page.to), hours: page.hours });
  }
  const categories = (page.categories ?? []).map((c) => translate(lang, `vocab.eventCategory.${c}`)).join(', ');
  const text = t('serviceText', { period: paperDates(page.from, page.to), hours: page.hours, events: page.events ?? 0 });
  return categories ? `${text} ${t('categories', { list: categories })}` : text;
}

/**
 * Certificates as one PDF, one per A4 page: office, title, number, the holder's name as written
 * and in Latin letters, the statement in Kazakh and Russian (and English when asked), the issue
 * date and signatory, the QR code and the short code to type in.
 */
export function certificatesPdf(pages: CertificatePage[], options: { english: boolean; printedOn: string }, progress: Progress = noProgress): Buffer {
  const langs: Lang[] = options.english ? ['kk', 'ru', 'en'] : ['kk', 'ru'];
  const both = (key: string, params?: Record<string, string | number>) => langs.map((l) => translate(l, `documents.certificate.${key}`, params)).join(' / ');
  const doc = new PrintedDocument({ lang: 'kk', printedOn: options.printedOn, author: pages[0]?.office, title: both('documentTitle'), footer: false });
  const pdf = doc.pdf;
  const left = pdf.page.margins.left + 10;
  const width = pdf.page.width - 2 * left;
  const centred = (text: string, font: string, size: number, color = 'black', gap = 0.3) => {
    pdf.font(font).fontSize(size).fillColor(color).text(text, left, pdf.y, { width, align: 'center' });
    pdf.moveDown(gap);
  };
  pages.forEach((page, index) => {
    progress('rendering', index, pages.length);
    if (index > 0) doc.newPage();
    pdf.lineWidth(1.5).strokeColor('#1f4e79').rect(FRAME, FRAME, pdf.page.width - 2 * FRAME, pdf.page.height - 2 * FRAME).stroke();
    pdf.lineWidth(0.5).rect(FRAME + 5, FRAME + 5, pdf.page.width - 2 * FRAME - 10, pdf.page.height - 2 * FRAME - 10).stroke().strokeColor('black');
    pdf.y = 84;
    centred(page.office, FONT.regular, 12, 'black', 2);
    for (const lang of langs) centred(translate(lang, `documents.certificate.title.${page.kind}`), FONT.bold, lang === 'kk' ? 20 : 15, '#1f4e79', 0.2);
    pdf.moveDown(1);
    centred(`№ ${page.number}`, FONT.bold, 12, 'black', 3);
    centred(page.holderName, FONT.bold, 20, 'black', 0.2);
    centred(page.holderLatin, FONT.regular, 13, '#444444', 2.5);
    for (const lang of langs) {
      pdf.font(FONT.regular).fontSize(lang === 'en' ? 11 : 12).fillColor('black').text(statement(page, lang), left + 20, pdf.y, { width: width - 40, align: 'center', lineGap: 2 });
      pdf.moveDown(1.2);
    }

    const { x: qrX, y: qrY } = qrBox(pdf.page);
    drawQr(pdf, page.qr, qrX, qrY, QR_SIDE);
    pdf.font(FONT.bold).fontSize(8).fillColor('black').text(page.code, qrX - 40, qrY + QR_SIDE + 2, { width: QR_SIDE + 70, align: 'center' });
    pdf.font(FONT.regular).fontSize(7).fillColor('#444444').text(both('verifyHint'), qrX - 40, pdf.y + 1, { width: QR_SIDE + 70, align: 'center' });

    const textX = left + 10;
    const textWidth = qrX - textX - 30;
    pdf.font(FONT.regular).fontSize(10).fillColor('black').text(`${both('issuedOn')}: ${dateText(page.issuedOn)}`, textX, qrY + 20, { width: textWidth });
    pdf.moveDown(2.2);
    const lineY = pdf.y;
    pdf.moveTo(textX, lineY).lineTo(textX + 200, lineY).lineWidth(0.5).strokeColor('black').stroke();
    pdf.font(FONT.regular).fontSize(9).fillColor('#444444').text(both('signature'), textX, lineY + 3, { width: textWidth });
    if (page.signatory) pdf.font(FONT.bold).fontSize(10).fillColor('black').text(page.signatory, textX, pdf.y + 2, { width: textWidth });
    pdf.x = left;
  });
  // pdfkit writes the pages out as they are laid; what finish() adds (fonts, cross-reference) is small.
  const bytes = doc.finish();
  progress('rendering', pages.length, pages.length);
  return bytes;
}

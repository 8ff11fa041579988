import { dateText } from '../../../shared/domain/date-text';
import PDFDocument from 'pdfkit';
import { translate, type Lang } from '../../../shared/i18n/translate';
import { fontBytes } from './fonts';

/**
 * The one page layout every printed document uses (attendance sheets, event rosters,
 * certificates): A4, fixed margins, DejaVu Sans, a title block, tables whose header repeats on
 * every page, and a footer with "page N of M" and the print date. Built on pdfkit; `pdf` is
 * open for drawing what the layout does not offer (a certificate's QR code).
 *
 * The same input gives the same bytes: the creation date is the print date and the file ID is
 * derived from it, so a re-print and the tests can compare files.
 */

export const PAGE_MARGINS = { top: 42, bottom: 54, left: 42, right: 42 } as const;
const FOOTER_GAP = 18;
const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
const SIZE = { text: 10, small: 8, office: 11, title: 15 } as const;
const PAD = 4;
const RULE = 0.5;
const HEADER_FILL = '#e8e8e8';
const NUMBER_WIDTH = 26;
/** A table's heading (as the roster's sections). */
const HEADING_SIZE = 12;

/** Enough height for a handwritten signature. */
const SIGNATURE_ROW_HEIGHT = 24;
const BOX_SIDE = 9;

/** PDF's /Lang for each interface language. */
const PDF_LANG: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en' };

export interface DocumentSetup {
  lang: Lang;
  /** The PDF's title, also printed in every page's footer. */
  title: string;
  /** Calendar date (YYYY-MM-DD) printed in the footer; also the PDF's creation date. */
  printedOn: string;
  /** The office that prints it (the PDF's author). */
  author?: string;
  layout?: 'portrait' | 'landscape';
  /** False for pages that stand alone (a batch of certificates): no "page N of M" footer. */
  footer?: boolean;
}

export interface TitleBlock {
  /** The office's name, above the title. */
  office: string;
  title: string;
  /** "Label: value" lines under the title (program, dates, place …); empty values are left out. */
  lines?: { label: string; value: string }[];
}

/**
 * A table column. `width` is a share of the page width left after the number column.
 * `blank`: nothing printed, room left for a hand: a signature, or a box to tick.
 */
export interface Column<K extends string = string> {
  key: K;
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  blank?: 'signature' | 'box';
}

export interface Table<K extends string = string> {
  columns: Column<K>[];
  rows: Partial<Record<K, string>>[];
  /** A leading "№" column counting the rows from 1. */
  numbered?: boolean;
  /** A bold heading kept on the page of the header and first row (never left alone at a page's foot). */
  heading?: string;
}

interface PlacedColumn {
  key: string;
  header: string;
  x: number;
  width: number;
  align: 'left' | 'center' | 'right';
  blank?: 'signature' | 'box';
}

/** Today's calendar date in Kazakhstan (UTC+5 everywhere since March 2024), whatever the machine's zone. */
export function kazakhstanToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** One day as DD.MM.YYYY; several as "DD.MM.YYYY – DD.MM.YYYY". */
export function paperDates(start: string, end: string): string {
  return start === end ? dateText(start) : `${dateText(start)} – ${dateText(end)}`;
}

/** The opening of a document about one thing an office holds (a training session, an event). */
export interface HeadedDocument extends TitleBlock {
  lang: Lang;
  /** What the document is about; the PDF's title is "<title>: <subject>". */
  subject: string;
  /** Today in Kazakhstan when left out. */
  printedOn?: string;
}

/** Starts a document printed by an office: the PDF's title and author, then its title block. */
export function headedDocument(head: HeadedDocument): PrintedDocument {
  const doc = new PrintedDocument({ lang: head.lang, printedOn: head.printedOn ?? kazakhstanToday(), author: head.office, title: `${head.title}: ${head.subject}` });
  doc.titleBlock({ office: head.office, title: head.title, lines: head.lines });
  return doc;
}

export class PrintedDocument {
  readonly pdf: PDFKit.PDFDocument;
  readonly lang: Lang;
  private readonly setup: DocumentSetup;

  constructor(setup: DocumentSetup) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(setup.printedOn)) throw new Error(`printedOn must be YYYY-MM-DD, got ${setup.printedOn}`);
    this.setup = setup;
    this.lang = setup.lang;
    this.pdf = new PDFDocument({
      size: 'A4',
      layout: setup.layout ?? 'portrait',
      margins: { ...PAGE_MARGINS },
      bufferPages: true,
      lang: PDF_LANG[setup.lang],
      displayTitle: true,
      // DejaVu from the start, never Helvetica: PDF's standard fonts cannot write Kazakh, and
      // pdfkit would load their metrics for nothing. (pdfkit takes the bytes; its types say a path.)
      font: fontBytes('regular') as unknown as string,
      info: {
        Title: setup.title,
        Author: setup.author ?? '',
        Producer: 'Erikti',
        Creator: 'Erikti',
        // Fixed per print date: pdfkit derives the file ID from the info, so the bytes repeat.
        CreationDate: new Date(`${setup.printedOn}T00:00:00Z`),
      },
    });
    this.pdf.registerFont(FONT.regular, fontBytes('regular'));
    this.pdf.registerFont(FONT.bold, fontBytes('bold'));
    this.pdf.font(FONT.regular).fontSize(SIZE.text).fillColor('black').strokeColor('black');
  }

  /** The text at a translation key, in the document's language. */
  t(key: string, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  private get left(): number {
    return this.pdf.page.margins.left;
  }
  private get contentWidth(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }
  private get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  /** Starts a new page (the next certificate of a batch). */
  newPage(): void {
    this.pdf.addPage();
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  /** Office name, the title (centred, bold) and "label: value" lines. */
  titleBlock(block: TitleBlock): void {
    const pdf = this.pdf;
    const width = this.contentWidth;
    pdf.font(FONT.regular).fontSize(SIZE.office).text(block.office, this.left, pdf.y, { width, align: 'center' });
    pdf.moveDown(0.6);
    pdf.font(FONT.bold).fontSize(SIZE.title).text(block.title, this.left, pdf.y, { width, align: 'center' });
    pdf.moveDown(0.8);
    for (const line of block.lines ?? []) {
      if (!line.value.trim()) continue;
      pdf.font(FONT.bold).fontSize(SIZE.text).text(`${line.label}: `, this.left, pdf.y, { width, continued: true });
      pdf.font(FONT.regular).text(line.value);
    }
    pdf.moveDown(0.8);
  }

  /** A paragraph across the page. */
  paragraph(text: string, options: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {}): void {
    const pdf = this.pdf.font(options.bold ? FONT.bold : FONT.regular).fontSize(options.size ?? SIZE.text);
    this.ensureSpace(pdf.heightOfString(text, { width: this.contentWidth }));
    pdf.text(text, this.left, pdf.y, { width: this.contentWidth, align: options.align ?? 'left' });
  }

  /** "Label ______________" with room above the line to sign; kept whole on one page. */
  signatureLine(label: string): void {
    const pdf = this.pdf.font(FONT.regular).fontSize(SIZE.text);
    const height = SIGNATURE_ROW_HEIGHT + SIZE.text;
    this.ensureSpace(height);
    const y = pdf.y + SIGNATURE_ROW_HEIGHT - SIZE.text;
    const labelWidth = Math.min(pdf.widthOfString(label) + 8, this.contentWidth / 2);
    pdf.text(label, this.left, y, { width: labelWidth, lineBreak: false });
    const lineY = y + SIZE.text + 1;
    pdf.moveTo(this.left + labelWidth, lineY).lineTo(this.left + labelWidth + 200, lineY).lineWidth(RULE).stroke();
    pdf.x = this.left;
    pdf.y = lineY + 6;
  }

  /** A ruled table; a row never splits, and the header row is drawn again on each new page. */
  table<K extends string>(table: Table<K>): void {
    const columns = this.placeColumns(table);
    const minHeight = columns.some((c) => c.blank === 'signature') ? SIGNATURE_ROW_HEIGHT : 0;
    const headerCells = Object.fromEntries(columns.map((c) => [c.key, c.header]));
    const headerHeight = this.rowHeight(columns, headerCells, true, 0);
    const header = () => this.tableRow(columns, headerCells, true, headerHeight);
    // The heading, the header and the first row go on one page: a tall first row (a trip with its
    // route and driver) otherwise left the heading and header alone at the foot of the last one.
    const first = table.rows[0] ? { ...(table.rows[0] as Record<string, string>), '#': '1' } : {};
    const headingHeight = table.heading ? this.pdf.font(FONT.bold).fontSize(HEADING_SIZE).heightOfString(table.heading, { width: this.contentWidth }) : 0;
    this.ensureSpace(headingHeight + headerHeight + this.rowHeight(columns, first, false, minHeight));
    if (table.heading) this.paragraph(table.heading, { bold: true, size: HEADING_SIZE });
    header();
    table.rows.forEach((row, index) => {
      const cells: Record<string, string> = { ...(row as Record<string, string>), '#': String(index + 1) };
      const height = this.rowHeight(columns, cells, false, minHeight);
      if (this.pdf.y + height > this.bottom) {
        this.pdf.addPage();
        header();
      }
      this.tableRow(columns, cells, false, height);
    });
    this.pdf.x = this.left;
    this.pdf.moveDown(0.5);
  }

  private placeColumns<K extends string>(table: Table<K>): PlacedColumn[] {
    const numberColumn: Column[] = table.numbered ? [{ key: '#', header: '№', width: 0, align: 'right' }] : [];
    const shares = table.columns.reduce((sum, c) => sum + c.width, 0);
    const free = this.contentWidth - (table.numbered ? NUMBER_WIDTH : 0);
    let x = this.left;
    return [...numberColumn, ...table.columns].map((c) => {
      const width = c.key === '#' && table.numbered ? NUMBER_WIDTH : (free * c.width) / shares;
      const placed: PlacedColumn = { key: c.key, header: c.header, x, width, align: c.align ?? 'left', blank: c.blank };
      x += width;
      return placed;
    });
  }

  private cellText(column: PlacedColumn, cells: Record<string, string>, header: boolean): string {
    return header || !column.blank ? (cells[column.key] ?? '') : '';
  }

  private rowHeight(columns: PlacedColumn[], cells: Record<string, string>, header: boolean, minHeight: number): number {
    this.pdf.font(header ? FONT.bold : FONT.regular).fontSize(header ? SIZE.small : SIZE.text);
    const content = Math.max(
      this.pdf.currentLineHeight(true),
      ...columns.map((c) => this.pdf.heightOfString(this.cellText(c, cells, header) || ' ', { width: c.width - 2 * PAD })),
    );
    // A cell longer than a page is cut (with an ellipsis) rather than spilling over the footer.
    const page = this.bottom - this.pdf.page.margins.top - 40;
    return Math.min(page, Math.max(minHeight, content + 2 * PAD));
  }

  private tableRow(columns: PlacedColumn[], cells: Record<string, string>, header: boolean, height: number): void {
    const pdf = this.pdf;
    const top = pdf.y;
    const left = columns[0]!.x;
    const right = columns[columns.length - 1]!.x + columns[columns.length - 1]!.width;
    if (header) pdf.rect(left, top, right - left, height).fill(HEADER_FILL).fillColor('black');
    pdf.lineWidth(RULE);
    for (const column of columns) {
      pdf.rect(column.x, top, column.width, height).stroke();
      if (!header && column.blank === 'box') {
        pdf.rect(column.x + (column.width - BOX_SIDE) / 2, top + (height - BOX_SIDE) / 2, BOX_SIDE, BOX_SIDE).stroke();
        continue;
      }
      const text = this.cellText(column, cells, header);
      if (!text) continue;
      pdf.font(header ? FONT.bold : FONT.regular).fontSize(header ? SIZE.small : SIZE.text);
      const textHeight = pdf.heightOfString(text, { width: column.width - 2 * PAD });
      const y = top + Math.max(PAD, (height - textHeight) / 2);
      pdf.text(text, column.x + PAD, y, {
        width: column.width - 2 * PAD,
        height: height - 2 * PAD,
        align: header ? 'center' : column.align,
        ellipsis: true,
      });
    }
    pdf.x = this.left;
    pdf.y = top + height;
  }

  /** Writes every page's footer and ends the file. */
  finish(): Buffer {
    const pdf = this.pdf;
    if (this.setup.footer === false) return this.bytes();
    const { start, count } = pdf.bufferedPageRange();
    const printed = this.t('documents.printedOn', { date: dateText(this.setup.printedOn) });
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      // The footer sits in the bottom margin: lift the margin so pdfkit does not start a new page for it.
      const margin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      const y = pdf.page.height - margin + FOOTER_GAP;
      const width = this.contentWidth;
      const pageText = this.t('documents.pageOf', { page: i - start + 1, pages: count });
      pdf.font(FONT.regular).fontSize(SIZE.small).fillColor('#444444');
      const pageWidth = pdf.widthOfString(pageText) + 2;
      pdf.text(`${this.setup.title} · ${printed}`, this.left, y, { width: width - pageWidth - 12, lineBreak: false, ellipsis: true });
      pdf.text(pageText, this.left + width - pageWidth, y, { width: pageWidth, align: 'right', lineBreak: false });
      pdf.page.margins.bottom = margin;
    }
    return this.bytes();
  }

  /**
   * Ends the file and takes its bytes at once. pdfkit writes everything into its stream's buffer
   * during end() (fonts are read and compressed synchronously), so reading the buffer right away
   * gives the whole file: documents come out of the core's synchronous calls like any answer.
   */
  private bytes(): Buffer {
    this.pdf.end();
    const chunks: Buffer[] = [];
    for (let chunk = this.pdf.read() as Buffer | null; chunk !== null; chunk = this.pdf.read() as Buffer | null) chunks.push(chunk);
    const file = Buffer.concat(chunks);
    if (!file.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('The PDF did not end within end(): it is incomplete');
    return file;
  }
}

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-db';

/**
 * Reading PDFs the way a person's viewer does, with poppler's command-line tools (poppler-utils:
 * installed on CI; `apt-get install poppler-utils` locally).
 */

function saved(pdf: Uint8Array): string {
  const file = path.join(tempDir(), 'document.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** The text of each page, laid out as printed (`pdftotext -layout`). */
export function pdfPages(pdf: Uint8Array): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', saved(pdf), '-'], { encoding: 'utf8' });
  // Pages end in a form feed; the last one leaves an empty piece behind.
  return text.split('\f').slice(0, -1);
}

/** Page `page` (from 1) rendered to a PNG file at `dpi`; returns the file's path. */
export function renderPage(pdf: Uint8Array, page = 1, dpi = 60): string {
  const file = saved(pdf);
  const prefix = path.join(path.dirname(file), `page-${page}`);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { tempDir } from './temp-db';

/**
 * Reading PDFs the way a person's viewer does, with poppler's command-line tools (poppler-utils:
 * installed on CI; `apt-get install poppler-utils` locally), and reading a QR code off the
 * rendered page the way a phone does (jsQR).
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

/** A grey image, one byte a pixel (0 black … 255 white), rows top to bottom. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export const greyAt = (image: GreyImage, x: number, y: number): number => image.pixels[y * image.width + x]!;

/** Page `page` (from 1) rendered in grey at `dpi`: poppler's PGM is a short header then one byte a pixel, nothing to decode. */
export function renderGrey(pdf: Uint8Array, options: { page?: number; dpi: number }): GreyImage {
  const page = String(options.page ?? 1);
  const file = saved(pdf);
  const prefix = path.join(path.dirname(file), `grey-${page}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(options.dpi), '-f', page, '-l', page, '-singlefile', file, prefix]);
  const bytes = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write an 8-bit PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** The part of an image within a box (pixels), clipped to the image. */
export function crop(image: GreyImage, box: { x: number; y: number; width: number; height: number }): GreyImage {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const width = Math.min(image.width, Math.ceil(box.x + box.width)) - x0;
  const height = Math.min(image.height, Math.ceil(box.y + box.height)) - y0;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.set(image.pixels.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { width, height, pixels };
}

/** The text of the QR code found in the image, as a phone's scanner reads it, or null when none decodes. */
export function readQr(image: GreyImage): string | null {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.pixels.length; i++) {
    const v = image.pixels[i]!;
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  return jsQR(rgba, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

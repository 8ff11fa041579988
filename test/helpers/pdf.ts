import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A rectangle on the page in points from the top left (what the layout code places things by). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

function readPgm(file: string): GreyImage {
  const bytes = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write an 8-bit PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** pdftoppm's crop options for an area of the page at `dpi` (it crops in pixels). */
const cropArgs = (area: Area | undefined, dpi: number): string[] => {
  if (!area) return [];
  const px = (pt: number) => String(Math.round((pt * dpi) / 72));
  return ['-x', px(area.x), '-y', px(area.y), '-W', px(area.width), '-H', px(area.height)];
};

/**
 * Page `page` (from 1) rendered in grey at `dpi`, or only `area` of it: poppler's PGM is a short
 * header then one byte a pixel, nothing to decode.
 */
export function renderGrey(pdf: Uint8Array, options: { page?: number; dpi: number; area?: Area }): GreyImage {
  const page = String(options.page ?? 1);
  const file = saved(pdf);
  const prefix = path.join(path.dirname(file), `grey-${page}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(options.dpi), ...cropArgs(options.area, options.dpi), '-f', page, '-l', page, '-singlefile', file, prefix]);
  return readPgm(`${prefix}.pgm`);
}

/** Every page rendered in grey at `dpi` (only `area` of each when given), in page order, in one pdftoppm run. */
export function renderAllGrey(pdf: Uint8Array, options: { dpi: number; area?: Area }): GreyImage[] {
  const file = saved(pdf);
  const dir = path.dirname(file);
  execFileSync('pdftoppm', ['-gray', '-r', String(options.dpi), ...cropArgs(options.area, options.dpi), file, path.join(dir, 'all')]);
  return readdirSync(dir)
    .filter((name) => /^all-\d+\.pgm$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((name) => readPgm(path.join(dir, name)));
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

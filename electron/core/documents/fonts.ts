import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * DejaVu Sans (regular and bold), shipped in resources/fonts with its licence: it covers every
 * Kazakh letter (ә ғ қ ң ө ұ ү һ і) as well as Cyrillic and Latin, which PDF's built-in fonts do not.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontWeight = keyof typeof FONT_FILES;

/**
 * This module's folder, or the bundle's it was built into (the CommonJS Electron bundle gets
 * `import.meta.url` defined by resources/scripts/build-node.mjs).
 */
const moduleDir = (): string => path.dirname(fileURLToPath(import.meta.url));

/**
 * Where the fonts may be, first match wins:
 * - the packaged desktop app: electron-builder copies resources/fonts to `<resourcesPath>/fonts`
 *   (outside the asar archive, with the licence next to the fonts);
 * - the repository, from the sources (tests) or from dist/ (CLI, web host, unpackaged Electron):
 *   the nearest `resources/fonts` above this module.
 */
export function fontDirCandidates(): string[] {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'fonts'));
  for (let dir = moduleDir(); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'resources', 'fonts'));
    if (path.dirname(dir) === dir) break;
  }
  return candidates;
}

let found: string | undefined;

/** The folder holding the fonts; throws when the installation lost them (nothing can be printed then). */
export function fontDir(): string {
  found ??= fontDirCandidates().find((dir) => existsSync(path.join(dir, FONT_FILES.regular)));
  if (!found) throw new Error(`Fonts not found: looked for ${FONT_FILES.regular} in ${fontDirCandidates().join(', ')}`);
  return found;
}

const cache = new Map<FontWeight, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(path.join(fontDir(), FONT_FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}

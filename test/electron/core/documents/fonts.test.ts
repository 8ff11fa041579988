import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FONT_FILES, fontBytes, fontDir, fontDirCandidates } from '../../../../electron/core/documents/fonts';

const REPO_FONTS = path.resolve(import.meta.dirname, '../../../../resources/fonts');
const withResources = process as { resourcesPath?: string };

describe('document fonts', () => {
  afterEach(() => {
    delete withResources.resourcesPath;
  });

  it('are found in the repository, with their licence, and read as TrueType', () => {
    expect(fontDir()).toBe(REPO_FONTS);
    expect(existsSync(path.join(REPO_FONTS, 'LICENSE-DejaVu.txt'))).toBe(true);
    for (const weight of ['regular', 'bold'] as const) {
      expect(fontBytes(weight).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
      expect(fontBytes(weight).equals(readFileSync(path.join(REPO_FONTS, FONT_FILES[weight])))).toBe(true);
    }
  });

  it('are looked for first where the packaged desktop app keeps them, then up from the code', () => {
    withResources.resourcesPath = '/opt/Erikti/resources';
    const candidates = fontDirCandidates();
    expect(candidates[0]).toBe(path.join('/opt/Erikti/resources', 'fonts'));
    expect(candidates).toContain(REPO_FONTS);
  });

  it('ship with the packaged app (electron-builder copies them beside the archive)', () => {
    const config = readFileSync(path.resolve(import.meta.dirname, '../../../../electron-builder.yml'), 'utf8');
    expect(config).toMatch(/extraResources:\s*\n\s*- from: resources\/fonts\s*\n\s*to: fonts/);
  });
});

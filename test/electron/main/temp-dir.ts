import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder under the system temp dir, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'erikti-main-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { testCore } from './core-options';

const dirs: string[] = [];
const cores: Core[] = [];

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'erikti-test-'));
  dirs.push(dir);
  return dir;
}

/** A real office database on disk, with its core (closed after the test). */
export function officeCore(code = 'KZ-75', file = path.join(tempDir(), 'office.sqlite')): Core {
  const core = testCore(file);
  cores.push(core);
  createOffice(core.db, code);
  return core;
}

/**
 * An office database file as `erikti init` makes it, but sealed with the tests' cheap passphrase
 * stretch: every later CLI export or import then opens the keys in milliseconds, not half a second.
 */
export function initOfficeFile(file: string, code: string): string {
  const core = testCore(file);
  try {
    createOffice(core.db, code);
  } finally {
    core.close();
  }
  return file;
}

/** An office with an administrator signed in through the contract; returns the session token too. */
export function signedInOffice(code = 'KZ-75'): { core: Core; session: string } {
  const core = officeCore(code);
  const result = core.call('app.setup', { login: 'admin', displayName: 'Admin', password: 'correct horse' }, null);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { core, session: (result.value as { session: string }).session };
}

export const ADMIN = CLI_ACTOR;

import { createCore, type Core, type CoreOptions } from '../../electron/core/app';
import type { Db } from '../../electron/core/db/connection';
import { passphraseProtector } from '../../electron/core/office/key-protection';
import { attachKeyProtector } from '../../electron/core/office/private-keys';

/**
 * The administrator passphrase every test office is sealed with; the CLI helper passes it to the
 * built tool as ERIKTI_PASSPHRASE, so in-process cores and the CLI open the same databases.
 */
export const TEST_PASSPHRASE = 'test passphrase for erikti';

/**
 * What every test's core is opened with, in one place: a cheap password hash and a cheap
 * passphrase stretch (production's N=2^17 costs half a second each; the timing, upgrade and
 * key-protection tests use the real cost where it matters).
 */
export const TEST_CORE_OPTIONS: CoreOptions = {
  passwordCost: { N: 2 ** 10, r: 8, p: 1 },
  keyProtector: passphraseProtector(TEST_PASSPHRASE, { N: 2 ** 10, r: 8, p: 1 }),
};

/** A core on an existing (or new) database file, opened as every test opens it; `extra` for what one test varies. */
export function testCore(file: string, extra: CoreOptions = {}): Core {
  return createCore(file, { ...TEST_CORE_OPTIONS, ...extra });
}

/** For tests that build a database by hand (older schemas, raw connections): its private keys open with the test passphrase. */
export function unlockTestKeys<T extends Db>(db: T): T {
  attachKeyProtector(db, TEST_CORE_OPTIONS.keyProtector);
  return db;
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CallError } from '../../../shared/contract/errors';
import type { Db } from '../db/connection';
import { open, privateKeysError, seal, type KeyProtector } from './key-protection';
import { readMeta, writeMeta } from './meta';

/**
 * The office's private keys at rest: each sealed with AES-256-GCM under a random key-encryption
 * key (KEK), and the KEK itself protected by the runtime's KeyProtector. A copy of the database
 * file (a stick, a backup) therefore holds no usable private key; opening them needs this
 * computer's key store or the administrator's passphrase. Databases from before this have the
 * keys in the clear; they are sealed the first time a protector is available.
 */
export type PrivateKeyName = 'sign_private' | 'box_private';
const PRIVATE_KEY_NAMES: readonly PrivateKeyName[] = ['sign_private', 'box_private'];
const SEALED = 'sealed:v1:';
const KEK_META = 'private_keys_kek';
const kekRecord = z.object({ v: z.literal(1), by: z.enum(['os', 'passphrase']), wrapped: z.string() });

/**
 * Which protector a database was opened with. Kept beside the connection rather than threaded
 * through every function that takes a `db`, so the exchange code reads keys as it always did.
 */
const protectors = new WeakMap<Db, KeyProtector>();
/** The unwrapped KEK, remembered with the stored record it came from (a rolled-back write invalidates it). */
const keks = new WeakMap<Db, { record: string; key: Buffer }>();

export function attachKeyProtector(db: Db, protector: KeyProtector | undefined): void {
  if (protector) protectors.set(db, protector);
}

function protectorOf(db: Db): KeyProtector {
  const protector = protectors.get(db);
  if (!protector) {
    throw privateKeysError('locked', 'The office’s private keys are locked: no passphrase was given (set ERIKTI_PASSPHRASE) and no system key store is available');
  }
  return protector;
}

function unwrapKek(db: Db, record: string): Buffer {
  const cached = keks.get(db);
  if (cached?.record === record) return cached.key;
  const protector = protectorOf(db);
  let json: unknown = null;
  try {
    json = JSON.parse(record);
  } catch {
    // Reported below as damaged.
  }
  const parsed = kekRecord.safeParse(json);
  if (!parsed.success) throw privateKeysError('systemStoreFailed', 'The record protecting the private keys is damaged');
  if (parsed.data.by !== protector.kind) {
    throw parsed.data.by === 'passphrase'
      ? privateKeysError('needsPassphrase', 'These private keys are protected by an administrator passphrase (set ERIKTI_PASSPHRASE)')
      : privateKeysError('needsSystemStore', 'These private keys are protected by the system key store of the computer where the desktop app created them');
  }
  let key: Buffer;
  try {
    key = Buffer.from(protector.unprotect(Buffer.from(parsed.data.wrapped, 'base64')));
  } catch (error) {
    if (error instanceof CallError) throw error;
    throw privateKeysError('systemStoreFailed', `The system key store could not open the private keys: ${String(error)}`);
  }
  if (key.length !== 32) throw privateKeysError('systemStoreFailed', 'The system key store returned a damaged key');
  keks.set(db, { record, key });
  return key;
}

/** The KEK, made (and protected) on first use. */
function kekFor(db: Db): Buffer {
  const record = readMeta(db, KEK_META);
  if (record) return unwrapKek(db, record);
  const protector = protectorOf(db);
  const key = randomBytes(32);
  const made = JSON.stringify({ v: 1, by: protector.kind, wrapped: Buffer.from(protector.protect(key)).toString('base64') });
  writeMeta(db, KEK_META, made);
  return key;
}

/** Binds each sealed value to its name, so one cannot be swapped for the other. */
const aadFor = (name: PrivateKeyName) => `erikti-private-key:${name}`;

export function writePrivateKey(db: Db, name: PrivateKeyName, pem: string): void {
  writeMeta(db, name, SEALED + seal(kekFor(db), Buffer.from(pem, 'utf8'), aadFor(name)).toString('base64'));
}

/** The key in PEM, or null when the office has none; throws a clear error when it cannot be opened. */
export function readPrivateKey(db: Db, name: PrivateKeyName): string | null {
  let stored = readMeta(db, name);
  if (stored === null) return null;
  if (!stored.startsWith(SEALED)) {
    // Still in the clear from an older version: seal now if we can (normally done at open).
    sealPlaintextKeys(db);
    stored = readMeta(db, name)!;
  }
  const plain = open(kekFor(db), Buffer.from(stored.slice(SEALED.length), 'base64'), aadFor(name));
  if (!plain) throw privateKeysError('systemStoreFailed', `The sealed ${name} does not open with this database’s key`);
  return plain.toString('utf8');
}

/**
 * Seals keys an older version stored in the clear. Each is read back through the protector
 * before the transaction commits, so a failing key store loses nothing. Then the file is
 * rebuilt (VACUUM) and the WAL emptied, so no freed page or old frame keeps the clear text.
 * Returns whether anything was sealed.
 */
export function sealPlaintextKeys(db: Db): boolean {
  const clear = PRIVATE_KEY_NAMES.filter((name) => {
    const value = readMeta(db, name);
    return value !== null && !value.startsWith(SEALED);
  });
  if (clear.length === 0) return false;
  protectorOf(db);
  db.transaction(() => {
    for (const name of clear) {
      const pem = readMeta(db, name)!;
      writePrivateKey(db, name, pem);
      if (readPrivateKey(db, name) !== pem) throw new Error(`Sealing ${name} did not round-trip; left as it was`);
    }
  })();
  if (!db.inTransaction) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return true;
}

/** Checks, without using them, that the keys open with the protector given (for a clear error at start). */
export function checkPrivateKeys(db: Db): void {
  for (const name of PRIVATE_KEY_NAMES) readPrivateKey(db, name);
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CallError } from '../../../shared/contract/errors';
import { writeTransaction, type Db } from '../db/connection';
import { open, privateKeysError, seal, type KeyProtector } from './key-protection';
import { readMeta, writeMeta } from './meta';

/**
 * The office's private keys at rest: each sealed with AES-256-GCM under a random key-encryption
 * key (KEK), and the KEK itself protected by the runtime's KeyProtector. A copy of the database
 * file (a stick, a backup) therefore holds no usable private key; opening them needs this
 * computer's key store or the administrator's passphrase. Databases from before this have the
 * keys in the clear; they are sealed the first time a protector is available.
 */
/** `cert_private` signs certificates (certificates/keys.ts); it is sealed the same way and made sealed. */
export type PrivateKeyName = 'sign_private' | 'box_private' | 'cert_private';
const PRIVATE_KEY_NAMES: readonly PrivateKeyName[] = ['sign_private', 'box_private', 'cert_private'];
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

/** The protector this connection was opened with, if any (a restore re-protects keys with it). */
export function keyProtectorOf(db: Db): KeyProtector | undefined {
  return protectors.get(db);
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

/** Binds each sealed value to what it is, so one cannot be swapped for another. */
const aadFor = (label: string) => `erikti-private-key:${label}`;
const isSealed = (value: string) => value.startsWith(SEALED);

function sealText(db: Db, label: string, pem: string): string {
  return SEALED + seal(kekFor(db), Buffer.from(pem, 'utf8'), aadFor(label)).toString('base64');
}

function openText(db: Db, label: string, stored: string): string {
  const plain = open(kekFor(db), Buffer.from(stored.slice(SEALED.length), 'base64'), aadFor(label));
  if (!plain) throw privateKeysError('systemStoreFailed', `The sealed ${label} does not open with this database’s key`);
  return plain.toString('utf8');
}

export function writePrivateKey(db: Db, name: PrivateKeyName, pem: string): void {
  writeMeta(db, name, sealText(db, name, pem));
}

/** The key in PEM, or null when the office has none; throws a clear error when it cannot be opened. */
export function readPrivateKey(db: Db, name: PrivateKeyName): string | null {
  let stored = readMeta(db, name);
  if (stored === null) return null;
  if (!isSealed(stored)) {
    // Still in the clear from an older version: seal now if we can (normally done at open).
    // A database on read-only media cannot change; its clear key is used as it is.
    if (db.readonly) return stored;
    sealPlaintextKeys(db);
    stored = readMeta(db, name)!;
  }
  return openText(db, name, stored);
}

/**
 * Receiving keys this workstation rotated away from, kept to open bundles peers encrypted to them
 * before they learned of the rotation. Fingerprint and date stay readable (to recognise such a
 * bundle without the protector); the private key is sealed like the current ones, bound to its
 * fingerprint.
 */
export interface RetiredKey {
  fingerprint: string;
  boxPrivate: string;
  retiredAt: string;
}
const RETIRED_META = 'retired_keys';
const retiredLabel = (fingerprint: string) => `retired:${fingerprint}`;

function storedRetiredKeys(db: Db): RetiredKey[] {
  const text = readMeta(db, RETIRED_META);
  return text ? (JSON.parse(text) as RetiredKey[]) : [];
}

export function retiredKeyFingerprints(db: Db): string[] {
  return storedRetiredKeys(db).map((k) => k.fingerprint);
}

/** The retired keys with their private keys opened (needs the protector when there are any). */
export function readRetiredKeys(db: Db): RetiredKey[] {
  if (!db.readonly && storedRetiredKeys(db).some((k) => !isSealed(k.boxPrivate))) sealPlaintextKeys(db);
  return storedRetiredKeys(db).map((k) => (isSealed(k.boxPrivate) ? { ...k, boxPrivate: openText(db, retiredLabel(k.fingerprint), k.boxPrivate) } : k));
}

/** Keeps a retired receiving key (sealed) beside the earlier ones. */
export function retirePrivateKey(db: Db, key: RetiredKey): void {
  const sealed = { ...key, boxPrivate: sealText(db, retiredLabel(key.fingerprint), key.boxPrivate) };
  writeMeta(db, RETIRED_META, JSON.stringify([...storedRetiredKeys(db), sealed]));
}

/**
 * Seals keys an older version stored in the clear (current and retired ones). Each is read back
 * through the protector before the transaction commits, so a failing key store loses nothing.
 * Then the file is rebuilt (VACUUM) and the WAL emptied, so no freed page or old frame keeps the
 * clear text. Returns whether anything was sealed.
 */
export function sealPlaintextKeys(db: Db): boolean {
  const clear = PRIVATE_KEY_NAMES.filter((name) => {
    const value = readMeta(db, name);
    return value !== null && !isSealed(value);
  });
  const retired = storedRetiredKeys(db);
  const clearRetired = retired.some((k) => !isSealed(k.boxPrivate));
  if (clear.length === 0 && !clearRetired) return false;
  protectorOf(db);
  writeTransaction(db, () => {
    for (const name of clear) {
      const pem = readMeta(db, name)!;
      writePrivateKey(db, name, pem);
      if (readPrivateKey(db, name) !== pem) throw new Error(`Sealing ${name} did not round-trip; left as it was`);
    }
    if (clearRetired) {
      const sealed = retired.map((k) => (isSealed(k.boxPrivate) ? k : { ...k, boxPrivate: sealText(db, retiredLabel(k.fingerprint), k.boxPrivate) }));
      writeMeta(db, RETIRED_META, JSON.stringify(sealed));
      const opened = readRetiredKeys(db);
      if (retired.some((k, i) => !isSealed(k.boxPrivate) && opened[i]?.boxPrivate !== k.boxPrivate)) {
        throw new Error('Sealing the retired keys did not round-trip; left as they were');
      }
    }
  });
  if (!db.inTransaction) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return true;
}

/** Checks, without using them, that the keys open with the protector given (for a clear error at start). */
export function checkPrivateKeys(db: Db): void {
  for (const name of PRIVATE_KEY_NAMES) readPrivateKey(db, name);
  readRetiredKeys(db);
}

/**
 * Another secret of this office sealed like the private keys (the backup password, so scheduled
 * backups run unattended): under the KEK, bound to its label. Needs the protector.
 */
export function sealSecret(db: Db, label: string, text: string): string {
  return sealText(db, `secret:${label}`, text);
}

export function openSecret(db: Db, label: string, stored: string): string {
  return openText(db, `secret:${label}`, stored);
}

/**
 * The KEK itself, for a backup to carry (encrypted under the backup password), or null when the
 * office has none yet. Restored on another computer, adoptKek re-protects it with that computer's
 * key store, so the office's keys and sealed secrets open there.
 */
export function exportKek(db: Db): Buffer | null {
  const record = readMeta(db, KEK_META);
  return record ? Buffer.from(unwrapKek(db, record)) : null;
}

/** Makes `kek` this database's KEK, protected by the protector it was opened with. */
export function adoptKek(db: Db, kek: Buffer): void {
  const protector = protectorOf(db);
  const made = JSON.stringify({ v: 1, by: protector.kind, wrapped: Buffer.from(protector.protect(kek)).toString('base64') });
  writeMeta(db, KEK_META, made);
  keks.set(db, { record: made, key: Buffer.from(kek) });
}

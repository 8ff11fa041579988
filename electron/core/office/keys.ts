import { z } from 'zod';
import { isOfficeCode } from '../../../shared/domain/regions';
import type { Db } from '../db/connection';
import { readMeta, readOffice, replicaId } from './identity';
import { readPrivateKey } from './private-keys';
import { prepared } from '../db/statements';
import { keysError } from './errors';
import { fingerprintOf } from './fingerprint';
import type { ReadDb } from '../db/read-only';

export { fingerprintOf, rawPublicKey } from './fingerprint';

/**
 * Office keys and the trust list. Every office database has an Ed25519 key (signs its bundles)
 * and an X25519 key (bundles are encrypted to it). An office's public keys travel as a small
 * JSON file with a fingerprint that two people can read to each other over the phone
 * (fingerprint.ts: it binds the office code and workstation too).
 *
 * Keys carry validity dates: `validFrom` (when the key was made, or rotated in) and, once the
 * key is retired by a signed revocation or rotation (trust.ts), `revokedAt`. A revoked key
 * receives no more bundles and its later signatures are refused.
 */
export interface PublicKeys {
  office: string;
  replica: string;
  name: string;
  sign: string; // SPKI PEM
  box: string; // SPKI PEM
  fingerprint: string;
  /** ISO time from which the key is valid; null for keys made before keys had dates. */
  validFrom: string | null;
}

export interface PrivateKeys {
  signPrivate: string;
  boxPrivate: string;
}

export const KEY_FILE_KIND = 'erikti-office-keys';
/** Version 2: the fingerprint binds office and workstation. Version 1 files are refused (a relabelled one would pass). */
export const KEY_FILE_VERSION = 2;

export function ownKeys(db: ReadDb): PublicKeys | null {
  const office = readOffice(db);
  const sign = readMeta(db, 'sign_public');
  const box = readMeta(db, 'box_public');
  if (!office || !sign || !box) return null;
  const replica = replicaId(db);
  return {
    office: office.code, replica, name: office.name, sign, box, fingerprint: fingerprintOf({ office: office.code, replica }, sign, box),
    validFrom: readMeta(db, 'keys_valid_from'),
  };
}

export function requireOwnKeys(db: ReadDb): PublicKeys {
  const keys = ownKeys(db);
  if (!keys) throw keysError('noOffice', 'This database has no office identity yet');
  return keys;
}

/** The private keys, opened through the runtime's key protector (they are sealed at rest). */
export function ownPrivateKeys(db: Db): PrivateKeys {
  const signPrivate = readPrivateKey(db, 'sign_private');
  const boxPrivate = readPrivateKey(db, 'box_private');
  if (!signPrivate || !boxPrivate) throw keysError('noOffice', 'This database has no office identity yet');
  return { signPrivate, boxPrivate };
}

export function publicPart(keys: PublicKeys): PublicKeys {
  return { office: keys.office, replica: keys.replica, name: keys.name, sign: keys.sign, box: keys.box, fingerprint: keys.fingerprint, validFrom: keys.validFrom };
}

/** The public-key file of this office, as text. */
export function publicKeyFile(db: ReadDb): string {
  const keys = requireOwnKeys(db);
  return `${JSON.stringify({ kind: KEY_FILE_KIND, version: KEY_FILE_VERSION, ...publicPart(keys) }, null, 2)}\n`;
}

const publicKeysSchema = z.object({
  office: z.string().refine(isOfficeCode),
  replica: z.string().min(1).max(80),
  name: z.string().max(300),
  sign: z.string().max(2000),
  box: z.string().max(2000),
  fingerprint: z.string().max(80),
  validFrom: z.string().max(40).nullable().default(null),
});

/** Reads a public-key file, checking that the fingerprint it states is the keys' (and their label's) own. */
export function parseKeyFile(text: string): PublicKeys {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw keysError('invalidFile', 'This is not an Erikti public-key file');
  }
  const head = z.object({ kind: z.literal(KEY_FILE_KIND), version: z.number().int().min(1) }).safeParse(raw);
  if (!head.success) throw keysError('invalidFile', 'This is not an Erikti public-key file');
  if (head.data.version < KEY_FILE_VERSION) {
    throw keysError('olderFile', 'This key file was written by an older Erikti (its fingerprint does not cover the office): ask the office for a new one (erikti keys export)');
  }
  return checkedKeys(raw);
}

export function checkedKeys(data: unknown): PublicKeys {
  const parsed = publicKeysSchema.safeParse(data);
  if (!parsed.success) throw keysError('invalidFile', 'Malformed public keys');
  const { office, replica, name, sign, box, fingerprint, validFrom } = parsed.data;
  const actual = fingerprintOf({ office, replica }, sign, box);
  if (actual !== fingerprint) throw keysError('fingerprint', `The fingerprint does not match the keys and the office they name (expected ${actual})`);
  return { office, replica, name, sign, box, fingerprint, validFrom };
}

export interface TrustedKey extends PublicKeys {
  source: 'administrator' | 'centre';
  /** `pending`: proposed by the centre's list for an office already known; unused until an administrator confirms it. */
  status: 'active' | 'pending';
  revokedAt: string | null;
  addedAt: string;
  addedBy: string;
}

interface TrustedRow {
  fingerprint: string;
  office: string;
  replica: string;
  name: string;
  sign_public: string;
  box_public: string;
  source: 'administrator' | 'centre';
  status: 'active' | 'pending';
  valid_from: string | null;
  revoked_at: string | null;
  added_at: string;
  added_by: string;
}

const fromRow = (r: TrustedRow): TrustedKey => ({
  office: r.office, replica: r.replica, name: r.name, sign: r.sign_public, box: r.box_public, fingerprint: r.fingerprint,
  validFrom: r.valid_from, source: r.source, status: r.status, revokedAt: r.revoked_at, addedAt: r.added_at, addedBy: r.added_by,
});

/** A key's revocation time, if any signed revocation or rotation retired it (whether or not it is trusted here). */
export function revokedAt(db: ReadDb, fingerprint: string): string | null {
  return (prepared(db, 'SELECT MIN(at) FROM key_statements WHERE subject = ?').pluck().get(fingerprint) as string | null) ?? null;
}

export function removedHere(db: ReadDb, fingerprint: string): boolean {
  return prepared(db, 'SELECT 1 FROM key_removals WHERE fingerprint = ?').get(fingerprint) !== undefined;
}

/**
 * Adds keys to the trust list; returns false when they were there already. Never one's own keys,
 * never a revoked key. An administrator's act outranks the centre's list (and lifts an earlier
 * removal); the centre's list never re-adds a key an administrator removed here.
 */
export function trustKeys(
  db: Db, keys: PublicKeys, source: TrustedKey['source'], by: string, at: string, status: TrustedKey['status'] = 'active',
): boolean {
  const own = ownKeys(db);
  if (own && own.fingerprint === keys.fingerprint) throw keysError('own', 'These are this office’s own keys');
  const revoked = revokedAt(db, keys.fingerprint);
  if (source === 'administrator') {
    if (revoked) throw keysError('revoked', `This key was revoked (from ${revoked}) and cannot be trusted again`, { at: revoked });
    prepared(db, 'DELETE FROM key_removals WHERE fingerprint = ?').run(keys.fingerprint);
  } else if (revoked || removedHere(db, keys.fingerprint)) {
    return false;
  }
  const existing = trustedByFingerprint(db, keys.fingerprint);
  if (existing) {
    if (source === 'administrator' && (existing.source !== 'administrator' || existing.status !== 'active')) {
      prepared(db, "UPDATE trusted_keys SET source = 'administrator', status = 'active', added_by = ?, added_at = ? WHERE fingerprint = ?").run(by, at, keys.fingerprint);
      return existing.status !== 'active';
    }
    return false;
  }
  prepared(
    db,
    `INSERT INTO trusted_keys (fingerprint, office, replica, name, sign_public, box_public, source, status, valid_from, revoked_at, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(keys.fingerprint, keys.office, keys.replica, keys.name, keys.sign, keys.box, source, status, keys.validFrom, at, by);
  return true;
}

export function listTrusted(db: ReadDb): TrustedKey[] {
  return (prepared(db, 'SELECT * FROM trusted_keys ORDER BY office, replica, added_at').all() as TrustedRow[]).map(fromRow);
}

export function trustedByFingerprint(db: ReadDb, fingerprint: string): TrustedKey | null {
  const row = prepared(db, 'SELECT * FROM trusted_keys WHERE fingerprint = ?').get(fingerprint) as TrustedRow | undefined;
  return row ? fromRow(row) : null;
}

/** Keys of an office usable at `at`: confirmed and not revoked by then. */
export function currentKeysFor(db: ReadDb, office: string, at: string): TrustedKey[] {
  return (
    prepared(db, "SELECT * FROM trusted_keys WHERE office = ? AND status = 'active' AND (revoked_at IS NULL OR revoked_at > ?) ORDER BY replica").all(office, at) as TrustedRow[]
  ).map(fromRow);
}

/** Whether this office has ever dealt with keys of an office (trusted, pending or removed here). */
export function officeKnown(db: ReadDb, office: string): boolean {
  return prepared(db, 'SELECT 1 FROM trusted_keys WHERE office = ? UNION ALL SELECT 1 FROM key_removals WHERE office = ? LIMIT 1').get(office, office) !== undefined;
}

/** Marks a key retired from `at` (the earliest retirement wins). */
export function markRevoked(db: Db, fingerprint: string, at: string): void {
  prepared(db, 'UPDATE trusted_keys SET revoked_at = ? WHERE fingerprint = ? AND (revoked_at IS NULL OR revoked_at > ?)').run(at, fingerprint, at);
}

/** An administrator's removal: the key leaves the list and no trust list puts it back. */
export function removeTrusted(db: Db, fingerprint: string, by: string, at: string): TrustedKey | null {
  const existing = trustedByFingerprint(db, fingerprint);
  if (!existing) return null;
  prepared(db, 'DELETE FROM trusted_keys WHERE fingerprint = ?').run(fingerprint);
  prepared(db, 'INSERT OR REPLACE INTO key_removals (fingerprint, office, removed_at, removed_by) VALUES (?, ?, ?, ?)').run(fingerprint, existing.office, at, by);
  return existing;
}

/** A pending key (proposed by the centre's list) confirmed by an administrator. */
export function confirmPending(db: Db, fingerprint: string, by: string, at: string): TrustedKey {
  const key = trustedByFingerprint(db, fingerprint);
  if (!key || key.status !== 'pending') throw keysError('notPending', 'No key with this fingerprint is waiting for confirmation');
  prepared(db, "UPDATE trusted_keys SET status = 'active', added_by = ?, added_at = ? WHERE fingerprint = ?").run(by, at, fingerprint);
  return { ...key, status: 'active', addedBy: by, addedAt: at };
}

export function rejectPending(db: Db, fingerprint: string, by: string, at: string): TrustedKey {
  const key = trustedByFingerprint(db, fingerprint);
  if (!key || key.status !== 'pending') throw keysError('notPending', 'No key with this fingerprint is waiting for confirmation');
  return removeTrusted(db, fingerprint, by, at)!;
}

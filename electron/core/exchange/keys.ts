import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { isOfficeCode } from '../../../shared/domain/regions';
import type { Db } from '../db/connection';
import { readMeta, readOffice, replicaId } from '../office/identity';
import { readPrivateKey } from '../office/private-keys';
import { prepared } from '../replication/write';
import { keysError } from './errors';

/**
 * Office keys and the trust list. Every office database has an Ed25519 key (signs its bundles)
 * and an X25519 key (bundles are encrypted to it). An office's public keys travel as a small
 * JSON file with a fingerprint that two people can read to each other over the phone:
 * SHA-256 of both raw public keys, first 20 bytes, in ten groups of four hex digits.
 */
export interface PublicKeys {
  office: string;
  replica: string;
  name: string;
  sign: string; // SPKI PEM
  box: string; // SPKI PEM
  fingerprint: string;
}

export interface PrivateKeys {
  signPrivate: string;
  boxPrivate: string;
}

export const KEY_FILE_KIND = 'erikti-office-keys';

export function rawPublicKey(pem: string, type: 'ed25519' | 'x25519'): Buffer {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw keysError('invalidFile', 'The public key is not readable');
  }
  if (key.asymmetricKeyType !== type) throw keysError('invalidFile', `Expected an ${type} public key`);
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

export function fingerprintOf(signPem: string, boxPem: string): string {
  const digest = createHash('sha256').update(rawPublicKey(signPem, 'ed25519')).update(rawPublicKey(boxPem, 'x25519')).digest('hex');
  return (digest.slice(0, 40).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

export function ownKeys(db: Db): PublicKeys | null {
  const office = readOffice(db);
  const sign = readMeta(db, 'sign_public');
  const box = readMeta(db, 'box_public');
  if (!office || !sign || !box) return null;
  return { office: office.code, replica: replicaId(db), name: office.name, sign, box, fingerprint: fingerprintOf(sign, box) };
}

export function requireOwnKeys(db: Db): PublicKeys {
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
  return { office: keys.office, replica: keys.replica, name: keys.name, sign: keys.sign, box: keys.box, fingerprint: keys.fingerprint };
}

/** The public-key file of this office, as text. */
export function publicKeyFile(db: Db): string {
  const keys = requireOwnKeys(db);
  return `${JSON.stringify({ kind: KEY_FILE_KIND, version: 1, ...publicPart(keys) }, null, 2)}\n`;
}

const keyFileSchema = z.object({
  kind: z.literal(KEY_FILE_KIND),
  version: z.number().int().min(1),
  office: z.string().refine(isOfficeCode),
  replica: z.string().min(1).max(80),
  name: z.string().max(300),
  sign: z.string().max(2000),
  box: z.string().max(2000),
  fingerprint: z.string().max(80),
});

const publicKeysSchema = keyFileSchema.omit({ kind: true, version: true });

/** Reads a public-key file, checking that the fingerprint it states is the keys' own. */
export function parseKeyFile(text: string): PublicKeys {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw keysError('invalidFile', 'This is not an Erikti public-key file');
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw keysError('invalidFile', 'This is not an Erikti public-key file');
  return checkedKeys(parsed.data);
}

export function checkedKeys(data: unknown): PublicKeys {
  const parsed = publicKeysSchema.safeParse(data);
  if (!parsed.success) throw keysError('invalidFile', 'Malformed public keys');
  const { office, replica, name, sign, box, fingerprint } = parsed.data;
  const actual = fingerprintOf(sign, box);
  if (actual !== fingerprint) throw keysError('fingerprint', `The fingerprint does not match the keys (expected ${actual})`);
  return { office, replica, name, sign, box, fingerprint };
}

export interface TrustedKey extends PublicKeys {
  source: 'administrator' | 'centre';
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
  added_at: string;
  added_by: string;
}

const fromRow = (r: TrustedRow): TrustedKey => ({
  office: r.office, replica: r.replica, name: r.name, sign: r.sign_public, box: r.box_public, fingerprint: r.fingerprint,
  source: r.source, addedAt: r.added_at, addedBy: r.added_by,
});

/** Adds keys to the trust list; returns false when they were there already. Never one's own keys. */
export function trustKeys(db: Db, keys: PublicKeys, source: TrustedKey['source'], by: string, at: string): boolean {
  const own = ownKeys(db);
  if (own && own.fingerprint === keys.fingerprint) throw keysError('own', 'These are this office’s own keys');
  const existing = prepared(db, 'SELECT source FROM trusted_keys WHERE fingerprint = ?').get(keys.fingerprint) as { source: string } | undefined;
  if (existing) {
    // An administrator's act outranks the centre's list; never the other way round.
    if (source === 'administrator' && existing.source !== 'administrator') {
      prepared(db, "UPDATE trusted_keys SET source = 'administrator', added_by = ?, added_at = ? WHERE fingerprint = ?").run(by, at, keys.fingerprint);
    }
    return false;
  }
  prepared(
    db,
    'INSERT INTO trusted_keys (fingerprint, office, replica, name, sign_public, box_public, source, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(keys.fingerprint, keys.office, keys.replica, keys.name, keys.sign, keys.box, source, at, by);
  return true;
}

export function listTrusted(db: Db): TrustedKey[] {
  return (prepared(db, 'SELECT * FROM trusted_keys ORDER BY office, replica').all() as TrustedRow[]).map(fromRow);
}

export function trustedByFingerprint(db: Db, fingerprint: string): TrustedKey | null {
  const row = prepared(db, 'SELECT * FROM trusted_keys WHERE fingerprint = ?').get(fingerprint) as TrustedRow | undefined;
  return row ? fromRow(row) : null;
}

export function trustedForOffice(db: Db, office: string): TrustedKey[] {
  return (prepared(db, 'SELECT * FROM trusted_keys WHERE office = ? ORDER BY replica').all(office) as TrustedRow[]).map(fromRow);
}

export function removeTrusted(db: Db, fingerprint: string): boolean {
  return prepared(db, 'DELETE FROM trusted_keys WHERE fingerprint = ?').run(fingerprint).changes > 0;
}

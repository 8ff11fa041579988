import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { CallError } from '../../../shared/contract/errors';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { readMeta, readOffice, writeMeta } from '../office/identity';
import { ownKeys, ownPrivateKeys, requireOwnKeys, trustedByFingerprint } from '../office/keys';
import { readPrivateKey, writePrivateKey } from '../office/private-keys';
import { CENTRE } from '../office/trust';
import { KEY_ID_BYTES, publicKeyFromRaw } from './payload';

/**
 * Certificate keys: each office signs certificates with an Ed25519 key of its own, apart from
 * the key that signs its bundles, so it can be replaced or revoked without touching exchange.
 * Two signed statements say which keys sign certificates for whom:
 *
 * - **self**: "this is my certificate key, valid from … (until …)", signed with the office's
 *   bundle key; it travels in the office's bundles to the centre.
 * - **vouch**: the centre's "this key signs certificates (purpose) for office X from … until …",
 *   signed with a centre bundle key. The centre vouches for the self statement of any office
 *   whose bundle key it trusts, and for its own key; revoking is a vouch with an end date.
 *
 * Both travel in bundle headers (`certificateKeys`; older apps ignore the field, and headers
 * without it still import): the centre sends all it has verified, a region those about its own keys. A verifier
 * trusts a key the centre vouched for (by a centre key an administrator trusted here) or its own
 * office's key; a key counts from its earliest start until its earliest end any trusted
 * statement gives, so a revocation, once known, wins everywhere.
 */
export const PURPOSE = 'certificates';
const STATEMENT_TAG = 'erikti-certificate-key\u0000';
const POSSESSION_TAG = 'erikti-certificate-key-possession\u0000';
const KEY_ID_TAG = 'erikti-certificate-key-id\u0000';

export const certificateKeyStatement = z.object({
  kind: z.enum(['self', 'vouch']),
  office: z.string().max(10),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  key: z.string().max(64),
  purpose: z.literal(PURPOSE),
  validFrom: z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s))),
  validUntil: z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s))).nullable(),
  by: z.string().max(80),
  sig: z.string().max(200),
  /**
   * A self statement that introduces a key carries a signature by that key too (proof of
   * possession): an office cannot claim another office's certificate key as its own.
   */
  pop: z.string().max(200).nullable().default(null),
});
export type CertificateKeyStatement = z.infer<typeof certificateKeyStatement>;

export const keyIdOf = (raw: Buffer): string => createHash('sha256').update(KEY_ID_TAG).update(raw).digest().subarray(0, KEY_ID_BYTES).toString('hex');

function statementBytes(s: Omit<CertificateKeyStatement, 'sig' | 'pop'>, tag = STATEMENT_TAG): Buffer {
  return Buffer.from(tag + JSON.stringify([s.kind, s.office, s.keyId, s.key, s.purpose, s.validFrom, s.validUntil, s.by]), 'utf8');
}

/** A fresh key pair: the public key raw (32 bytes, base64), the private one as PEM. */
export function newCertificateKeyPair(): { publicRaw: string; privatePem: string } {
  const pair = generateKeyPairSync('ed25519');
  const der = pair.publicKey.export({ format: 'der', type: 'spki' });
  return { publicRaw: der.subarray(der.length - 32).toString('base64'), privatePem: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

/** Stores this office's new certificate key (the private one sealed like the office's other keys). */
export function writeOwnCertificateKey(db: Db, pair: { publicRaw: string; privatePem: string }, validFrom: string): void {
  writeMeta(db, 'cert_public', pair.publicRaw);
  writePrivateKey(db, 'cert_private', pair.privatePem);
  writeMeta(db, 'cert_valid_from', validFrom);
}

/** Signed with this office's bundle key; with the certificate key's own private key too when given (proof of possession). */
function signed(db: Db, body: Omit<CertificateKeyStatement, 'sig' | 'by' | 'pop'>, certificatePrivate?: string): CertificateKeyStatement {
  const own = requireOwnKeys(db);
  const full = { ...body, by: own.fingerprint };
  const pop = certificatePrivate ? sign(null, statementBytes(full, POSSESSION_TAG), createPrivateKey(certificatePrivate)).toString('base64') : null;
  return { ...full, sig: sign(null, statementBytes(full), createPrivateKey(ownPrivateKeys(db).signPrivate)).toString('base64'), pop };
}

function store(db: Db, s: CertificateKeyStatement, at: string): boolean {
  return prepared(
    db,
    'INSERT OR IGNORE INTO certificate_key_statements (key_id, kind, signer, valid_until, office, statement, learned_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(s.keyId, s.kind, s.by, s.validUntil ?? '', s.office, JSON.stringify(s), at).changes > 0;
}

export interface OwnCertificateKey {
  keyId: string;
  publicRaw: Buffer;
  privatePem: string;
}

/**
 * This office's certificate key, ready to sign: made now for a database set up before
 * certificates existed, and announced (self statement; the centre vouches for its own at once).
 */
export function ownCertificateKey(db: Db, at: string): OwnCertificateKey {
  let publicRaw = readMeta(db, 'cert_public');
  // None yet, or the centre ended it (learned from a bundle): what it signed now would not verify.
  if (!publicRaw || ended(db, publicRaw, at)) {
    writeOwnCertificateKey(db, newCertificateKeyPair(), at);
    publicRaw = readMeta(db, 'cert_public')!;
  }
  const raw = Buffer.from(publicRaw, 'base64');
  const keyId = keyIdOf(raw);
  let validFrom = readMeta(db, 'cert_valid_from');
  if (!validFrom) writeMeta(db, 'cert_valid_from', (validFrom = at));
  announceOwnKey(db, keyId, publicRaw, validFrom, at);
  return { keyId, publicRaw: raw, privatePem: readPrivateKey(db, 'cert_private')! };
}

function ended(db: ReadDb, publicRaw: string, at: string): boolean {
  const until = certificateKey(db, keyIdOf(Buffer.from(publicRaw, 'base64')))?.validUntil;
  return until != null && Date.parse(until) <= Date.parse(at);
}

function announceOwnKey(db: Db, keyId: string, key: string, validFrom: string, at: string): void {
  const office = readOffice(db)!.code;
  const has = (kind: string) => prepared(db, "SELECT 1 FROM certificate_key_statements WHERE key_id = ? AND kind = ? AND valid_until = ''").get(keyId, kind);
  const body = { office, keyId, key, purpose: PURPOSE, validFrom, validUntil: null } as const;
  if (!has('self')) store(db, signed(db, { kind: 'self', ...body }, readPrivateKey(db, 'cert_private')!), at);
  if (office === CENTRE && !has('vouch')) store(db, signed(db, { kind: 'vouch', ...body }), at);
}

/** Who may sign a statement of this kind, checked against the keys this office trusts. */
function authorised(db: ReadDb, s: CertificateKeyStatement): boolean {
  const raw = Buffer.from(s.key, 'base64');
  if (raw.length !== 32 || s.keyId !== keyIdOf(raw)) return false;
  if (s.kind === 'self') {
    // Introducing a key needs proof of possession; ending one, that this office introduced it.
    if (s.validUntil === null) {
      if (!s.pop || !verifySafely(statementBytes(s, POSSESSION_TAG), publicKeyFromRaw(raw), s.pop)) return false;
    } else if (ownerOf(db, s.keyId) !== s.office) return false;
  }
  const own = ownKeys(db);
  let signerPem: string;
  if (own && own.fingerprint === s.by) {
    if (s.kind === 'vouch' ? own.office !== CENTRE : own.office !== s.office) return false;
    signerPem = own.sign;
  } else {
    const signer = trustedByFingerprint(db, s.by);
    if (!signer || signer.status !== 'active') return false;
    if (s.kind === 'vouch' && !(signer.office === CENTRE && signer.source === 'administrator')) return false;
    if (s.kind === 'self' && signer.office !== s.office) return false;
    signerPem = signer.sign;
  }
  return verifySafely(statementBytes(s), createPublicKey(signerPem), s.sig);
}

function verifySafely(bytes: Buffer, key: KeyObject, signature: string): boolean {
  try {
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The office a key belongs to: the one the centre vouched for it, else the one that proved
 * possession of it (a self statement introducing it). Null for a key not known here.
 */
function ownerOf(db: ReadDb, keyId: string): string | null {
  const vouch = prepared(db, "SELECT office FROM certificate_key_statements WHERE key_id = ? AND kind = 'vouch' ORDER BY learned_at LIMIT 1").pluck().get(keyId) as string | undefined;
  if (vouch) return vouch;
  return (prepared(db, "SELECT office FROM certificate_key_statements WHERE key_id = ? AND kind = 'self' AND valid_until = '' ORDER BY learned_at LIMIT 1").pluck().get(keyId) as string | undefined) ?? null;
}

/**
 * Takes in the statements a bundle brings (those this office cannot verify yet are left; they
 * come again with the next bundle). At the centre, each office's announced key is vouched for.
 * Returns how many were new here.
 */
export function applyCertificateKeyStatements(db: Db, statements: readonly unknown[], at: string): number {
  let added = 0;
  for (const raw of statements) {
    const parsed = certificateKeyStatement.safeParse(raw);
    if (parsed.success && authorised(db, parsed.data) && store(db, parsed.data, at)) added++;
  }
  if (readOffice(db)?.code === CENTRE) vouchForAnnounced(db, at);
  return added;
}

/** The centre's vouch for every office key announced to it (with the same dates), made once. */
function vouchForAnnounced(db: Db, at: string): void {
  const selfs = (prepared(db, "SELECT statement FROM certificate_key_statements WHERE kind = 'self'").pluck().all() as string[]).map(
    (s) => JSON.parse(s) as CertificateKeyStatement,
  );
  for (const s of selfs) {
    const vouched = prepared(db, "SELECT 1 FROM certificate_key_statements WHERE kind = 'vouch' AND key_id = ? AND valid_until = ?").get(s.keyId, s.validUntil ?? '');
    if (!vouched && ownerOf(db, s.keyId) === s.office) store(db, signed(db, { kind: 'vouch', office: s.office, keyId: s.keyId, key: s.key, purpose: PURPOSE, validFrom: s.validFrom, validUntil: s.validUntil }), at);
  }
}

/**
 * The statements for the headers of the bundles this office sends: the centre sends all it knows
 * (its vouches are what every office verifies with); a region only those about its own keys,
 * which keeps its bundles small (each statement is some 450 bytes).
 */
export function knownCertificateKeyStatements(db: ReadDb): CertificateKeyStatement[] {
  const office = readOffice(db)?.code;
  const rows = office === CENTRE
    ? prepared(db, 'SELECT statement FROM certificate_key_statements ORDER BY key_id, kind, signer, valid_until').pluck().all()
    : prepared(db, 'SELECT statement FROM certificate_key_statements WHERE office = ? ORDER BY key_id, kind, signer, valid_until').pluck().all(office);
  return (rows as string[]).map((s) => JSON.parse(s) as CertificateKeyStatement);
}

export interface CertificateKeyView {
  keyId: string;
  office: string;
  key: Buffer;
  validFrom: string;
  validUntil: string | null;
  /** The centre vouched for it (or it is this office's own). */
  trusted: boolean;
  /** The centre vouched for it. */
  vouched: boolean;
  own: boolean;
}

/** What this office knows of a certificate key, or null when it has never heard of it. */
export function certificateKey(db: ReadDb, keyId: string): CertificateKeyView | null {
  const statements = (prepared(db, 'SELECT statement FROM certificate_key_statements WHERE key_id = ?').pluck().all(keyId) as string[]).map(
    (s) => JSON.parse(s) as CertificateKeyStatement,
  );
  const owner = ownerOf(db, keyId);
  if (statements.length === 0 || owner === null) return null;
  const office = readOffice(db)?.code;
  const first = statements.find((s) => s.office === owner)!;
  // Only statements naming the key's owner count; the earliest end any of them gives wins.
  const counted = statements.filter((s) => s.office === owner);
  const own = owner === office && counted.some((s) => s.kind === 'self');
  const vouched = counted.some((s) => s.kind === 'vouch');
  const ends = counted.map((s) => s.validUntil).filter((u): u is string => u !== null).sort();
  const starts = counted.map((s) => s.validFrom).sort();
  return { keyId, office: first.office, key: Buffer.from(first.key, 'base64'), validFrom: starts[0]!, validUntil: ends[0] ?? null, trusted: own || vouched, vouched, own };
}

/** Whether the key was valid on a calendar date (Kazakhstan's), as certificates date their issue. */
export function validOn(key: CertificateKeyView, date: string): boolean {
  if (date < todayInKazakhstan(new Date(key.validFrom))) return false;
  return key.validUntil === null || date < todayInKazakhstan(new Date(key.validUntil));
}

export function listCertificateKeys(db: ReadDb): CertificateKeyView[] {
  const ids = prepared(db, 'SELECT DISTINCT key_id FROM certificate_key_statements ORDER BY office, key_id').pluck().all() as string[];
  return ids.map((id) => certificateKey(db, id)!);
}

/**
 * Ends a certificate key from `at`: the centre for any office (a vouch with an end), an office
 * for its own (a self statement with an end; it gets a new key at once so issuing goes on).
 * Certificates issued before stay valid; those dated on or after fail.
 */
export function revokeCertificateKey(db: Db, keyId: string, at: string, now: string): CertificateKeyView {
  const key = certificateKey(db, keyId);
  if (!key) throw new CallError({ code: 'notFound', key: 'error.certificates.unknownKey', params: { id: keyId } }, `No certificate key ${keyId}`);
  const office = readOffice(db)!.code;
  if (office !== CENTRE && office !== key.office) throw new CallError({ code: 'forbidden', key: 'error.keys.notAllowed' }, 'Only the centre, or the office itself, can revoke its certificate key');
  const body = { office: key.office, keyId, key: key.key.toString('base64'), purpose: PURPOSE, validFrom: key.validFrom, validUntil: at } as const;
  if (office === key.office) store(db, signed(db, { kind: 'self', ...body }), at);
  if (office === CENTRE) store(db, signed(db, { kind: 'vouch', ...body }), at);
  if (key.own && readMeta(db, 'cert_public') === body.key) {
    writeOwnCertificateKey(db, newCertificateKeyPair(), now);
    ownCertificateKey(db, now);
  }
  return certificateKey(db, keyId)!;
}

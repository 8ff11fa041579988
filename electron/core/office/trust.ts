import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { writeMeta } from './identity';
import { retirePrivateKey, writePrivateKey } from './private-keys';
import { prepared } from '../db/statements';
import { keysError } from './errors';
import {
  checkedKeys, fingerprintOf, markRevoked, officeKnown, ownPrivateKeys, publicPart, removedHere, requireOwnKeys, revokedAt, trustKeys,
  trustedByFingerprint, type PrivateKeys, type PublicKeys, type TrustedKey,
} from './keys';
import type { TrustChangeView } from '../../../shared/contract/exchange';

/**
 * Retiring keys. Two signed statements travel in every bundle's header (so a peer can follow a
 * rotation before it checks the bundle's signer) and are applied as removals everywhere:
 *
 * - **revoke**: key `subject` is retired from `at`. Signed by a centre key an administrator
 *   trusted (for any office's key) or by a key of the subject's own office.
 * - **rotate**: key `subject` is retired from `at` and replaced by `next` (same office and
 *   workstation), signed by the retired key itself. Peers that trusted the old key trust the new
 *   one the same way (an administrator's key stays an administrator's).
 *
 * A statement whose signer is not trusted here (yet) is ignored; it comes again with the next
 * bundle. Offices keep the statements they verified and relay them in every bundle they send.
 */
export const CENTRE = 'KZ';
const STATEMENT_DOMAIN = 'erikti-key-statement\u0000';

const keysSchema = z.object({
  office: z.string().max(10), replica: z.string().max(80), name: z.string().max(300), sign: z.string().max(2000), box: z.string().max(2000),
  fingerprint: z.string().max(80), validFrom: z.string().max(40).nullable(),
});
export const statementSchema = z.object({
  kind: z.enum(['revoke', 'rotate']),
  subject: z.string().max(80),
  office: z.string().max(10),
  at: z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s))),
  by: z.string().max(80),
  next: keysSchema.nullable(),
  sig: z.string().max(200),
});
export type KeyStatement = z.infer<typeof statementSchema>;

function statementBytes(s: Omit<KeyStatement, 'sig'>): Buffer {
  const next = s.next && [s.next.office, s.next.replica, s.next.name, s.next.sign, s.next.box, s.next.fingerprint, s.next.validFrom];
  return Buffer.from(STATEMENT_DOMAIN + JSON.stringify([s.kind, s.subject, s.office, s.at, s.by, next]), 'utf8');
}

function signStatement(own: PublicKeys, keys: PrivateKeys, s: Omit<KeyStatement, 'sig' | 'by'>): KeyStatement {
  const body = { ...s, by: own.fingerprint };
  return { ...body, sig: sign(null, statementBytes(body), createPrivateKey(keys.signPrivate)).toString('base64') };
}

function storeStatement(db: Db, s: KeyStatement, learnedAt: string): boolean {
  return prepared(db, 'INSERT OR IGNORE INTO key_statements (subject, kind, office, at, statement, learned_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.subject, s.kind, s.office, s.at, JSON.stringify(s), learnedAt).changes > 0;
}

/** Every statement this office knows, to put in the bundles it sends. */
export function knownStatements(db: Db): KeyStatement[] {
  return (prepared(db, 'SELECT statement FROM key_statements ORDER BY at, subject, kind').pluck().all() as string[]).map((s) => JSON.parse(s) as KeyStatement);
}

/** May this signer make this statement? (See the module comment.) */
function authorised(db: Db, s: KeyStatement): TrustedKey | null {
  const signer = trustedByFingerprint(db, s.by);
  if (!signer || signer.status !== 'active') return null;
  if (signer.revokedAt !== null && signer.revokedAt < s.at) return null;
  const subject = trustedByFingerprint(db, s.subject);
  if (subject && subject.office !== s.office) return null;
  if (s.kind === 'revoke') {
    const byCentre = signer.office === CENTRE && signer.source === 'administrator';
    if (!byCentre && signer.office !== s.office) return null;
  } else {
    if (s.by !== s.subject || !s.next || s.next.office !== s.office || s.next.replica !== signer.replica) return null;
    try {
      checkedKeys(s.next);
    } catch {
      return null;
    }
  }
  try {
    return verify(null, statementBytes(s), createPublicKey(signer.sign), Buffer.from(s.sig, 'base64')) ? signer : null;
  } catch {
    return null;
  }
}

function apply(db: Db, s: KeyStatement, signer: TrustedKey, learnedAt: string): TrustChangeView {
  storeStatement(db, s, learnedAt);
  markRevoked(db, s.subject, s.at);
  if (s.kind === 'rotate' && s.next && !removedHere(db, s.next.fingerprint) && !revokedAt(db, s.next.fingerprint)) {
    const next = checkedKeys(s.next);
    if (!trustedByFingerprint(db, next.fingerprint)) {
      prepared(
        db,
        `INSERT INTO trusted_keys (fingerprint, office, replica, name, sign_public, box_public, source, status, valid_from, revoked_at, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      ).run(next.fingerprint, next.office, next.replica, next.name, next.sign, next.box, signer.source, signer.status, next.validFrom, learnedAt, `rotation of ${s.subject}`);
    }
  }
  return { change: s.kind === 'rotate' ? 'rotated' : 'revoked', office: s.office, fingerprint: s.subject };
}

/**
 * Applies the statements a bundle brings, in as many passes as a chain of rotations needs (each
 * pass may make the next statement's signer known). Returns what changed here.
 */
export function applyStatements(db: Db, statements: readonly KeyStatement[], learnedAt: string): TrustChangeView[] {
  const changes: TrustChangeView[] = [];
  let open = statements.filter((s) => prepared(db, 'SELECT 1 FROM key_statements WHERE subject = ? AND kind = ?').get(s.subject, s.kind) === undefined);
  for (let progress = true; progress && open.length > 0;) {
    progress = false;
    const rest: KeyStatement[] = [];
    for (const s of open) {
      const signer = authorised(db, s);
      if (signer) {
        changes.push(apply(db, s, signer, learnedAt));
        progress = true;
      } else rest.push(s);
    }
    open = rest;
  }
  return changes;
}

/**
 * The centre's trust list, bounded: it counts only in a bundle signed by a centre key an
 * administrator trusted; it never adds keys of the centre or of this office (those come from an
 * administrator, or by rotation); a key of an office already known here waits for an
 * administrator (`pending`); removed or revoked keys stay out.
 */
export function applyCentreTrustList(db: Db, lines: readonly PublicKeys[], signer: TrustedKey, at: string): TrustChangeView[] {
  if (signer.office !== CENTRE || signer.source !== 'administrator' || signer.status !== 'active') return [];
  const own = requireOwnKeys(db);
  const changes: TrustChangeView[] = [];
  for (const keys of lines) {
    if (keys.office === CENTRE || keys.office === own.office || trustedByFingerprint(db, keys.fingerprint)) continue;
    const status = officeKnown(db, keys.office) ? 'pending' : 'active';
    if (trustKeys(db, keys, 'centre', `${CENTRE} trust list`, at, status)) {
      changes.push({ change: status === 'pending' ? 'pending' : 'added', office: keys.office, fingerprint: keys.fingerprint });
    }
  }
  return changes;
}

/** May this office revoke the key (for the whole country, or for its own office)? */
export function mayRevoke(ownOffice: string, keyOffice: string): boolean {
  return ownOffice === CENTRE || ownOffice === keyOffice;
}

/** Revokes a key from `at`, signed by this office; the statement travels with every bundle from now on. */
export function revokeKey(db: Db, key: { fingerprint: string; office: string }, at: string): KeyStatement {
  const own = requireOwnKeys(db);
  if (!mayRevoke(own.office, key.office)) throw keysError('notAllowed', 'Only the centre, or the office itself, can revoke an office’s key');
  const statement = signStatement(own, ownPrivateKeys(db), { kind: 'revoke', subject: key.fingerprint, office: key.office, at, next: null });
  storeStatement(db, statement, at);
  markRevoked(db, key.fingerprint, at);
  return statement;
}

/**
 * Rotation: a new key pair for this workstation, signed over by the current key, which is
 * retired from `at`. Peers switch over when the statement reaches them (with the next bundle).
 */
export function rotateOwnKeys(db: Db, at: string): PublicKeys {
  const old = requireOwnKeys(db);
  const oldPrivate = ownPrivateKeys(db);
  const signing = generateKeyPairSync('ed25519');
  const agreement = generateKeyPairSync('x25519');
  const pem = (key: { export(o: { type: 'pkcs8' | 'spki'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
  const sign = pem(signing.publicKey, 'spki');
  const box = pem(agreement.publicKey, 'spki');
  const next: PublicKeys = {
    office: old.office, replica: old.replica, name: old.name, sign, box, fingerprint: fingerprintOf(old, sign, box), validFrom: at,
  };
  const statement = signStatement(old, oldPrivate, { kind: 'rotate', subject: old.fingerprint, office: old.office, at, next: publicPart(next) });
  storeStatement(db, statement, at);
  retirePrivateKey(db, { fingerprint: old.fingerprint, boxPrivate: oldPrivate.boxPrivate, retiredAt: at });
  writeMeta(db, 'sign_public', sign);
  writePrivateKey(db, 'sign_private', pem(signing.privateKey, 'pkcs8'));
  writeMeta(db, 'box_public', box);
  writePrivateKey(db, 'box_private', pem(agreement.privateKey, 'pkcs8'));
  writeMeta(db, 'keys_valid_from', at);
  return next;
}

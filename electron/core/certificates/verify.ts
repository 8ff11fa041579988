import type { Verdict } from '../../../shared/contract/certificates';
import { parseShortCode, type VerdictReason } from '../../../shared/domain/certificates';
import type { TitleLanguage } from '../../../shared/domain/trainings';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { certificateKey, validOn } from './keys';
import { checkPart, decodeFacts, parseQrText, shortCode, verifyPayload, type CertificateFacts } from './payload';
import { findCertificate, holderErased, type CertificateRow } from './register';

/**
 * Verifying a certificate offline, from its QR content or its short printed code:
 *
 * - **altered**: the signed facts do not match their signature (any field changed), or a QR
 *   content that is ours but broken;
 * - **unknown**: not issued by a trusted office (no key the centre vouched for), by a key not
 *   valid on the issue date, a short code whose number is not in this office's register (only
 *   the register can check a code), or whose check part does not match (a typo, an invented number);
 * - **revoked**: the register says so (revocations replicate with the register);
 * - **valid**: otherwise. A QR content whose signature holds, by a key trusted and valid on its
 *   issue date, is valid even when its number is not in the register received here: an office
 *   issues offline, and a university must not be told "unknown" about a genuine certificate
 *   printed after the last exchange. The answer says so (`inRegister: false`, reason
 *   `notInRegister`): a revocation made since would not be known here either.
 * Every answer carries the date of the last bundle received (`asOf`): trust and revocations are
 * known as of then. It shows what the certificate states, never the erased holder's data.
 */

const EMPTY: Omit<Verdict, 'status' | 'reason' | 'asOf'> = {
  signatureValid: false, inRegister: false, number: null, code: null, kind: null, office: null, issuedOn: null, holderLatin: null, holderName: null, holderErased: false,
  title: null, from: null, to: null, hours: null, events: null, categories: null, signatory: null, revokedAt: null, revokeReason: null,
};

function lastReceived(db: ReadDb): string | null {
  return (prepared(db, "SELECT MAX(at) FROM exchange_history WHERE direction = 'import'").pluck().get() as string | null) ?? null;
}

const numberOf = (f: CertificateFacts) => `KZ-${f.office === 'KZ' ? '00' : f.office.slice(3)}-${f.year}-${String(f.serial).padStart(6, '0')}`;

function titleOf(row: CertificateRow, lang: TitleLanguage): string | null {
  if (!row.title) return null;
  const t = JSON.parse(row.title) as Record<TitleLanguage, string | null>;
  return t[lang] ?? t.ru ?? t.kk ?? t.en ?? null;
}

/** What the register states (names withheld once the holder was erased). */
function fromRegister(db: ReadDb, row: CertificateRow, lang: TitleLanguage): Partial<Verdict> {
  const erased = holderErased(db, row);
  return {
    number: row.id, code: shortCode(row.id, Buffer.from(row.signature, 'base64')), kind: row.kind, office: row.office, issuedOn: row.issued_on,
    holderLatin: erased ? null : row.holder_latin, holderName: erased ? null : row.holder_name, holderErased: erased, title: titleOf(row, lang),
    from: row.period_from, to: row.period_to, hours: row.hours, events: row.events, categories: row.categories ? JSON.parse(row.categories) : null,
    signatory: row.signatory, revokedAt: row.revoked_at, revokeReason: row.revoke_reason,
  };
}

/** What the signed facts state. */
function fromFacts(f: CertificateFacts): Partial<Verdict> {
  return {
    number: numberOf(f), kind: f.kind, office: f.office, issuedOn: f.issuedOn, holderLatin: f.holderLatin, title: f.title, from: f.from, to: f.to,
    hours: f.hours, events: f.events, categories: f.categories,
  };
}

/** Whether the signature over these facts holds with a key trusted for their office and valid on their date. */
function checkSignature(db: ReadDb, facts: CertificateFacts, payload: Buffer, signature: Buffer): VerdictReason | null {
  const key = certificateKey(db, facts.keyId);
  if (!key || !key.trusted) return 'untrustedIssuer';
  // The signature first: facts changed on a genuine certificate (its office included) are altered, not unknown.
  if (!verifyPayload(payload, signature, key.key)) return 'badSignature';
  if (key.office !== facts.office) return 'untrustedIssuer';
  if (!validOn(key, facts.issuedOn)) return 'keyNotValid';
  return null;
}

export function verifyCertificate(db: ReadDb, text: string, lang: TitleLanguage): Verdict {
  const asOf = lastReceived(db);
  const answer = (status: Verdict['status'], reason: VerdictReason | null, shown: Partial<Verdict>): Verdict => ({ ...EMPTY, ...shown, status, reason, asOf });

  const qr = parseQrText(text);
  if (qr) {
    let facts: CertificateFacts;
    try {
      facts = decodeFacts(qr.payload);
    } catch {
      return answer('altered', 'malformed', {});
    }
    const shown = fromFacts(facts);
    const problem = checkSignature(db, facts, qr.payload, qr.signature);
    if (problem === 'badSignature') return answer('altered', problem, shown);
    if (problem) return answer('unknown', problem, shown);
    const signed = { ...shown, signatureValid: true, code: shortCode(numberOf(facts), qr.signature) };
    const row = findCertificate(db, numberOf(facts));
    if (!row) return answer('valid', 'notInRegister', signed);
    if (row.signature !== qr.signature.toString('base64')) return answer('unknown', 'registerMismatch', { ...signed, inRegister: true });
    const register = { ...fromRegister(db, row, lang), inRegister: true };
    // The paper's name is the holder's, but an erased person's data is not shown.
    const stated = { ...signed, ...register, holderLatin: register.holderErased ? null : facts.holderLatin, title: register.title ?? facts.title };
    return answer(row.revoked_at ? 'revoked' : 'valid', null, stated);
  }

  const code = parseShortCode(text);
  if (!code) return answer('unknown', 'malformed', {});
  const row = findCertificate(db, code.number);
  if (!row) return answer('unknown', 'notInRegister', { number: code.number });
  const signature = Buffer.from(row.signature, 'base64');
  if (checkPart(signature) !== code.check) return answer('unknown', 'checkMismatch', { number: code.number });
  const register = { ...fromRegister(db, row, lang), inRegister: true };
  // The register's own copy is checked too when it still holds the signed facts (erasure blanks them).
  if (row.payload) {
    const payload = Buffer.from(row.payload, 'base64');
    let facts: CertificateFacts;
    try {
      facts = decodeFacts(payload);
    } catch {
      return answer('altered', 'malformed', register);
    }
    const problem = numberOf(facts) === row.id ? checkSignature(db, facts, payload, signature) : 'badSignature';
    if (problem === 'badSignature') return answer('altered', problem, register);
    if (problem) return answer('unknown', problem, register);
  } else {
    const key = certificateKey(db, row.signing_key);
    if (!key || !key.trusted || key.office !== row.office) return answer('unknown', 'untrustedIssuer', register);
    if (!validOn(key, row.issued_on)) return answer('unknown', 'keyNotValid', register);
  }
  return answer(row.revoked_at ? 'revoked' : 'valid', null, { ...register, signatureValid: true });
}

import type { certificateCalls } from '../../../shared/contract/certificates';
import { CallError } from '../../../shared/contract/errors';
import { regionName } from '../../../shared/domain/regions';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import type { CallContext, HandlerMap, ReadContext } from '../context';
import type { ReadDb } from '../db/read-only';
import { certificatesPdf, type CertificatePage } from '../documents/certificate';
import { generatedFile } from '../documents/file';
import { readMeta, readOffice } from '../office/identity';
import { listCertificateKeys, revokeCertificateKey, type CertificateKeyView } from './keys';
import { certificateView, issuePlan, listCertificates, loadCertificate, revokeCertificate, type Issued } from './register';
import { plansOf, preview, type Selection } from './selection';
import { auditAct, auditRead } from '../audit/log';
import { verifyCertificate } from './verify';

const todayOf = (ctx: ReadContext) => todayInKazakhstan(ctx.now());

/** Who signs, as printed: the call's choice, else the office's setting, else a blank line to sign on. */
const signatoryOf = (ctx: ReadContext, given: string | undefined) => given?.trim() || readMeta(ctx.db, 'certificate_signatory') || null;

function pageOf(db: ReadDb, number: string): CertificatePage {
  const c = certificateView(db, loadCertificate(db, number));
  if (!c.qr || c.holderName === null || c.holderLatin === null) {
    throw new CallError({ code: 'conflict', key: 'error.certificates.holderErased', params: { number } }, `The holder of ${number} was erased: it cannot be printed`);
  }
  const own = readOffice(db);
  return {
    kind: c.kind, number: c.number, code: c.code, qr: c.qr, office: own?.code === c.office ? own.name : regionName(c.office, 'ru'),
    holderName: c.holderName, holderLatin: c.holderLatin, title: c.title, from: c.from, to: c.to, hours: c.hours, events: c.events,
    categories: c.categories, issuedOn: c.issuedOn, signatory: c.signatory,
  };
}

function pdfOf(ctx: ReadContext, numbers: string[], english: boolean) {
  const today = todayOf(ctx);
  const bytes = certificatesPdf(numbers.map((n) => pageOf(ctx.db, n)), { english, printedOn: today }, ctx.progress);
  const name = numbers.length === 1 ? `certificate-${numbers[0]}.pdf` : `certificates-${today}-${numbers.length}.pdf`;
  return generatedFile(name, bytes);
}

/** The answer to an issue: each certificate with its code and QR, and the PDF when asked (made inside the transaction: a failed print issues nothing). */
function answer(ctx: CallContext, issued: Issued[], print: boolean, english: boolean) {
  const certificates = issued.map((i) => {
    const row = certificateView(ctx.db, loadCertificate(ctx.db, i.number));
    return { number: i.number, code: row.code, qr: row.qr, volunteerId: i.volunteerId, again: i.again };
  });
  if (!print || issued.length === 0) return { certificates, file: null };
  const file = pdfOf(ctx, issued.map((i) => i.number), english);
  auditAct(ctx, 'export.certificates', file.fileName, { certificates: String(issued.length) });
  return { certificates, file };
}

/**
 * Issues what the selection reaches, as the preview showed it: new certificates numbered, those
 * already issued given again; in a batch those left out are skipped, a single one left out is refused.
 */
function issue(ctx: CallContext, selection: Selection, signatory: string | undefined): Issued[] {
  const today = todayOf(ctx);
  const plans = plansOf(ctx.db, selection, today);
  const stamp = ctx.stamp();
  const signs = signatoryOf(ctx, signatory);
  const chosen = 'batch' in selection ? plans.filter((p) => p.outcome !== 'left') : plans;
  // Each certificate is numbered, signed and recorded in turn; a cancel rolls the whole batch back.
  const issued = chosen.map((p, index) => {
    ctx.progress('signing', index, chosen.length);
    return issuePlan(stamp, p, today, signs);
  });
  ctx.progress('signing', chosen.length, chosen.length);
  return issued;
}

/** A key as the screen shows it; `current`: the one this office's next certificate is signed with (an ended one is replaced then). */
const keyView = (ctx: ReadContext, k: CertificateKeyView) => ({
  keyId: k.keyId, office: k.office, validFrom: k.validFrom, validUntil: k.validUntil, trusted: k.trusted, vouched: k.vouched, own: k.own,
  current: k.own && readMeta(ctx.db, 'cert_public') === k.key.toString('base64') && (k.validUntil === null || Date.parse(k.validUntil) > ctx.now().getTime()),
});

export const certificateHandlers: HandlerMap<keyof typeof certificateCalls> = {
  'certificates.issue': ({ print, english, signatory, ...one }, ctx) => answer(ctx, issue(ctx, { one }, signatory), print, english),
  'certificates.batch': ({ print, english, signatory, ...batch }, ctx) => answer(ctx, issue(ctx, { batch }, signatory), print, english),
  'certificates.preview': (selection, ctx) => preview(ctx.db, selection, todayOf(ctx)),
  'certificates.print': ({ numbers, english }, ctx) => {
    const file = pdfOf(ctx, numbers, english);
    auditRead(ctx, 'export.certificates', file.fileName, { certificates: String(numbers.length) });
    return file;
  },
  'certificates.list': (query, ctx) => listCertificates(ctx.db, query),
  'certificates.get': ({ number }, ctx) => certificateView(ctx.db, loadCertificate(ctx.db, number)),
  'certificates.revoke': ({ number, reason }, ctx) => {
    revokeCertificate(ctx.stamp(), number, reason);
    return { ok: true };
  },
  'certificates.verify': ({ text, lang }, ctx) => verifyCertificate(ctx.db, text, lang),
  'certificates.keys': (_input, ctx) => listCertificateKeys(ctx.db).map((k) => keyView(ctx, k)),
  'certificates.revokeKey': ({ keyId, at }, ctx) => {
    const key = revokeCertificateKey(ctx.db, keyId, at ?? ctx.now().toISOString(), ctx.now().toISOString());
    auditAct(ctx, 'certificateKey.revoked', key.office, { keyId, from: key.validUntil ?? '' });
    return keyView(ctx, key);
  },
};


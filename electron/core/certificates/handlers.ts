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
import {
  certificateView, issueService, issueTraining, listCertificates, loadCertificate, passedIn, revokeCertificate, withVerifiedHours, type Issued,
} from './register';
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
  return { certificates, file: print && issued.length > 0 ? pdfOf(ctx, issued.map((i) => i.number), english) : null };
}

const keyView = (k: CertificateKeyView) => ({ keyId: k.keyId, office: k.office, validFrom: k.validFrom, validUntil: k.validUntil, trusted: k.trusted, own: k.own });

export const certificateHandlers: HandlerMap<keyof typeof certificateCalls> = {
  'certificates.issue': (input, ctx) => {
    const today = todayOf(ctx);
    const signatory = signatoryOf(ctx, input.signatory);
    let issued: Issued;
    if (input.kind === 'training') {
      if (!input.sessionId) throw new CallError({ code: 'validation', key: 'error.certificates.needsSession' }, 'A training certificate needs --session');
      issued = issueTraining(ctx.stamp(), input.volunteerId, input.sessionId, today, signatory);
    } else {
      const year = today.slice(0, 4);
      issued = issueService(ctx.stamp(), input.volunteerId, input.from ?? `${year}-01-01`, input.to ?? `${year}-12-31`, today, signatory);
    }
    return answer(ctx, [issued], input.print, input.english);
  },
  'certificates.batch': (input, ctx) => {
    const today = todayOf(ctx);
    const signatory = signatoryOf(ctx, input.signatory);
    const stamp = ctx.stamp();
    const people = input.kind === 'training' ? passedIn(ctx.db, input.sessionId) : withVerifiedHours(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`, input.minHours);
    // Each certificate is numbered, signed and recorded in turn; a cancel rolls the whole batch back.
    const issued = people.map((v, index) => {
      ctx.progress('signing', index, people.length);
      return input.kind === 'training'
        ? issueTraining(stamp, v, input.sessionId, today, signatory)
        : issueService(stamp, v, `${input.year}-01-01`, `${input.year}-12-31`, today, signatory);
    });
    ctx.progress('signing', people.length, people.length);
    return answer(ctx, issued, input.print, input.english);
  },
  'certificates.print': ({ numbers, english }, ctx) => pdfOf(ctx, numbers, english),
  'certificates.list': (query, ctx) => listCertificates(ctx.db, query),
  'certificates.get': ({ number }, ctx) => certificateView(ctx.db, loadCertificate(ctx.db, number)),
  'certificates.revoke': ({ number, reason }, ctx) => {
    revokeCertificate(ctx.stamp(), number, reason);
    return { ok: true };
  },
  'certificates.verify': ({ text, lang }, ctx) => verifyCertificate(ctx.db, text, lang),
  'certificates.keys': (_input, ctx) => listCertificateKeys(ctx.db).map(keyView),
  'certificates.revokeKey': ({ keyId, at }, ctx) => keyView(revokeCertificateKey(ctx.db, keyId, at ?? ctx.now().toISOString(), ctx.now().toISOString())),
};


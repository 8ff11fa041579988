import { z } from 'zod';
import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES, VERDICT_REASONS } from '../domain/certificates';
import { EVENT_CATEGORIES } from '../domain/events';
import { isoDate, requiredText, text } from '../domain/text';
import { TITLE_LANGUAGES } from '../domain/trainings';
import { call, ok } from './call';
import { generatedFile } from './files';

/**
 * Certificates: administrators issue (one, or a batch: everyone who passed a session, everyone
 * with at least N verified hours in a year), print, re-print and revoke; staff list the register
 * and verify a certificate from its QR content or its short printed code, offline.
 */
const id = z.string().min(1).max(64);
const number = z.string().regex(/^KZ-\d{2}-\d{4}-\d{6}$/, { error: 'error.certificates.number' });
const lang = z.enum(TITLE_LANGUAGES);

/** How the PDF is printed: Kazakh and Russian always, English too when asked. */
const printing = {
  /** Also print the English text. */
  english: z.boolean().default(false),
  /** The name and position of whoever signs, as printed; the office's setting (or the administrator's name) when left out. */
  signatory: text(200).optional(),
};

export const certificate = z.object({
  number: z.string(),
  /** The short printed code: the number and a check part derived from the signature. */
  code: z.string(),
  /** The QR code's content; null once the holder's data was erased (the signed facts are gone). */
  qr: z.string().nullable(),
  kind: z.enum(CERTIFICATE_KINDS),
  office: z.string(),
  volunteerId: z.string(),
  holderName: z.string().nullable(),
  holderLatin: z.string().nullable(),
  holderErased: z.boolean(),
  sessionId: z.string().nullable(),
  title: z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() }).nullable(),
  from: z.string(),
  to: z.string(),
  hours: z.number(),
  events: z.number().nullable(),
  categories: z.array(z.enum(EVENT_CATEGORIES)).nullable(),
  issuedOn: z.string(),
  issuedBy: z.string(),
  signatory: z.string().nullable(),
  keyId: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificate>;

const issuedOne = z.object({ number: z.string(), code: z.string(), qr: z.string().nullable(), volunteerId: z.string(), again: z.boolean() });
const issuedMany = z.object({ certificates: z.array(issuedOne), file: generatedFile.nullable() });

/** What a certificate states, as the verifier shows it (names withheld when the holder was erased). */
export const verdict = z.object({
  status: z.enum(CERTIFICATE_STATUSES),
  reason: z.enum(VERDICT_REASONS).nullable(),
  /** The signature checked out with a key trusted for the issuing office. */
  signatureValid: z.boolean(),
  /**
   * The register received here lists it. False on a `valid` answer: the signature and key hold but
   * the certificate was issued after the issuing office's last bundle reached this one (reason
   * `notInRegister`); a revocation made since would not be known here either.
   */
  inRegister: z.boolean(),
  number: z.string().nullable(),
  code: z.string().nullable(),
  kind: z.enum(CERTIFICATE_KINDS).nullable(),
  office: z.string().nullable(),
  issuedOn: z.string().nullable(),
  holderLatin: z.string().nullable(),
  holderName: z.string().nullable(),
  holderErased: z.boolean(),
  title: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  hours: z.number().nullable(),
  events: z.number().nullable(),
  categories: z.array(z.enum(EVENT_CATEGORIES)).nullable(),
  signatory: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** When this office last received a bundle (trust and revocation lists are as of then); null: never. */
  asOf: z.string().nullable(),
});
export type Verdict = z.infer<typeof verdict>;

export const certificateKeyView = z.object({
  keyId: z.string(),
  office: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  trusted: z.boolean(),
  /** The centre vouched for it (a trust list statement), not only this office for its own. */
  vouched: z.boolean(),
  own: z.boolean(),
  /** The key this office signs its new certificates with. */
  current: z.boolean(),
});

/** One person's certificate: training (a session they passed) or service (a period, the current calendar year by default). */
const oneSelection = z.strictObject({
  kind: z.enum(CERTIFICATE_KINDS),
  volunteerId: id,
  sessionId: id.optional(),
  /** Service: the period, the current calendar year by default. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
/** Everyone who passed a session. */
const sessionSelection = z.strictObject({ kind: z.literal('training'), sessionId: id });
/** Everyone with at least N verified hours in a calendar year. */
const hoursSelection = z.strictObject({ kind: z.literal('service'), year: z.number().int().min(2000).max(2100), minHours: z.number().min(0).max(10_000) });

/** One person in a preview: what they would get (new or the one already issued), or why nothing. */
const previewRow = z.object({
  volunteerId: z.string(),
  holderName: z.string(),
  outcome: z.enum(['new', 'again', 'left']),
  reason: z.enum(['notPassed', 'noVerifiedHours', 'belowMinimum']).nullable(),
  /** The certificate already issued (outcome again). */
  number: z.string().nullable(),
  kind: z.enum(CERTIFICATE_KINDS),
  title: z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() }).nullable(),
  from: z.string(),
  to: z.string(),
  /** Training: the program's hours; service: the verified hours of the period. */
  hours: z.number(),
});
export type PreviewRow = z.infer<typeof previewRow>;

export const certificateCalls = {
  /** One certificate; the same person and session (or period) again gives the one already issued. */
  'certificates.issue': call({
    access: 'administrator',
    writes: true,
    input: oneSelection.extend({
      /** Also answer with the PDF (issued and printed in one step: a failed print issues nothing). */
      print: z.boolean().default(false),
      ...printing,
    }),
    output: issuedMany,
  }),
  /** A batch, all or nothing, printed into one PDF (one certificate per page). */
  'certificates.batch': call({
    access: 'administrator',
    writes: true,
    long: true,
    input: z.discriminatedUnion('kind', [
      sessionSelection.extend({ print: z.boolean().default(true), ...printing }),
      hoursSelection.extend({ print: z.boolean().default(true), ...printing }),
    ]),
    output: issuedMany,
  }),
  /**
   * What an issue or a batch would do, numbering nothing: who gets a new certificate (and what it
   * states), who already has one (printed again, same number), who is left out and why.
   */
  'certificates.preview': call({
    access: 'administrator',
    writes: false,
    input: z.union([z.strictObject({ one: oneSelection }), z.strictObject({ batch: z.discriminatedUnion('kind', [sessionSelection, hoursSelection]) })]),
    output: z.object({ rows: z.array(previewRow), new: z.number(), again: z.number(), left: z.number() }),
  }),
  /** Re-prints certificates already issued (the same numbers and codes). */
  'certificates.print': call({
    access: 'administrator',
    writes: false,
    long: true,
    input: z.strictObject({ numbers: z.array(number).min(1).max(5000), english: z.boolean().default(false) }),
    output: generatedFile,
  }),
  'certificates.list': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({
      volunteerId: id.optional(),
      /** Training certificates of one session. */
      sessionId: id.optional(),
      text: text(200).optional(),
      kind: z.enum(CERTIFICATE_KINDS).optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      revoked: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: z.object({ total: z.number(), rows: z.array(certificate) }),
  }),
  'certificates.get': call({ access: 'staff', writes: false, input: z.strictObject({ number }), output: certificate }),
  'certificates.revoke': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ number, reason: requiredText(500) }),
    output: ok,
  }),
  /** The QR code's content or the short printed code → valid / revoked / altered / unknown, and what it states. */
  'certificates.verify': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ text: z.string().trim().min(1, { error: 'error.required' }).max(2000, { error: 'error.tooLong' }), lang: lang.default('ru') }),
    output: verdict,
  }),
  /** Certificate keys known here: this office's, and those the centre vouched for. */
  'certificates.keys': call({ access: 'administrator', writes: false, input: z.strictObject({}), output: z.array(certificateKeyView) }),
  /** Ends a certificate key (the centre: any office's; an office: its own, which is replaced at once). */
  'certificates.revokeKey': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ keyId: z.string().regex(/^[0-9a-f]{16}$/, { error: 'error.invalid' }), at: z.iso.datetime().optional() }),
    output: certificateKeyView,
  }),
};

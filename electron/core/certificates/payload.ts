import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { crockford, formatShortCode, officeDigits, officeOfDigits, type CertificateKind } from '../../../shared/domain/certificates';
import { EVENT_CATEGORIES, type EventCategory } from '../../../shared/domain/events';
import { base45Decode, base45Encode } from './base45';

/**
 * What a certificate's QR code carries: its facts in a compact binary form, signed with the
 * issuing office's certificate key (Ed25519), as `EK1:` + Base45, so the QR's alphanumeric mode
 * holds it (at most ~280 characters, error correction Q). Binary and length-prefixed, never JSON:
 * one byte sequence per certificate, nothing to normalise before checking the signature. The
 * signature covers a domain tag first, so no other signed Erikti message can pass as a certificate.
 *
 * Layout (integers big-endian; dates as days since 2000-01-01; hours in quarters):
 *   u8 version (1) · u8 kind (1 training, 2 service) · 8 bytes key id · u8 office digits ·
 *   u16 year · u24 serial · u16 issued on · u8 length + UTF-8 holder's name in Latin letters ·
 *   training: u16 first day · u16 last day · u16 hours · u8 length + UTF-8 program title
 *   service:  u16 from · u16 to · u16 verified hours · u16 events · u16 categories (bit per category)
 *   then 64 bytes of signature.
 * No IIN, no birth date: the name and the facts with the register behind them are enough.
 */
export const PAYLOAD_VERSION = 1;
export const QR_PREFIX = 'EK1:';
const SIGNATURE_TAG = Buffer.from('erikti-certificate-v1\u0000', 'utf8');
const CODE_TAG = Buffer.from('erikti-certificate-code\u0000', 'utf8');
const SIGNATURE_BYTES = 64;
export const KEY_ID_BYTES = 8;
const MAX_NAME_BYTES = 40;
const MAX_TITLE_BYTES = 48;
const KIND_CODE: Record<CertificateKind, number> = { training: 1, service: 2 };
const EPOCH = Date.UTC(2000, 0, 1);
const DAY = 86_400_000;

export interface CertificateFacts {
  kind: CertificateKind;
  /** Hex, 16 digits: which certificate key signed it. */
  keyId: string;
  office: string;
  year: number;
  serial: number;
  issuedOn: string;
  holderLatin: string;
  /** Training: the session's days; service: the period. */
  from: string;
  to: string;
  hours: number;
  /** Training only: the program's title. */
  title: string | null;
  /** Service only. */
  events: number | null;
  categories: EventCategory[] | null;
}

const dayOf = (date: string): number => Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY);
const dateOf = (day: number): string => new Date(EPOCH + day * DAY).toISOString().slice(0, 10);

/** UTF-8 cut at a character boundary so it fits `max` bytes. */
export function clipUtf8(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > max) break;
    out += ch;
  }
  return out;
}

class Writer {
  private readonly parts: number[] = [];
  u8(n: number) {
    this.parts.push(n & 0xff);
  }
  u16(n: number) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new Error(`out of range for a certificate: ${n}`);
    this.parts.push(n >> 8, n & 0xff);
  }
  u24(n: number) {
    this.parts.push((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  }
  bytes(b: Uint8Array) {
    this.parts.push(...b);
  }
  text(s: string, max: number) {
    const b = Buffer.from(clipUtf8(s, max), 'utf8');
    this.u8(b.length);
    this.bytes(b);
  }
  done(): Buffer {
    return Buffer.from(this.parts);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly b: Buffer) {}
  private need(n: number) {
    if (this.at + n > this.b.length) throw new Error('short');
  }
  u8() {
    this.need(1);
    return this.b[this.at++]!;
  }
  u16() {
    this.need(2);
    const v = this.b.readUInt16BE(this.at);
    this.at += 2;
    return v;
  }
  u24() {
    this.need(3);
    const v = this.b.readUIntBE(this.at, 3);
    this.at += 3;
    return v;
  }
  bytes(n: number) {
    this.need(n);
    const v = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }
  text() {
    const s = this.bytes(this.u8()).toString('utf8');
    if (s.includes('\ufffd')) throw new Error('not UTF-8');
    return s;
  }
  get rest() {
    return this.b.length - this.at;
  }
}

/** The facts as the bytes that are signed (the names and title clipped to what the QR holds). */
export function encodeFacts(f: CertificateFacts): Buffer {
  const w = new Writer();
  w.u8(PAYLOAD_VERSION);
  w.u8(KIND_CODE[f.kind]);
  const keyId = Buffer.from(f.keyId, 'hex');
  if (keyId.length !== KEY_ID_BYTES) throw new Error('a certificate key id is 8 bytes');
  w.bytes(keyId);
  w.u8(officeDigits(f.office));
  w.u16(f.year);
  w.u24(f.serial);
  w.u16(dayOf(f.issuedOn));
  w.text(f.holderLatin, MAX_NAME_BYTES);
  w.u16(dayOf(f.from));
  w.u16(dayOf(f.to));
  w.u16(Math.round(f.hours * 4));
  if (f.kind === 'training') {
    w.text(f.title ?? '', MAX_TITLE_BYTES);
  } else {
    w.u16(Math.min(f.events ?? 0, 0xffff));
    w.u16((f.categories ?? []).reduce((mask, c) => mask | (1 << EVENT_CATEGORIES.indexOf(c)), 0));
  }
  return w.done();
}

/** The facts the signed bytes state; throws on bytes that are not a certificate of this version. */
export function decodeFacts(bytes: Buffer): CertificateFacts {
  const r = new Reader(bytes);
  if (r.u8() !== PAYLOAD_VERSION) throw new Error('version');
  const kindCode = r.u8();
  const kind = kindCode === 1 ? 'training' : kindCode === 2 ? 'service' : null;
  if (!kind) throw new Error('kind');
  const keyId = r.bytes(KEY_ID_BYTES).toString('hex');
  const office = officeOfDigits(r.u8());
  const year = r.u16();
  const serial = r.u24();
  const issuedOn = dateOf(r.u16());
  const holderLatin = r.text();
  const from = dateOf(r.u16());
  const to = dateOf(r.u16());
  const hours = r.u16() / 4;
  let title: string | null = null;
  let events: number | null = null;
  let categories: EventCategory[] | null = null;
  if (kind === 'training') title = r.text();
  else {
    events = r.u16();
    const mask = r.u16();
    categories = EVENT_CATEGORIES.filter((_c, i) => (mask & (1 << i)) !== 0);
  }
  if (r.rest !== 0) throw new Error('trailing bytes');
  return { kind, keyId, office, year, serial, issuedOn, holderLatin, from, to, hours, title, events, categories };
}

const signedBytes = (payload: Buffer) => Buffer.concat([SIGNATURE_TAG, payload]);

/** The last private key parsed: a batch signs a thousand times with one key, and parsing its PEM costs as much as signing. */
let parsedKey: { pem: string; key: KeyObject } | null = null;

export function signPayload(payload: Buffer, privateKeyPem: string): Buffer {
  if (parsedKey?.pem !== privateKeyPem) parsedKey = { pem: privateKeyPem, key: createPrivateKey(privateKeyPem) };
  return sign(null, signedBytes(payload), parsedKey.key);
}

/** Ed25519 public keys travel raw (32 bytes); this is the DER prefix that makes one an SPKI key. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(raw: Buffer) {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function verifyPayload(payload: Buffer, signature: Buffer, rawPublicKey: Buffer): boolean {
  try {
    return verify(null, signedBytes(payload), publicKeyFromRaw(rawPublicKey), signature);
  } catch {
    return false;
  }
}

export const qrText = (payload: Buffer, signature: Buffer): string => QR_PREFIX + base45Encode(Buffer.concat([payload, signature]));

/** The signed bytes and signature a QR text holds, or null when it is not one. */
export function parseQrText(text: string): { payload: Buffer; signature: Buffer } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(QR_PREFIX)) return null;
  const bytes = base45Decode(trimmed.slice(QR_PREFIX.length));
  if (!bytes || bytes.length <= SIGNATURE_BYTES) return null;
  const all = Buffer.from(bytes);
  return { payload: all.subarray(0, all.length - SIGNATURE_BYTES), signature: all.subarray(all.length - SIGNATURE_BYTES) };
}

/**
 * The check part of the short code: 40 bits of a hash of the signature, 8 characters. Nobody can
 * make it for an invented number without the office's key, and a mistyped number or check part
 * matches by chance once in 2^40.
 */
export const checkPart = (signature: Buffer): string => crockford(createHash('sha256').update(CODE_TAG).update(signature).digest().subarray(0, 5), 8);

export const shortCode = (number: string, signature: Buffer): string => formatShortCode(number, checkPart(signature));

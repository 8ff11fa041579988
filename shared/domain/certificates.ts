/**
 * Certificates: kinds, the number every certificate carries and the short code printed beside
 * its QR. The number is `KZ-<office digits>-<year>-<serial>` (`KZ-75-2026-000123`; the state
 * front office `KZ` writes `00`): the office code in it keeps offices that issue offline at the
 * same time apart, the serial counts per office and year.
 */
export const CERTIFICATE_KINDS = ['training', 'service'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'altered', 'unknown'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Why a certificate is not simply valid (or, for `valid`, what the verifier should know). */
export const VERDICT_REASONS = [
  'malformed', 'badSignature', 'notInRegister', 'untrustedIssuer', 'keyNotValid', 'checkMismatch', 'registerMismatch',
] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

export const MAX_SERIAL = 999_999;

/** The two digits of an office code in certificate numbers (`KZ-75` → 75, the centre `KZ` → 0). */
export function officeDigits(office: string): number {
  const match = /^KZ(?:-(\d{2}))?$/.exec(office);
  if (!match) throw new Error(`not an office code: ${office}`);
  return match[1] ? Number(match[1]) : 0;
}

/** The office code back from its digits. */
export const officeOfDigits = (digits: number): string => (digits === 0 ? 'KZ' : `KZ-${String(digits).padStart(2, '0')}`);

export function certificateNumber(office: string, year: number, serial: number): string {
  return `KZ-${String(officeDigits(office)).padStart(2, '0')}-${year}-${String(serial).padStart(6, '0')}`;
}

export interface NumberParts {
  office: string;
  year: number;
  serial: number;
}

export function parseCertificateNumber(number: string): NumberParts | null {
  const match = /^KZ-(\d{2})-(\d{4})-(\d{6})$/.exec(number);
  if (!match) return null;
  return { office: officeOfDigits(Number(match[1])), year: Number(match[2]), serial: Number(match[3]) };
}

/**
 * Crockford's Base32 for the check part of the short code: no I, L, O or U, so what is read
 * aloud or typed is not confused (typed I/L are read as 1, O as 0).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function crockford(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A short code as a person typed it: any case, spaces for hyphens, I/L read as 1 and O as 0. */
export function parseShortCode(text: string): { number: string; check: string } | null {
  // After "KZ" (which has none of them) I and L can only be 1, O only 0.
  const compact = text.toUpperCase().replace(/[\s\u00a0]+/g, '');
  const fixed = compact.slice(0, 2) + compact.slice(2).replace(/[IL]/g, '1').replace(/O/g, '0');
  const match = /^KZ-?(\d{2})-?(\d{4})-?(\d{6})-?([0-9A-TV-Z]{4})-?([0-9A-TV-Z]{4})$/.exec(fixed);
  if (!match) return null;
  return { number: `KZ-${match[1]}-${match[2]}-${match[3]}`, check: `${match[4]}${match[5]}` };
}

/** The code as printed: the number, then the check part in two groups of four. */
export const formatShortCode = (number: string, check: string): string => `${number}-${check.slice(0, 4)}-${check.slice(4, 8)}`;

/**
 * Base45 (RFC 9285): bytes as text made only of the 45 characters of a QR code's alphanumeric
 * mode, which packs them at 5.5 bits each (byte mode spends 8), so a certificate's QR stays small
 * enough to scan from paper. Written here rather than taken from npm: the algorithm is a dozen
 * lines and the packages that offer it are small, single-author and unmaintained; the RFC's own
 * examples are its tests (test/electron/core/certificates/base45.test.ts).
 */
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUE = new Map([...BASE45_ALPHABET].map((c, i) => [c, i]));

/** Each pair of bytes (a·256 + b) becomes three characters c + 45·d + 45²·e; a last single byte two. */
export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const pair = i + 1 < bytes.length;
    let n = pair ? bytes[i]! * 256 + bytes[i + 1]! : bytes[i]!;
    for (let k = 0; k < (pair ? 3 : 2); k++) {
      out += BASE45_ALPHABET[n % 45];
      n = Math.floor(n / 45);
    }
  }
  return out;
}

/** The bytes, or null for text that is not Base45 (a character outside the set, a bad length or a value over 65535). */
export function base45Decode(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const chunk = text.slice(i, i + 3);
    let n = 0;
    for (let k = chunk.length - 1; k >= 0; k--) {
      const v = VALUE.get(chunk[k]!);
      if (v === undefined) return null;
      n = n * 45 + v;
    }
    if (chunk.length === 3) {
      if (n > 0xffff) return null;
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) return null;
      out.push(n);
    }
  }
  return Uint8Array.from(out);
}

import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from '../../../../electron/core/certificates/base45';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Base45 (RFC 9285)', () => {
  it('encodes the RFC’s examples', () => {
    expect(base45Encode(bytes('AB'))).toBe('BB8');
    expect(base45Encode(bytes('Hello!!'))).toBe('%69 VD92EX0');
    expect(base45Encode(bytes('base-45'))).toBe('UJCLQE7W581');
    expect(base45Encode(bytes(''))).toBe('');
  });

  it('decodes the RFC’s example and round-trips every byte value', () => {
    expect(new TextDecoder().decode(base45Decode('QED8WEX0')!)).toBe('ietf!');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base45Decode(base45Encode(all))).toEqual(all);
    expect(base45Decode(base45Encode(Uint8Array.of(255, 255, 0)))).toEqual(Uint8Array.of(255, 255, 0));
  });

  it('refuses what is not Base45: a bad length, a character outside the set, a value too large', () => {
    expect(base45Decode('BB8B')).toBeNull();
    expect(base45Decode('bb8')).toBeNull();
    expect(base45Decode('GGW')).toBeNull(); // 16 + 16·45 + 32·2025 = 65536 > 65535
    expect(base45Decode(':::')).toBeNull();
  });
});

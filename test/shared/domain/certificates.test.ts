import { describe, expect, it } from 'vitest';
import { certificateNumber, crockford, formatShortCode, parseCertificateNumber, parseShortCode } from '../../../shared/domain/certificates';

describe('certificate numbers and short codes', () => {
  it('numbers carry the office digits (the centre writes 00), the year and a six-digit serial, and read back', () => {
    expect(certificateNumber('KZ-75', 2026, 123)).toBe('KZ-75-2026-000123');
    expect(certificateNumber('KZ', 2026, 1)).toBe('KZ-00-2026-000001');
    expect(parseCertificateNumber('KZ-00-2026-000001')).toEqual({ office: 'KZ', year: 2026, serial: 1 });
    expect(parseCertificateNumber('KZ-71-2027-999999')).toEqual({ office: 'KZ-71', year: 2027, serial: 999_999 });
    expect(parseCertificateNumber('KZ-7-2026-1')).toBeNull();
  });

  it('a short code is read as typed: any case, spaces or no hyphens, O for 0 and I or L for 1; U never appears', () => {
    const code = formatShortCode('KZ-75-2026-000123', '7F3KQW91');
    expect(code).toBe('KZ-75-2026-000123-7F3K-QW91');
    const expected = { number: 'KZ-75-2026-000123', check: '7F3KQW91' };
    expect(parseShortCode(code)).toEqual(expected);
    expect(parseShortCode('kz 75 2026 OOO123 7f3k qw9l')).toEqual(expected);
    expect(parseShortCode('KZ752026000123 7F3KQW9I')).toEqual(expected);
    expect(parseShortCode('KZ-75-2026-000123-7F3K-QW9U')).toBeNull();
    expect(parseShortCode('KZ-75-2026-000123')).toBeNull();
  });

  it('Crockford Base32 uses no I, L, O or U', () => {
    const all = crockford(Uint8Array.from({ length: 200 }, (_, i) => (i * 37) & 0xff), 320);
    expect(all).not.toMatch(/[ILOU]/);
    expect(crockford(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff), 8)).toBe('ZZZZZZZZ');
    expect(crockford(Uint8Array.of(0, 0, 0, 0, 0), 8)).toBe('00000000');
  });
});

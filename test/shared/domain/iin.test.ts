import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIin, iinCheckDigit, makeIin, normalizeIin } from '../../../shared/domain/iin';

describe('IIN', () => {
  it('accepts a real-format IIN and reads birth date and sex from it', () => {
    const iin = makeIin('1990-05-17', 'M', 123)!;
    expect(checkIin(iin)).toEqual({ birthDate: '1990-05-17', sex: 'M' });
    const female = makeIin('2001-12-31', 'F', 77)!;
    expect(checkIin(female)).toEqual({ birthDate: '2001-12-31', sex: 'F' });
  });

  it('refuses a wrong check digit', () => {
    const iin = makeIin('1990-05-17', 'M', 123)!;
    const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect(checkIin(wrong)).toBe('checksum');
  });

  it('uses the second weighting pass when the first gives 10', () => {
    // Find an 11-digit prefix whose first pass gives 10, then check the digit comes from the second pass.
    const prefix = fc.sample(fc.stringMatching(/^9005173\d{4}$/), 2000).find((p) => {
      const sum = [...p].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 11;
      return sum === 10;
    })!;
    const second = [...prefix].reduce((s, d, i) => s + Number(d) * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    expect(iinCheckDigit(prefix)).toBe(second === 10 ? null : second);
  });

  it('refuses impossible and future dates and unknown century digits', () => {
    expect(checkIin('901317300001')).toBe('date');
    expect(checkIin('900517000001')).toBe('century');
    const future = makeIin('2099-01-01', 'M', 1) ?? makeIin('2099-01-01', 'M', 2)!;
    expect(checkIin(future)).toBe('future');
    expect(checkIin('12345')).toBe('format');
  });

  it('restores the leading zero Excel drops', () => {
    const iin = makeIin('2005-03-04', 'F', 42)!;
    expect(iin.startsWith('0')).toBe(true);
    expect(normalizeIin(iin.slice(1))).toBe(iin);
    expect(normalizeIin(`${iin.slice(0, 6)} ${iin.slice(6)}`)).toBe(iin);
  });

  it('every IIN made for a real date validates and encodes that date (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.constantFrom('M', 'F'), fc.nat(9999), (date, sex, serial) => {
        const birthDate = date.toISOString().slice(0, 10);
        const iin = makeIin(birthDate, sex as 'M' | 'F', serial);
        if (iin === null) return true;
        expect(checkIin(iin)).toEqual({ birthDate, sex });
        return true;
      }),
    );
  });
});

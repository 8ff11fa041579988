import { describe, expect, it } from 'vitest';
import { parseCount } from '../../../../renderer/features/logistics/names';

describe('counts typed in the logistics forms', () => {
  it('reads a decimal comma and spaces (also no-break ones) between thousands', () => {
    expect(parseCount(' 2,5 ')).toBe(2.5);
    expect(parseCount('1 000')).toBe(1000);
    expect(parseCount('1\u00a0000,5')).toBe(1000.5);
    expect(parseCount('12')).toBe(12);
  });

  it('gives no number for an empty field or words, so the core refuses it instead of taking 0', () => {
    expect(parseCount('')).toBeNaN();
    expect(parseCount('  ')).toBeNaN();
    expect(parseCount('два')).toBeNaN();
  });
});

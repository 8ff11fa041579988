import { describe, expect, it } from 'vitest';
import { parseCount, withUnit } from '../../../../renderer/features/logistics/names';

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

describe('counts shown in the logistics screens', () => {
  it('write a decimal comma in Kazakh and Russian, a point in English, without binary noise or "-0"', () => {
    expect(withUnit(2.5, 'л', 'kk')).toBe('2,5 л');
    expect(withUnit(0.1 + 0.2, 'л', 'ru')).toBe('0,3 л');
    expect(withUnit(2.5, 'l', 'en')).toBe('2.5 l');
    expect(withUnit(1000, 'pcs', 'ru')).toBe('1000');
    expect(withUnit(-0.0001, 'l', 'ru')).toBe('0 l');
  });
});

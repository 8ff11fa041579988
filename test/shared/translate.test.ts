import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { RESOURCES, translate } from '../../shared/i18n/translate';

describe('translate', () => {
  it('fills {{name}} parameters and leaves absent ones empty', () => {
    expect(translate('en', 'rosterImport.problemRow', { row: 7 })).toBe('Row 7.');
    expect(translate('en', 'rosterImport.problemRow')).toBe('Row .');
  });

  it('chooses the plural form each language needs', () => {
    expect(translate('en', 'roster.count', { count: 1 })).toBe('1 volunteer');
    expect(translate('en', 'roster.count', { count: 2 })).toMatch(/^2 volunteers$/);
    const ru = [1, 3, 5, 21].map((count) => translate('ru', 'roster.count', { count }));
    expect(new Set(ru.map((t) => t.replace(/^\d+\s*/, ''))).size).toBeGreaterThanOrEqual(3);
    expect(translate('kk', 'roster.count', { count: 3 })).toMatch(/^3 /);
  });

  it('formats {{count, number}} in the language of the text', () => {
    expect(translate('en', 'roster.count', { count: 12345 })).toBe('12,345 volunteers');
    expect(translate('ru', 'roster.count', { count: 12345 })).toContain('12\u00a0345');
  });

  it('gives the key itself when no language has it', () => {
    expect(translate('kk', 'no.such.key', { a: 1 })).toBe('no.such.key');
    expect(translate('en', 'rosterImport')).toBe('rosterImport');
  });

  it('agrees with i18next on the same resources', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: RESOURCES, lng: 'en', fallbackLng: 'ru', interpolation: { escapeValue: false } });
    for (const lang of ['kk', 'ru', 'en'] as const) {
      for (const count of [0, 1, 2, 5, 21, 1000]) {
        expect(translate(lang, 'roster.count', { count })).toBe(i18n.getFixedT(lang)('roster.count', { count }));
      }
      expect(translate(lang, 'rosterImport.problemRow', { row: 3 })).toBe(i18n.getFixedT(lang)('rosterImport.problemRow', { row: 3 }));
      expect(translate(lang, 'error.region', { value: 'KZ-99' })).toBe(i18n.getFixedT(lang)('error.region', { value: 'KZ-99' }));
    }
  });
});

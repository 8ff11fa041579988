import { describe, expect, it } from 'vitest';
import { langOfLocale, mainTexts } from '../../../electron/main/texts';

describe('the main process’s language', () => {
  it('follows the operating system’s locale, whatever its region part', () => {
    expect(langOfLocale('kk')).toBe('kk');
    expect(langOfLocale('kk-KZ')).toBe('kk');
    expect(langOfLocale('ru_RU')).toBe('ru');
    expect(langOfLocale('en-GB')).toBe('en');
    expect(langOfLocale('EN-us')).toBe('en');
  });

  it('falls back to Russian, the page’s own default, for a language the app does not speak', () => {
    expect(langOfLocale('uz-UZ')).toBe('ru');
    expect(langOfLocale('')).toBe('ru');
  });

  it('prefers the language chosen in the app over the system’s, when it is one the app speaks', () => {
    const system = { getLocale: () => 'en-US' };
    expect(mainTexts(system, 'kk')('menu.file')).toBe('Файл');
    expect(mainTexts(system, 'kk')('main.databaseFailed')).toBe('Офистің дерекқорын ашу мүмкін болмады.');
    expect(mainTexts(system, 'xx')('menu.edit')).toBe('Edit');
    expect(mainTexts(system, null)('menu.view')).toBe('View');
  });
});

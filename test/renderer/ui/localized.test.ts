import { describe, expect, it } from 'vitest';
import { localizedText, numberForInput, numberText } from '../../../renderer/ui/localized';

describe('titles in three languages', () => {
  it("shows the reader's language, else Russian, Kazakh, English in that order", () => {
    const title = { kk: 'Алғашқы көмек', ru: 'Первая помощь', en: null };
    expect(localizedText(title, 'kk')).toBe('Алғашқы көмек');
    expect(localizedText(title, 'en')).toBe('Первая помощь');
    expect(localizedText({ kk: 'Алғашқы көмек', ru: '  ', en: null }, 'en')).toBe('Алғашқы көмек');
    expect(localizedText(undefined, 'ru')).toBe('');
  });
});

describe('numbers typed in forms', () => {
  it('reads a decimal comma, leaves empty as no value and text as text for the schema to name', () => {
    expect(numberForInput(' 7,5 ')).toBe(7.5);
    expect(numberForInput('')).toBeNull();
    expect(numberForInput('восемь')).toBe('восемь');
    expect(numberText(null)).toBe('');
    expect(numberText(24)).toBe('24');
  });
});

import { describe, expect, it } from 'vitest';
import { noteText } from '../../../shared/domain/report-format';

describe('report notes in words', () => {
  it('names the regions a note lists in the reader’s language, and keeps the rest of its parameters', () => {
    const note = { key: 'reports.note.staleRegions', params: { count: 2, regions: 'KZ-19, KZ-75', days: 14 } };
    expect(noteText(note, 'ru')).toContain('(2: Алматинская область, Город Алматы)');
    expect(noteText(note, 'kk')).toContain('Алматы облысы, Алматы қаласы');
    expect(noteText(note, 'en')).toContain('more than 14 days old');
    expect(noteText(note, 'en')).not.toContain('KZ-19');
  });
});

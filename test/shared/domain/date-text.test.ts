import { describe, expect, it } from 'vitest';
import { dateText, wallClockText } from '../../../shared/domain/date-text';

describe('dates as Kazakhstan writes them', () => {
  it('writes a day as dd.mm.yyyy, also from the start of a longer ISO value, and leaves anything else as given', () => {
    expect(dateText('2026-02-28')).toBe('28.02.2026');
    expect(dateText('2026-02-28T09:15:00.000Z')).toBe('28.02.2026');
    expect(dateText('not a date')).toBe('not a date');
  });

  it('writes a wall-clock time as dd.mm.yyyy hh:mm', () => {
    expect(wallClockText('2026-04-01T08:05')).toBe('01.04.2026 08:05');
  });
});

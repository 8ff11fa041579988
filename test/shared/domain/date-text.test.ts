import { describe, expect, it } from 'vitest';
import { dateText, wallClockSpan, wallClockText } from '../../../shared/domain/date-text';

describe('dates as Kazakhstan writes them', () => {
  it('writes a day as dd.mm.yyyy, also from the start of a longer ISO value, and leaves anything else as given', () => {
    expect(dateText('2026-02-28')).toBe('28.02.2026');
    expect(dateText('2026-02-28T09:15:00.000Z')).toBe('28.02.2026');
    expect(dateText('not a date')).toBe('not a date');
  });

  it('writes a wall-clock time as dd.mm.yyyy hh:mm', () => {
    expect(wallClockText('2026-04-01T08:05')).toBe('01.04.2026 08:05');
  });

  it('writes a span with the date once when it ends the day it starts', () => {
    expect(wallClockSpan('2026-04-01T08:05', '2026-04-01T19:00')).toBe('01.04.2026 08:05–19:00');
    expect(wallClockSpan('2026-04-01T22:00', '2026-04-02T06:00')).toBe('01.04.2026 22:00 – 02.04.2026 06:00');
  });
});

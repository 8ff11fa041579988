import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, parseLocalDateTime } from '../../../renderer/ui/format';

describe('typed wall-clock times (shift start and end)', () => {
  it.each([
    ['27.11.2026 09:00', '2026-11-27T09:00'],
    ['7.3.2026 9:05', '2026-03-07T09:05'],
    ['  27/11/2026   18:30 ', '2026-11-27T18:30'],
    ['2026-11-27T22:00', '2026-11-27T22:00'],
    ['2026-11-27 22:00', '2026-11-27T22:00'],
    ['27.11.2026 9.30', '2026-11-27T09:30'],
    ['27.11.2026, 09:00', '2026-11-27T09:00'],
    ['27.11.2026,9:00', '2026-11-27T09:00'],
  ])('reads %j as %j', (typed, wire) => {
    expect(parseLocalDateTime(typed)).toBe(wire);
  });

  it.each(['', '27.11.2026', '09:00', '27.11.2026 9', 'завтра 9:00', '27.11.2026 09:00:00', '27.11.2026.09.00', '27.11.2026 9,30'])('leaves %j for the form to name as not a date and time', (typed) => {
    expect(parseLocalDateTime(typed)).toBeNull();
  });

  it('shows a wire time the way it is typed, so an edit round-trips', () => {
    expect(formatLocalDateTime('2026-11-27T09:00')).toBe('27.11.2026 09:00');
    expect(parseLocalDateTime(formatLocalDateTime('2026-03-07T23:45'))).toBe('2026-03-07T23:45');
  });
});

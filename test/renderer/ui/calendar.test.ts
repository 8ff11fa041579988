import { describe, expect, it } from 'vitest';
import { daysInMonth, gridRange, monthWeeks, onDay, shiftMonth } from '../../../renderer/ui/calendar';

describe('the sessions calendar', () => {
  it('starts weeks on Monday and pads them with the neighbouring months', () => {
    // 1 November 2026 is a Sunday: six days of October lead the first week.
    const weeks = monthWeeks('2026-11');
    expect(weeks[0]!.map((d) => d.iso)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(weeks[0]![6]!.inMonth).toBe(true);
    expect(weeks[0]![5]!.inMonth).toBe(false);
    expect(weeks.at(-1)!.at(-1)!.iso).toBe('2026-12-06');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('knows leap Februaries and crosses years both ways', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(gridRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('shows a session on every day it spans', () => {
    const items = [{ id: 'a', start: '2026-11-29', end: '2026-12-01' }];
    expect(onDay(items, '2026-11-28')).toEqual([]);
    expect(onDay(items, '2026-11-30').map((s) => s.id)).toEqual(['a']);
    expect(onDay(items, '2026-12-01').map((s) => s.id)).toEqual(['a']);
  });
});

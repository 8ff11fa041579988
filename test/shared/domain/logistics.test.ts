import { describe, expect, it } from 'vitest';
import { eventPeriod, isValidQuantity, peakConcurrent } from '../../../shared/domain/logistics';

const days = (start: string, end: string, quantity: number) => ({ ...eventPeriod(start, end), quantity });

describe('peak-concurrent arithmetic', () => {
  it('adds holdings that overlap, not those on different days, and only within the period asked', () => {
    const a = days('2026-03-09', '2026-03-11', 6);
    const b = days('2026-03-12', '2026-03-13', 8);
    // Back to back: one ends at midnight as the other starts, so they share the stock.
    expect(peakConcurrent([a, b], eventPeriod('2026-03-01', '2026-03-31'))).toBe(8);
    const c = days('2026-03-11', '2026-03-12', 3);
    expect(peakConcurrent([a, b, c], eventPeriod('2026-03-01', '2026-03-31'))).toBe(11);
    expect(peakConcurrent([a, b, c], eventPeriod('2026-03-09', '2026-03-10'))).toBe(6);
    expect(peakConcurrent([a, b, c], eventPeriod('2026-03-14', '2026-03-20'))).toBe(0);
  });

  it('counts shifts by the hour: a morning and an evening shift of one day share, overlapping ones add', () => {
    const morning = { start: '2026-03-10T08:00', end: '2026-03-10T14:00', quantity: 5 };
    const evening = { start: '2026-03-10T14:00', end: '2026-03-10T22:00', quantity: 4 };
    const noon = { start: '2026-03-10T12:00', end: '2026-03-10T16:00', quantity: 2 };
    expect(peakConcurrent([morning, evening], eventPeriod('2026-03-10', '2026-03-10'))).toBe(5);
    expect(peakConcurrent([morning, evening, noon], eventPeriod('2026-03-10', '2026-03-10'))).toBe(7);
  });

  it('reusables are whole and positive; consumables may be fractional', () => {
    expect(isValidQuantity('reusable', 2)).toBe(true);
    expect(isValidQuantity('reusable', 1.5)).toBe(false);
    expect(isValidQuantity('reusable', -1)).toBe(false);
    expect(isValidQuantity('consumable', 1.5)).toBe(true);
    expect(isValidQuantity('consumable', 0)).toBe(false);
  });
});

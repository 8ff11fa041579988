import { describe, expect, it } from 'vitest';
import type { HourEntry } from '../../../../shared/contract/events';
import { byYear, withHistory } from '../../../../renderer/features/hours/hours';

const entry = (id: string, extra: Partial<HourEntry> = {}): HourEntry => ({
  id, volunteerId: 'v', eventId: null, shiftId: null, source: 'manual', date: '2026-03-10', hours: 4, category: null, note: null, verifiedAt: null,
  verifiedBy: null, corrects: null, correctedBy: null, correctionReason: null, superseded: false, correctedAt: null, name: 'V',
  eventTitle: null, shiftTitle: null, ...extra,
});

describe('the hours screens’ folding', () => {
  it('folds months into years, latest year first, keeping verified apart', () => {
    const years = byYear([
      { month: '2025-11', hours: 2.25, verified: 2.25 }, { month: '2025-12', hours: 1.5, verified: 0 }, { month: '2026-01', hours: 8, verified: 4 },
    ]);
    expect(years.map((y) => [y.year, y.hours, y.verified, y.months.length])).toEqual([['2026', 8, 4, 1], ['2025', 3.75, 2.25, 2]]);
  });

  it('shows each counted entry with the chain of entries it replaced, newest first', () => {
    const list = [
      entry('c', { hours: 5, corrects: 'b', correctedBy: 'marat' }),
      entry('b', { hours: 6, corrects: 'a', superseded: true }),
      entry('a', { hours: 8, superseded: true }),
      entry('x', { hours: 1 }),
    ];
    expect(withHistory(list).map(({ entry: e, history }) => [e.id, history.map((h) => h.id)])).toEqual([['c', ['b', 'a']], ['x', []]]);
  });
});

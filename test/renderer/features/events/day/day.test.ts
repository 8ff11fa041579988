import { describe, expect, it } from 'vitest';
import type { AssignmentRow, ShiftRow } from '../../../../../shared/contract/events';
import { countStates, dayState, defaultShift, matches, nextMove, onTheDay, parseTime, showTime } from '../../../../../renderer/features/events/day/day';

const person = (extra: Partial<AssignmentRow> = {}): AssignmentRow => ({
  volunteerId: 'v1', name: 'Жұмабеков Нұрсұлтан', iin: '900101300001', phone: '+77011234567', status: 'confirmed', removalReason: null,
  walkIn: false, checkedInAt: null, checkedOutAt: null, noShow: false, misfit: null, ...extra,
});

const shift = (id: string, start: string, end: string, assignments: AssignmentRow[] = []): ShiftRow => ({
  id, eventId: 'e', title: id, start, end, meetingPoint: '', needed: 5, requires: [], minAge: null, languages: [], filled: 0, assignments,
});

describe('the day screen’s rules', () => {
  it('tells expected, present, gone and missing apart, and what Enter does to each', () => {
    expect(dayState(person())).toBe('expected');
    expect(dayState(person({ checkedInAt: '2026-03-10T09:00' }))).toBe('present');
    expect(dayState(person({ checkedInAt: '2026-03-10T09:00', checkedOutAt: '2026-03-10T12:00' }))).toBe('gone');
    expect(dayState(person({ noShow: true }))).toBe('missing');
    expect(['expected', 'present', 'gone', 'missing'].map((s) => nextMove(s as never))).toEqual(['checkin', 'checkout', null, 'checkin']);
  });

  it('lists only those holding a place, and counts them by state', () => {
    const s = shift('a', '2026-03-10T09:00', '2026-03-10T17:00', [
      person({ volunteerId: '1' }), person({ volunteerId: '2', status: 'declined' }), person({ volunteerId: '3', status: 'invited', checkedInAt: '2026-03-10T09:00' }),
      person({ volunteerId: '4', status: 'removed' }), person({ volunteerId: '5', noShow: true }),
    ]);
    expect(onTheDay(s).map((a) => a.volunteerId)).toEqual(['1', '3', '5']);
    expect(countStates(onTheDay(s))).toEqual({ expected: 1, present: 1, gone: 0, missing: 1 });
  });

  it('matches part of a name in any spelling, IIN digits or phone digits', () => {
    const p = person();
    for (const typed of ['жұма', 'ЖУМАБ', 'zhumabekov', 'нурс жума', '', '300001', '701 123', '+7 701']) expect(matches(p, typed), typed).toBe(true);
    for (const typed of ['петров', '999', 'жұма петр']) expect(matches(p, typed), typed).toBe(false);
    expect(matches(person({ iin: null, phone: null }), '123')).toBe(false);
  });

  it('opens on the shift running now, else today’s next, else today’s last, else the next ahead', () => {
    const morning = shift('morning', '2026-03-10T08:00', '2026-03-10T12:00');
    const evening = shift('evening', '2026-03-10T18:00', '2026-03-11T02:00');
    const later = shift('later', '2026-03-12T08:00', '2026-03-12T12:00');
    const all = [morning, evening, later];
    expect(defaultShift(all, '2026-03-10T09:30')?.id).toBe('morning');
    expect(defaultShift(all, '2026-03-10T13:00')?.id).toBe('evening');
    // Past midnight the night shift is still running.
    expect(defaultShift(all, '2026-03-11T01:00')?.id).toBe('evening');
    expect(defaultShift(all, '2026-03-10T07:00')?.id).toBe('morning');
    expect(defaultShift(all, '2026-03-11T05:00')?.id).toBe('later');
    expect(defaultShift(all, '2026-04-01T05:00')?.id).toBe('later');
    expect(defaultShift([], '2026-04-01T05:00')).toBeUndefined();
  });

  it('reads a corrected time as HH:MM on the given date or with its own date, and shows times beside the shift date', () => {
    expect(parseTime('9:05', '2026-03-10')).toBe('2026-03-10T09:05');
    expect(parseTime('11.03.2026 01:30', '2026-03-10')).toBe('2026-03-11T01:30');
    expect(parseTime('2026-03-11 1:30', '2026-03-10')).toBe('2026-03-11T01:30');
    for (const bad of ['25:00', '9', '31.02.2026 10:00', 'утром']) expect(parseTime(bad, '2026-03-10'), bad).toBeNull();
    expect(showTime('2026-03-10T09:05', '2026-03-10')).toBe('09:05');
    expect(showTime('2026-03-11T01:30', '2026-03-10')).toBe('11.03.2026 01:30');
    expect(showTime(null, '2026-03-10')).toBe('');
  });
});

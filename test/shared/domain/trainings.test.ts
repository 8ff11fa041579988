import { describe, expect, it } from 'vitest';
import {
  addMonths, ageOn, daysBetween, placements, qualificationStatus, todayInKazakhstan, validity,
} from '../../../shared/domain/trainings';
import { answersInBothZones } from '../../helpers/time-zones';

describe('qualification validity on calendar dates', () => {
  it('is valid through the same calendar date N months later, clamped to the month end', () => {
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('counts grace from the grant date, so clamping never compounds', () => {
    expect(validity('2025-08-31', 6, 3)).toEqual({ validUntil: '2026-02-28', graceUntil: '2026-05-31' });
    expect(validity('2025-08-31', null, 3)).toEqual({ validUntil: null, graceUntil: null });
  });

  it('is valid through the last day, in grace from the next, expired after the grace, never a day off', () => {
    const v = validity('2024-02-29', 24, 2);
    expect(qualificationStatus('2024-02-29', v, '2024-02-28')).toBe('pending');
    expect(qualificationStatus('2024-02-29', v, '2024-02-29')).toBe('valid');
    expect(qualificationStatus('2024-02-29', v, '2026-02-28')).toBe('valid');
    expect(qualificationStatus('2024-02-29', v, '2026-03-01')).toBe('grace');
    expect(qualificationStatus('2024-02-29', v, '2026-04-29')).toBe('grace');
    expect(qualificationStatus('2024-02-29', v, '2026-04-30')).toBe('expired');
    expect(qualificationStatus('2024-02-29', validity('2024-02-29', 24, 0), '2026-03-01')).toBe('expired');
    expect(qualificationStatus('2000-01-01', validity('2000-01-01', null, 0), '2099-12-31')).toBe('valid');
  });

  it('counts age in whole years on a date (a 29 February birthday turns over on 1 March)', () => {
    expect(ageOn('2010-03-10', '2026-03-09')).toBe(15);
    expect(ageOn('2010-03-10', '2026-03-10')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('takes today from Kazakhstan’s clock (UTC+5), not the computer’s zone', () => {
    expect(todayInKazakhstan(new Date('2026-02-28T18:59:59Z'))).toBe('2026-02-28');
    expect(todayInKazakhstan(new Date('2026-02-28T19:00:00Z'))).toBe('2026-03-01');
  });

  it('gives the same answers with the machine set to Asia/Almaty and to UTC', () => {
    const { almaty, utc } = answersInBothZones('shared/domain/trainings.ts', `[m.addMonths('2024-02-29', 24), m.addMonths('2025-08-31', 6), m.validity('2024-02-29', 24, 3),
      m.qualificationStatus('2024-02-29', m.validity('2024-02-29', 24, 3), '2026-02-28'), m.qualificationStatus('2024-02-29', m.validity('2024-02-29', 24, 3), '2026-03-01'),
      m.ageOn('2008-02-29', '2026-02-28'), m.todayInKazakhstan(new Date('2026-02-28T19:30:00Z')), m.addDays('2024-03-31', -31)]`);
    expect(almaty).toEqual(utc);
    expect(utc).toEqual([
      '2026-02-28', '2026-02-28', { validUntil: '2026-02-28', graceUntil: '2026-05-29' }, 'valid', 'grace', 17, '2026-03-01', '2024-02-29',
    ]);
  });
});

describe('the waiting list', () => {
  const e = (id: string, enrolledAt: string, withdrawn = false) => ({ id, enrolledAt, withdrawn });

  it('gives the first places by (enrolment stamp, id) and numbers the rest in that order', () => {
    const p = placements([e('c', '3'), e('a', '1'), e('b', '2'), e('d', '2')], 2);
    expect(p.get('a')).toEqual({ place: 'enrolled', position: null });
    expect(p.get('b')).toEqual({ place: 'enrolled', position: null });
    expect(p.get('d')).toEqual({ place: 'waitlisted', position: 1 });
    expect(p.get('c')).toEqual({ place: 'waitlisted', position: 2 });
  });

  it('moves the first waiting person up when a place frees', () => {
    const p = placements([e('a', '1', true), e('b', '2'), e('c', '3'), e('d', '4')], 2);
    expect(p.get('a')!.place).toBe('withdrawn');
    expect(p.get('c')!.place).toBe('enrolled');
    expect(p.get('d')).toEqual({ place: 'waitlisted', position: 1 });
  });
});

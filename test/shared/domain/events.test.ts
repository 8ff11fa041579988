import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBounds, ageRefusal, bornBy, compareCandidates, EVENT_CATEGORIES, dateOf, instantOf, isLocalDateTime, isValidHours, localDateTimeAt, overlaps, statusMayBecome, withinEvent, workedHours,
} from '../../../shared/domain/events';
import { ageOn } from '../../../shared/domain/trainings';
import { answersInBothZones } from '../../helpers/time-zones';

describe('shift times in Kazakhstan', () => {
  it('reads local wall-clock times and refuses impossible ones', () => {
    expect(isLocalDateTime('2026-03-10T09:30')).toBe(true);
    expect(isLocalDateTime('2026-02-29T09:30')).toBe(false);
    expect(isLocalDateTime('2026-03-10T24:00')).toBe(false);
    expect(isLocalDateTime('2026-03-10 09:30')).toBe(false);
  });

  it('maps instants to UTC+5 and back, with no daylight saving in summer', () => {
    expect(localDateTimeAt(new Date('2026-03-10T18:59:00Z'))).toBe('2026-03-10T23:59');
    expect(localDateTimeAt(new Date('2026-03-10T19:00:00Z'))).toBe('2026-03-11T00:00');
    expect(localDateTimeAt(new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01T09:00');
    expect(instantOf('2026-07-01T09:00').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('finds overlaps, including shifts across midnight, and lets back-to-back shifts be', () => {
    const night = { start: '2026-03-10T22:00', end: '2026-03-11T06:00' };
    expect(overlaps(night, { start: '2026-03-11T05:00', end: '2026-03-11T09:00' })).toBe(true);
    expect(overlaps(night, { start: '2026-03-10T20:00', end: '2026-03-10T22:30' })).toBe(true);
    expect(overlaps(night, { start: '2026-03-11T06:00', end: '2026-03-11T12:00' })).toBe(false);
    expect(overlaps(night, { start: '2026-03-10T08:00', end: '2026-03-10T22:00' })).toBe(false);
    expect(overlaps({ start: '2026-03-10T09:00', end: '2026-03-10T17:00' }, { start: '2026-03-10T10:00', end: '2026-03-10T11:00' })).toBe(true);
  });

  it('counts a shift crossing midnight on its start date, within the event if it starts within it', () => {
    expect(dateOf('2026-03-10T22:00')).toBe('2026-03-10');
    const event = { start: '2026-03-09', end: '2026-03-10' };
    expect(withinEvent({ start: '2026-03-10T22:00', end: '2026-03-11T06:00' }, event)).toBe(true);
    expect(withinEvent({ start: '2026-03-11T08:00', end: '2026-03-11T10:00' }, event)).toBe(false);
    expect(withinEvent({ start: '2026-03-08T08:00', end: '2026-03-08T10:00' }, event)).toBe(false);
  });
});

describe('hours', () => {
  it('are check-out minus check-in rounded to the quarter hour, across midnight too', () => {
    expect(workedHours('2026-03-10T09:00', '2026-03-10T17:00')).toBe(8);
    expect(workedHours('2026-03-10T09:00', '2026-03-10T09:07')).toBe(0);
    expect(workedHours('2026-03-10T09:00', '2026-03-10T09:08')).toBe(0.25);
    expect(workedHours('2026-03-10T09:00', '2026-03-10T11:52')).toBe(2.75);
    expect(workedHours('2026-03-10T09:00', '2026-03-10T11:53')).toBe(3);
    expect(workedHours('2026-03-10T22:10', '2026-03-11T06:00')).toBe(7.75);
    expect(() => workedHours('2026-03-10T10:00', '2026-03-10T09:59')).toThrow(RangeError);
  });

  it('typed by hand are whole quarters between 0 and 24', () => {
    expect(isValidHours(0.25)).toBe(true);
    expect(isValidHours(24)).toBe(true);
    for (const h of [0, -1, 24.25, 1.1, Number.NaN]) expect(isValidHours(h), String(h)).toBe(false);
  });
});

describe('minors', () => {
  const emergency = { category: 'flood' as const, minAge: null, on: '2026-03-10' };
  const social = { category: 'socialSupport' as const, minAge: null, on: '2026-03-10' };

  it('nobody under 18 on the shift’s date on fire, flood, earthquake or search, consent or not', () => {
    expect(ageRefusal({ birthDate: '2008-03-11', guardianConsentDate: '2025-01-01' }, emergency)).toBe('minorEmergency');
    expect(ageRefusal({ birthDate: '2008-03-10', guardianConsentDate: null }, emergency)).toBeNull();
    expect(ageRefusal({ birthDate: null, guardianConsentDate: null }, { ...emergency, category: 'search' })).toBe('minorEmergency');
    for (const category of ['fire', 'earthquake', 'search'] as const) {
      expect(ageRefusal({ birthDate: '2010-01-01', guardianConsentDate: '2025-01-01' }, { ...emergency, category })).toBe('minorEmergency');
    }
  });

  it('elsewhere 14–17 only with a guardian’s consent dated by the shift, never under 14 or the shift’s minimum', () => {
    expect(ageRefusal({ birthDate: '2011-03-10', guardianConsentDate: null }, social)).toBe('tooYoung');
    expect(ageRefusal({ birthDate: '2011-03-10', guardianConsentDate: '2026-03-10' }, social)).toBeNull();
    expect(ageRefusal({ birthDate: '2011-03-10', guardianConsentDate: '2026-03-11' }, social)).toBe('tooYoung');
    expect(ageRefusal({ birthDate: '2012-03-11', guardianConsentDate: '2026-01-01' }, social)).toBe('tooYoung');
    expect(ageRefusal({ birthDate: '2009-01-01', guardianConsentDate: '2026-01-01' }, { ...social, minAge: 18 })).toBe('tooYoung');
    expect(ageRefusal({ birthDate: '1990-01-01', guardianConsentDate: null }, { ...social, minAge: 18 })).toBeNull();
  });
});

describe('age rules as birth-date bounds (what suggestions search by)', () => {
  const day = fc.date({ min: new Date('1940-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('someone is at least N years old on a date exactly when born on or before bornBy(date, N), leap days included', () => {
    expect(bornBy('2027-02-28', 18)).toBe('2009-02-28');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect('2008-02-29' <= bornBy('2026-02-28', 18)).toBe(false);
    expect('2008-02-29' <= bornBy('2026-03-01', 18)).toBe(true);
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 100 }), (birth, on, years) => (ageOn(birth, on) >= years) === (birth <= bornBy(on, years))));
  });

  it('the bounds let through exactly whom ageRefusal lets through, for every category, minimum age and consent', () => {
    const maybe = fc.option(day, { nil: null });
    fc.assert(
      fc.property(maybe, maybe, day, fc.constantFrom(...EVENT_CATEGORIES), fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), (birthDate, consent, on, category, minAge) => {
        const rule = { category, minAge, on };
        const b = ageBounds(rule);
        const passes = birthDate !== null && birthDate <= b.bornBy && (b.adultBy === null || birthDate <= b.adultBy || (consent !== null && consent <= b.on));
        return passes === (ageRefusal({ birthDate, guardianConsentDate: consent }, rule) === null);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('events and suggestions', () => {
  it('go forward in status, or are cancelled before closing', () => {
    expect(statusMayBecome('planned', 'finished')).toBe(true);
    expect(statusMayBecome('active', 'planned')).toBe(false);
    expect(statusMayBecome('finished', 'cancelled')).toBe(true);
    expect(statusMayBecome('closed', 'cancelled')).toBe(false);
    expect(statusMayBecome('cancelled', 'planned')).toBe(false);
  });

  it('put the region first, then language, then fewer hours this month, then name', () => {
    const c = (id: string, inRegion: boolean, speaksLanguage: boolean, hoursThisMonth: number) => ({ id, sortName: id, inRegion, speaksLanguage, hoursThisMonth });
    const order = [c('e', false, true, 0), c('d', true, false, 0), c('c', true, true, 9), c('b', true, true, 2), c('a', true, true, 2)].sort(compareCandidates).map((x) => x.id);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives the same answers with the machine set to Asia/Almaty and to UTC', () => {
    const { almaty, utc } = answersInBothZones('shared/domain/events.ts', `[m.localDateTimeAt(new Date('2026-03-10T19:30:00Z')), m.instantOf('2026-03-11T00:30').toISOString(),
      m.workedHours('2026-03-10T22:10', '2026-03-11T06:00'), m.overlaps({ start: '2026-03-10T22:00', end: '2026-03-11T06:00' }, { start: '2026-03-11T05:00', end: '2026-03-11T09:00' }),
      m.dateOf('2026-03-10T23:30'), m.ageRefusal({ birthDate: '2008-03-11', guardianConsentDate: null }, { category: 'fire', minAge: null, on: '2026-03-10' })]`);
    expect(almaty).toEqual(utc);
    expect(utc).toEqual(['2026-03-11T00:30', '2026-03-10T19:30:00.000Z', 7.75, true, '2026-03-10', 'minorEmergency']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { closeOffices, office } from '../trainings/helpers';
import { assignOne, event, shift, volunteer } from './helpers';

afterEach(closeOffices);

describe('planning events and shifts', () => {
  it('keeps a shift within its event’s dates (a night shift may end the morning after) and refuses bad times, writing nothing', () => {
    const core = office();
    const e = event(core);
    expect(failure(() => shift(core, e, { start: '2026-03-12T09:00', end: '2026-03-12T10:00' })).key).toBe('error.events.shiftOutsideEvent');
    expect(failure(() => shift(core, e, { start: '2026-03-10T10:00', end: '2026-03-10T09:00' })).key).toBe('error.events.endBeforeStart');
    expect(JSON.stringify(failure(() => shift(core, e, { start: '2026-03-10 10:00' })).fields)).toContain('error.events.localDateTime');
    expect(failure(() => core.callAs(ADMIN, 'events.add', { title: 'x', category: 'fire', start: '2026-03-10', end: '2026-03-09', region: 'KZ-19' })).key).toBe('error.events.endBeforeStart');
    shift(core, e, { start: '2026-03-11T22:00', end: '2026-03-12T06:00' });
    const detail = core.callAs(ADMIN, 'events.get', { id: e });
    expect(detail.shifts.map((s) => s.start)).toEqual(['2026-03-11T22:00']);
    expect(detail).toMatchObject({ needed: 3, filled: 0, status: 'planned', place: 'Талгар, ул. Бокина 1' });
    expect(core.callAs(ADMIN, 'events.list', { month: '2026-03', category: 'flood' }).total).toBe(1);
    expect(core.callAs(ADMIN, 'events.list', { month: '2026-04' }).total).toBe(0);
  });
});

describe('refusals, one reason each', () => {
  it('alreadyAssigned, shiftFull, and the others in one call, per person', () => {
    const core = office();
    const s = shift(core, event(core, { category: 'socialSupport' }), { needed: 2 });
    const [a, b, c] = ['Абаев', 'Бекова', 'Жанов'].map((n) => volunteer(core, n)) as [string, string, string];
    expect(assignOne(core, s, a)).toEqual({ volunteerId: a, outcome: 'assigned', reason: null });
    const outcomes = core.callAs(ADMIN, 'events.assign', { shiftId: s, volunteerIds: [a, b, c] }).outcomes;
    expect(outcomes.map((o) => o.reason)).toEqual(['alreadyAssigned', null, 'shiftFull']);
    // A walk-in is already there: a full shift takes them.
    expect(core.callAs(ADMIN, 'events.assign', { shiftId: s, volunteerIds: [c], walkIn: true }).outcomes[0]!.outcome).toBe('assigned');
    // Declining frees the place for someone else.
    core.callAs(ADMIN, 'events.respond', { shiftId: s, volunteerId: b, answer: 'declined' });
    const d = volunteer(core, 'Дауренов');
    expect(assignOne(core, s, d).reason).toBe('shiftFull');
    core.callAs(ADMIN, 'events.remove', { shiftId: s, volunteerId: c, reason: 'Заболел' });
    expect(assignOne(core, s, d).outcome).toBe('assigned');
    const board = core.callAs(ADMIN, 'events.get', { id: core.callAs(ADMIN, 'events.list', {}).rows[0]!.id }).shifts[0]!;
    expect(board.filled).toBe(2);
    expect(board.assignments.find((x) => x.volunteerId === c)).toMatchObject({ status: 'removed', removalReason: 'Заболел', walkIn: true });
  });

  it('overlap, including a night shift crossing midnight; back-to-back shifts are fine', () => {
    const core = office();
    const e = event(core, { category: 'publicEvent' });
    const night = shift(core, e, { start: '2026-03-10T22:00', end: '2026-03-11T06:00' });
    const morning = shift(core, e, { start: '2026-03-11T05:00', end: '2026-03-11T09:00' });
    const next = shift(core, e, { start: '2026-03-11T06:00', end: '2026-03-11T12:00' });
    const p = volunteer(core, 'Ночной');
    expect(assignOne(core, night, p).outcome).toBe('assigned');
    expect(assignOne(core, morning, p).reason).toBe('overlap');
    expect(assignOne(core, next, p).outcome).toBe('assigned');
  });

  it('unqualified: a qualification expiring before the shift’s date does not count, even though it is valid today', () => {
    const core = office();
    const kind = core.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: 'Первая помощь' }, validityMonths: 12 }).id;
    const e = event(core, { category: 'publicEvent', start: '2026-03-09', end: '2027-06-30' });
    const soon = shift(core, e, { requires: [kind] });
    const later = shift(core, e, { requires: [kind], start: '2027-03-10T09:00', end: '2027-03-10T17:00' });
    const p = volunteer(core, 'Квалифицированный');
    const none = volunteer(core, 'Без');
    core.callAs(ADMIN, 'qualifications.add', { volunteerId: p, kindId: kind, from: '2026-03-01' });
    expect(assignOne(core, soon, p).outcome).toBe('assigned');
    expect(assignOne(core, later, p).reason).toBe('unqualified');
    expect(assignOne(core, soon, none).reason).toBe('unqualified');
  });

  it('the minor rules: nobody under 18 on an emergency; 14–17 elsewhere only with the guardian’s consent; the shift’s minimum age', () => {
    const core = office();
    const flood = shift(core, event(core, { category: 'flood' }));
    const forum = event(core, { category: 'forum' });
    const talk = shift(core, forum);
    const adultsOnly = shift(core, forum, { minAge: 21, start: '2026-03-11T09:00', end: '2026-03-11T12:00' });
    const withConsent = volunteer(core, 'Жасөспірім', { birthDate: '2010-05-01', guardianConsentDate: '2026-01-15', guardianName: 'Ата-ана' });
    const without = volunteer(core, 'Келісімсіз', { birthDate: '2010-05-01' });
    const child = volunteer(core, 'Бала', { birthDate: '2013-01-01', guardianConsentDate: '2026-01-15' });
    const turns18 = volunteer(core, 'Туған күн', { birthDate: '2008-03-10' });
    expect(assignOne(core, flood, withConsent).reason).toBe('minorEmergency');
    expect(assignOne(core, flood, turns18).outcome).toBe('assigned');
    expect(assignOne(core, talk, withConsent).outcome).toBe('assigned');
    expect(assignOne(core, talk, without).reason).toBe('tooYoung');
    expect(assignOne(core, talk, child).reason).toBe('tooYoung');
    expect(assignOne(core, adultsOnly, turns18).reason).toBe('tooYoung');
  });

  it('inactive or erased people, and cancelled or closed events', () => {
    const core = office();
    const e = event(core, { category: 'environment' });
    const s = shift(core, e);
    const inactive = volunteer(core, 'Неактивный', { status: 'inactive' });
    const erased = volunteer(core, 'Удалённый');
    core.callAs(ADMIN, 'volunteers.delete', { id: erased });
    expect(assignOne(core, s, inactive).reason).toBe('inactive');
    expect(assignOne(core, s, erased).reason).toBe('inactive');
    const p = volunteer(core, 'Активный', { phone: '8 701 234 56 78' });
    assignOne(core, s, p);
    const { notify } = core.callAs(ADMIN, 'events.cancel', { id: e });
    expect(notify).toEqual([{ volunteerId: p, name: 'Активный Тест', phone: expect.any(String), shiftId: s }]);
    expect(assignOne(core, s, volunteer(core, 'Поздний')).reason).toBe('eventClosed');
    expect(core.callAs(ADMIN, 'events.get', { id: e })).toMatchObject({ status: 'cancelled', filled: 0 });
    expect(failure(() => core.callAs(ADMIN, 'events.update', { id: e, patch: {}, status: 'planned' })).key).toBe('error.events.eventClosed');
  });
});

describe('suggestions', () => {
  it('best first with reasons: region, then language, then fewer hours this month; the refused are left out', () => {
    const core = office();
    const e = event(core, { category: 'socialSupport' });
    const s = shift(core, e, { languages: ['kk'] });
    const other = shift(core, e, { start: '2026-03-10T08:00', end: '2026-03-10T10:00' });
    const busyHours = volunteer(core, 'Айтов', { languages: ['kk', 'ru'] });
    const fresh = volunteer(core, 'Бектас', { languages: ['kk'] });
    const russianOnly = volunteer(core, 'Волков');
    const elsewhere = volunteer(core, 'Ержанов', { region: 'KZ-71', languages: ['kk'] });
    const booked = volunteer(core, 'Занятой', { languages: ['kk'] });
    volunteer(core, 'Неактивный', { status: 'inactive', languages: ['kk'] });
    volunteer(core, 'Подросток', { birthDate: '2012-01-01', languages: ['kk'] });
    core.callAs(ADMIN, 'hours.add', { volunteerId: busyHours, date: '2026-03-02', hours: 6 });
    core.callAs(ADMIN, 'hours.add', { volunteerId: fresh, date: '2026-02-20', hours: 20 });
    assignOne(core, other, booked);
    const list = core.callAs(ADMIN, 'events.suggest', { shiftId: s });
    expect(list.map((x) => x.volunteerId)).toEqual([fresh, busyHours, russianOnly, elsewhere]);
    expect(list[0]).toMatchObject({ hoursThisMonth: 0, reasons: ['active', 'inRegion', 'speaksLanguage', 'free', 'fewerHours'] });
    expect(list[1]!.hoursThisMonth).toBe(6);
    expect(list[2]!.reasons).not.toContain('speaksLanguage');
    expect(list[3]!.reasons).not.toContain('inRegion');
    expect(core.callAs(ADMIN, 'events.suggest', { shiftId: s, limit: 2 })).toHaveLength(2);
  });
});

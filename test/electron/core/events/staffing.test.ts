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

describe('suggestions at scale keep the rules of assign', () => {
  it('suggest exactly the active people assign would take, each rule at its edge (age bounds, qualification dates, overlaps that do and do not count)', () => {
    const core = office();
    const kind = core.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: 'Первая помощь' }, validityMonths: 12 }).id;
    const forum = event(core, { category: 'forum' });
    const s = shift(core, forum, { minAge: 16, requires: [kind], needed: 100 });
    const elsewhere = event(core, { category: 'publicEvent', start: '2026-03-09', end: '2026-03-10', region: 'KZ-71' });
    const qualified = (lastName: string, extra: Record<string, unknown> = {}, from = '2026-01-10') => {
      const id = volunteer(core, lastName, extra);
      core.callAs(ADMIN, 'qualifications.add', { volunteerId: id, kindId: kind, from });
      return id;
    };
    const onShift = (lastName: string, span: { start: string; end: string }) => {
      const id = qualified(lastName);
      const other = shift(core, elsewhere, span);
      expect(assignOne(core, other, id).outcome).toBe('assigned');
      return { id, other };
    };
    const consent = { guardianConsentDate: '2026-01-01', guardianName: 'Ата-ана' };
    const people: Record<string, string> = {
      adult: qualified('Ересек'),
      sixteenToday: qualified('Оналты', { birthDate: '2010-03-10', ...consent }),
      sixteenTomorrow: qualified('Ертең', { birthDate: '2010-03-11', ...consent }),
      minorWithoutConsent: qualified('Келісімсіз', { birthDate: '2009-06-01' }),
      consentAfterShift: qualified('Кеш', { birthDate: '2009-06-01', guardianConsentDate: '2026-03-11', guardianName: 'Ата-ана' }),
      eighteenToday: qualified('Он сегіз', { birthDate: '2008-03-10' }),
      noBirthDate: qualified('Туусыз', { birthDate: '' }),
      expired: qualified('Мерзімі өткен', {}, '2025-03-01'),
      notYetQualified: qualified('Ертеңгі', {}, '2026-03-11'),
      unqualified: volunteer(core, 'Біліксіз'),
      inactive: qualified('Белсенсіз', { status: 'inactive' }),
      otherRegion: qualified('Басқа', { region: 'KZ-71' }),
      overlapping: onShift('Қабаттас', { start: '2026-03-10T16:00', end: '2026-03-10T20:00' }).id,
      nightOverlap: onShift('Түнгі', { start: '2026-03-09T22:00', end: '2026-03-10T10:00' }).id,
      backToBack: onShift('Іргелес', { start: '2026-03-09T22:00', end: '2026-03-10T09:00' }).id,
      declined: qualified('Бас тартқан'),
      onDeletedShift: qualified('Өшірілген'),
      already: qualified('Бұрыннан'),
    };
    const erased = qualified('Жойылған');
    core.callAs(ADMIN, 'volunteers.delete', { id: erased });
    const declinedShift = shift(core, elsewhere, { start: '2026-03-10T10:00', end: '2026-03-10T12:00' });
    assignOne(core, declinedShift, people.declined!);
    core.callAs(ADMIN, 'events.respond', { shiftId: declinedShift, volunteerId: people.declined!, answer: 'declined' });
    const deletedShift = shift(core, elsewhere, { start: '2026-03-10T10:00', end: '2026-03-10T12:00' });
    assignOne(core, deletedShift, people.onDeletedShift!);
    core.callAs(ADMIN, 'events.shifts.delete', { id: deletedShift });
    assignOne(core, s, people.already!);
    const candidate = qualified('Үміткер', { status: 'candidate' });

    const suggested = core.callAs(ADMIN, 'events.suggest', { shiftId: s, limit: 500 }).map((x) => x.volunteerId);
    const outcomes = Object.fromEntries(Object.entries(people).map(([label, id]) => [label, assignOne(core, s, id).reason]));
    expect(outcomes).toEqual({
      adult: null, sixteenToday: null, sixteenTomorrow: 'tooYoung', minorWithoutConsent: 'tooYoung', consentAfterShift: 'tooYoung', eighteenToday: null,
      noBirthDate: 'tooYoung', expired: 'unqualified', notYetQualified: 'unqualified', unqualified: 'unqualified', inactive: 'inactive', otherRegion: null,
      overlapping: 'overlap', nightOverlap: 'overlap', backToBack: null, declined: null, onDeletedShift: null, already: 'alreadyAssigned',
    });
    const taken = Object.entries(outcomes).filter(([, reason]) => reason === null).map(([label]) => people[label]);
    expect(new Set(suggested)).toEqual(new Set(taken));
    // People of another region come after all of the event's region.
    expect(suggested.at(-1)).toBe(people.otherRegion);
    // Erased people, and candidates not yet active, are never suggested.
    expect(suggested).not.toContain(erased);
    expect(suggested).not.toContain(candidate);
  });

  it('the best N of any limit are the first N of the whole list: region, then language, then fewer hours (a correction to zero counts as zero), then name', () => {
    const core = office();
    const s = shift(core, event(core, { category: 'socialSupport' }), { languages: ['kk'] });
    const kk = { languages: ['kk'] };
    const amanov = volunteer(core, 'Аманов', kk);
    const zhumabaev = volunteer(core, 'Жұмабаев', kk);
    const bekenov = volunteer(core, 'Бекенов', kk);
    const ganiev = volunteer(core, 'Ғаниев');
    const akhmetov = volunteer(core, 'Ахметов', { ...kk, region: 'KZ-71' });
    const esenov = volunteer(core, 'Есенов', { region: 'KZ-71' });
    const dauletov = volunteer(core, 'Дәулетов', { region: 'KZ-71' });
    const worked = core.callAs(ADMIN, 'hours.add', { volunteerId: bekenov, date: '2026-03-02', hours: 4 }).id;
    core.callAs(ADMIN, 'hours.add', { volunteerId: dauletov, date: '2026-03-05', hours: 2 });
    const whole = core.callAs(ADMIN, 'events.suggest', { shiftId: s, limit: 50 });
    expect(whole.map((x) => x.volunteerId)).toEqual([amanov, zhumabaev, bekenov, ganiev, akhmetov, esenov, dauletov]);
    expect(whole.map((x) => x.hoursThisMonth)).toEqual([0, 0, 4, 0, 0, 0, 2]);
    expect(whole[4]!.reasons).toEqual(['active', 'speaksLanguage', 'free', 'fewerHours']);
    for (let limit = 1; limit <= whole.length; limit++) {
      expect(core.callAs(ADMIN, 'events.suggest', { shiftId: s, limit })).toEqual(whole.slice(0, limit));
    }
    core.callAs(ADMIN, 'hours.correct', { id: worked, hours: 0, reason: 'Ошибка ввода' });
    expect(core.callAs(ADMIN, 'events.suggest', { shiftId: s, limit: 3 }).map((x) => [x.volunteerId, x.hoursThisMonth])).toEqual([[amanov, 0], [bekenov, 0], [zhumabaev, 0]]);
  });
});

describe('changing a shift re-checks the people on it', () => {
  const misfitsOf = (core: ReturnType<typeof office>, eventId: string, shiftId: string) =>
    Object.fromEntries(core.callAs(ADMIN, 'events.get', { id: eventId }).shifts.find((x) => x.id === shiftId)!.assignments.map((a) => [a.volunteerId, a.misfit]));

  it('moving it onto another of a person’s shifts keeps the change and the person, flagged with the reason, and returned by the update; moving back clears it', () => {
    const core = office();
    const e = event(core, { category: 'publicEvent' });
    const morning = shift(core, e, { start: '2026-03-10T08:00', end: '2026-03-10T12:00' });
    const afternoon = shift(core, e, { start: '2026-03-10T13:00', end: '2026-03-10T17:00' });
    const both = volunteer(core, 'Екеуінде');
    const one = volunteer(core, 'Біреуінде');
    const declined = volunteer(core, 'Бас тартқан');
    for (const p of [both, one, declined]) assignOne(core, afternoon, p);
    assignOne(core, morning, both);
    assignOne(core, morning, declined);
    core.callAs(ADMIN, 'events.respond', { shiftId: afternoon, volunteerId: declined, answer: 'declined' });

    const moved = core.callAs(ADMIN, 'events.shifts.update', { id: afternoon, patch: { start: '2026-03-10T11:00' } });
    expect(moved).toEqual({ id: afternoon, misfits: [{ volunteerId: both, name: 'Екеуінде Тест', reason: 'overlap' }] });
    expect(misfitsOf(core, e, afternoon)).toEqual({ [both]: 'overlap', [one]: null, [declined]: null });
    // The other shift's board shows the same clash from its side; nobody was taken off.
    expect(misfitsOf(core, e, morning)[both]).toBe('overlap');
    expect(core.callAs(ADMIN, 'events.get', { id: e }).shifts.find((x) => x.id === afternoon)!.filled).toBe(2);
    expect(core.callAs(ADMIN, 'events.shifts.update', { id: afternoon, patch: { start: '2026-03-10T13:00' } }).misfits).toEqual([]);
    expect(misfitsOf(core, e, afternoon)[both]).toBeNull();
  });

  it('new requirements, a later date past a qualification’s expiry, and an event turned emergency flag whom they exclude', () => {
    const core = office();
    const kind = core.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: 'Первая помощь' }, validityMonths: 12 }).id;
    const e = event(core, { category: 'forum', end: '2026-06-30' });
    const s = shift(core, e);
    const trained = volunteer(core, 'Оқыған');
    const untrained = volunteer(core, 'Оқымаған');
    const teen = volunteer(core, 'Жасөспірім', { birthDate: '2010-05-01', guardianConsentDate: '2026-01-15', guardianName: 'Ата-ана' });
    core.callAs(ADMIN, 'qualifications.add', { volunteerId: trained, kindId: kind, from: '2025-04-01' });
    core.callAs(ADMIN, 'qualifications.add', { volunteerId: teen, kindId: kind, from: '2026-01-20' });
    for (const p of [trained, untrained, teen]) assignOne(core, s, p);

    const reasons = (patch: Record<string, unknown>) =>
      Object.fromEntries(core.callAs(ADMIN, 'events.shifts.update', { id: s, patch }).misfits.map((m) => [m.volunteerId, m.reason]));
    expect(reasons({ requires: [kind] })).toEqual({ [untrained]: 'unqualified' });
    expect(reasons({ minAge: 18 })).toEqual({ [untrained]: 'unqualified', [teen]: 'tooYoung' });
    expect(reasons({ minAge: null, start: '2026-04-10T09:00', end: '2026-04-10T17:00' })).toEqual({ [untrained]: 'unqualified', [trained]: 'unqualified' });
    expect(reasons({ requires: [] })).toEqual({});
    core.callAs(ADMIN, 'events.update', { id: e, patch: { category: 'flood' } });
    expect(misfitsOf(core, e, s)).toEqual({ [trained]: null, [untrained]: null, [teen]: 'minorEmergency' });
    // A patch changes only what it names (defaults of the full form are not filled in).
    expect(core.callAs(ADMIN, 'events.get', { id: e })).toMatchObject({ category: 'flood', place: 'Талгар, ул. Бокина 1' });
    core.callAs(ADMIN, 'events.shifts.update', { id: s, patch: { requires: [kind], languages: ['kk'], meetingPoint: 'У входа' } });
    core.callAs(ADMIN, 'events.shifts.update', { id: s, patch: { needed: 5 } });
    expect(core.callAs(ADMIN, 'events.get', { id: e }).shifts[0]).toMatchObject({ requires: [kind], languages: ['kk'], meetingPoint: 'У входа', needed: 5 });
  });
});

describe('the events list’s "upcoming" and "places to fill" (the dashboard’s figures open them)', () => {
  it('lists events not over yet and not cancelled, and of those the ones with places to fill on shifts yet to start', () => {
    const core = office('KZ-19'); // 10 March 2026, 11:00 in Kazakhstan
    const [a, b] = ['Абаев', 'Бекова'].map((n) => volunteer(core, n));
    const title = (q: Record<string, unknown>) => core.callAs(ADMIN, 'events.list', q).rows.map((r) => r.title);
    // Under way: its started shift is short (no longer fillable), its shift tomorrow is full.
    const today = event(core, { title: 'Сегодня' });
    shift(core, today, { start: '2026-03-10T09:00', end: '2026-03-10T17:00', needed: 3 });
    core.callAs(ADMIN, 'events.assign', { shiftId: shift(core, today, { start: '2026-03-11T09:00', end: '2026-03-11T12:00', needed: 2 }), volunteerIds: [a!, b!] });
    const later = event(core, { title: 'Позже', start: '2026-03-12', end: '2026-03-13' });
    assignOne(core, shift(core, later, { start: '2026-03-12T09:00', end: '2026-03-12T12:00', needed: 2 }), a!);
    const past = event(core, { title: 'Прошло', start: '2026-03-01', end: '2026-03-02' });
    shift(core, past, { start: '2026-03-01T09:00', end: '2026-03-01T12:00', needed: 2 });
    const cancelled = event(core, { title: 'Отменено', start: '2026-03-20', end: '2026-03-20' });
    shift(core, cancelled, { start: '2026-03-20T09:00', end: '2026-03-20T12:00', needed: 2 });
    core.callAs(ADMIN, 'events.cancel', { id: cancelled });

    expect(title({})).toHaveLength(4);
    expect(title({ upcoming: true })).toEqual(['Сегодня', 'Позже']);
    expect(title({ understaffed: true })).toEqual(['Позже']);
    expect(title({ upcoming: true, region: 'KZ-75' })).toEqual([]);
    const d = core.callAs(ADMIN, 'dashboard.office', {});
    expect(Object.fromEntries(d.figures.map((f) => [f.key, f.value]))).toMatchObject({ upcomingEvents: 2, staffingGaps: 1 });
  });
});

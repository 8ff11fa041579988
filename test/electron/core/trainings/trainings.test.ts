import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { catalogue, closeOffices, office, person, STAFF } from './helpers';

afterEach(closeOffices);

const places = (core: ReturnType<typeof office>, sessionId: string) =>
  core.callAs(ADMIN, 'trainings.sessions.get', { id: sessionId }).enrolments.map((e) => [e.name.split(' ')[0], e.place, e.position]);

describe('enrolment, capacity and the waiting list', () => {
  it('enrols up to capacity, puts the rest on the waiting list in order, and promotes the first waiting on withdrawal', () => {
    const core = office();
    const { sessionId } = catalogue(core, { capacity: 2 });
    const [a, b, c, d] = ['Ахметов', 'Бекова', 'Ценко', 'Дәулетов'].map((n) => person(core, n));
    const { outcomes } = core.callAs(STAFF, 'trainings.enrol', { sessionId, volunteerIds: [a!, b!, c!] });
    expect(outcomes.map((o) => [o.outcome, o.position])).toEqual([['enrolled', null], ['enrolled', null], ['waitlisted', 1]]);
    expect(core.callAs(STAFF, 'trainings.enrol', { sessionId, volunteerIds: [d!] }).outcomes[0]).toMatchObject({ outcome: 'waitlisted', position: 2 });

    expect(core.callAs(STAFF, 'trainings.withdraw', { sessionId, volunteerId: b! })).toEqual({ promoted: c });
    expect(places(core, sessionId)).toEqual([
      ['Ахметов', 'enrolled', null], ['Бекова', 'withdrawn', null], ['Ценко', 'enrolled', null], ['Дәулетов', 'waitlisted', 1],
    ]);
    // Coming back means the end of the queue.
    expect(core.callAs(STAFF, 'trainings.enrol', { sessionId, volunteerIds: [b!] }).outcomes[0]).toMatchObject({ outcome: 'waitlisted', position: 2 });
    const list = core.callAs(STAFF, 'trainings.sessions.list', { month: '2026-03' });
    expect(list.rows[0]).toMatchObject({ enrolled: 2, waitlisted: 2 });
  });

  it('refuses, per person and with the reason, the under-age, those without the prerequisite, the inactive, the erased and the already enrolled', () => {
    const core = office();
    const base = catalogue(core);
    const rescue = core.callAs(ADMIN, 'trainings.programs.add', {
      title: { ru: 'Поисково-спасательная подготовка' }, hours: 16, grants: null, prerequisite: base.firstAid, minAge: 18,
    }).id;
    const sessionId = core.callAs(ADMIN, 'trainings.sessions.add', { programId: rescue, start: '2026-04-01', end: '2026-04-03', capacity: 10 }).id;
    const young = person(core, 'Молодой', { birthDate: '2008-04-02' }); // 17 on 1 April 2026, 18 the day after
    const noCard = person(core, 'Безкарты');
    const carded = person(core, 'Скартой');
    const inactive = person(core, 'Неактивный', { status: 'inactive' });
    const erased = person(core, 'Удалённый');
    core.callAs(ADMIN, 'volunteers.delete', { id: erased });
    core.callAs(STAFF, 'qualifications.add', { volunteerId: carded, kindId: base.firstAid, from: '2024-04-01', note: 'Карта Красного Полумесяца' });
    const { outcomes } = core.callAs(STAFF, 'trainings.enrol', { sessionId, volunteerIds: [young, noCard, carded, inactive, erased, carded] });
    expect(outcomes.map((o) => o.reason ?? o.outcome)).toEqual([
      'error.trainings.underAge', 'error.trainings.prerequisite', 'enrolled', 'error.trainings.inactive', 'error.trainings.erased',
      'error.trainings.alreadyEnrolled',
    ]);
    expect(outcomes[0]!.params).toEqual({ minAge: 18 });
    expect(outcomes[1]!.params).toEqual({ kind: 'Первая помощь' });
  });

  it('a qualification recorded by hand by mistake is deleted by a coordinator, and no longer counts', () => {
    const core = office();
    const base = catalogue(core);
    const v = person(core, 'Ошибочный');
    const { id } = core.callAs(STAFF, 'qualifications.add', { volunteerId: v, kindId: base.firstAid, from: '2026-01-10', note: 'не тот человек' });
    expect(id.length).toBeGreaterThan(64); // a pair id: source:volunteer
    expect(core.callAs(STAFF, 'qualifications.list', { volunteerId: v, on: '2026-02-01' })).toHaveLength(1);
    core.callAs(ADMIN, 'qualifications.delete', { id });
    expect(core.callAs(STAFF, 'qualifications.list', { volunteerId: v, on: '2026-02-01' })).toHaveLength(0);
  });

  it('refuses a prerequisite that has expired by the session’s first day (valid through 28 Feb 2026 for 29 Feb 2024 + 24 months)', () => {
    const core = office();
    const base = catalogue(core);
    const advanced = core.callAs(ADMIN, 'trainings.programs.add', { title: { ru: 'Продвинутый курс' }, hours: 8, prerequisite: base.firstAid }).id;
    const onLastDay = core.callAs(ADMIN, 'trainings.sessions.add', { programId: advanced, start: '2026-02-28', end: '2026-03-02', capacity: 5 }).id;
    const dayAfter = core.callAs(ADMIN, 'trainings.sessions.add', { programId: advanced, start: '2026-03-01', end: '2026-03-02', capacity: 5 }).id;
    const v = person(core, 'Карточкина');
    core.callAs(STAFF, 'qualifications.add', { volunteerId: v, kindId: base.firstAid, from: '2024-02-29' });
    expect(core.callAs(STAFF, 'trainings.enrol', { sessionId: onLastDay, volunteerIds: [v] }).outcomes[0]!.outcome).toBe('enrolled');
    expect(core.callAs(STAFF, 'trainings.enrol', { sessionId: dayAfter, volunteerIds: [v] }).outcomes[0]!.reason).toBe('error.trainings.prerequisite');
  });

  it('refuses bad sessions and programs with clear errors and writes nothing', () => {
    const core = office();
    const { programId } = catalogue(core);
    const before = core.db.prepare('SELECT count(*) FROM row_clock').pluck().get();
    expect(failure(() => core.callAs(ADMIN, 'trainings.sessions.add', { programId, start: '2026-05-02', end: '2026-05-01', capacity: 5 })).key)
      .toBe('error.trainings.endBeforeStart');
    expect(failure(() => core.callAs(ADMIN, 'trainings.sessions.add', { programId, start: '2026-05-01', end: '2026-05-01', capacity: 0 })).fields)
      .toEqual([{ path: 'capacity', key: 'error.trainings.capacity', params: { limit: 1 } }]);
    expect(failure(() => core.callAs(ADMIN, 'trainings.sessions.add', { programId: 'nope', start: '2026-05-01', end: '2026-05-01', capacity: 5 })).key)
      .toBe('error.trainings.unknownProgram');
    // The working language is Russian here: a Kazakh-only title is refused until it is set to Kazakh.
    expect(failure(() => core.callAs(ADMIN, 'trainings.programs.add', { title: { kk: 'Тек қазақша' }, hours: 2 })).key).toBe('error.trainings.titleLanguage');
    expect(core.db.prepare('SELECT count(*) FROM row_clock').pluck().get()).toBe(before);
    core.callAs(ADMIN, 'trainings.setWorkingLanguage', { workingLanguage: 'kk' });
    expect(core.callAs(ADMIN, 'trainings.programs.add', { title: { kk: 'Тек қазақша' }, hours: 2 }).id).toBeTruthy();
  });

  it('lets staff enrol and mark but not manage the catalogue (coordinators do)', () => {
    const core = office();
    expect(failure(() => core.callAs(STAFF, 'trainings.kinds.add', { names: { ru: 'X' } })).code).toBe('forbidden');
    const { sessionId } = catalogue(core);
    expect(failure(() => core.callAs(STAFF, 'trainings.sessions.setStatus', { id: sessionId, status: 'closed' })).code).toBe('forbidden');
    expect(failure(() => core.callAs(STAFF, 'trainings.reopen', { id: sessionId })).code).toBe('forbidden');
  });
});

describe('results, qualifications, locking and reopening', () => {
  it('refuses results before the session starts', () => {
    const core = office();
    const { sessionId } = catalogue(core, { start: '2026-03-11', end: '2026-03-11' });
    const v = person(core, 'Рано');
    core.callAs(STAFF, 'trainings.enrol', { sessionId, volunteerIds: [v] });
    expect(failure(() => core.callAs(STAFF, 'trainings.result', { sessionId, volunteerId: v, outcome: 'passed', score: 90 })).key).toBe('error.trainings.notStarted');
  });

  it('grants the qualification from the session’s last day on a pass, takes it back on a change, and locks results when closed', () => {
    const core = office();
    const { sessionId, firstAid } = catalogue(core, { start: '2026-03-09', end: '2026-03-10' });
    const [a, b] = [person(core, 'Сдал'), person(core, 'Несдал')];
    core.callAs(STAFF, 'trainings.enrol', { sessionId, volunteerIds: [a, b] });
    expect(failure(() => core.callAs(STAFF, 'trainings.result', { sessionId, volunteerId: a, outcome: 'passed', score: 50 })).key).toBe('error.trainings.belowPassMark');
    const { qualificationId } = core.callAs(STAFF, 'trainings.result', { sessionId, volunteerId: a, outcome: 'passed', score: 85 });
    expect(qualificationId).toBe(`${sessionId}:${a}`);
    core.callAs(STAFF, 'trainings.result', { sessionId, volunteerId: b, outcome: 'absent' });
    expect(core.callAs(STAFF, 'qualifications.list', { volunteerId: a })).toMatchObject([
      { kindId: firstAid, from: '2026-03-10', validUntil: '2028-03-10', graceUntil: '2028-06-10', status: 'valid', source: 'training' },
    ]);
    expect(core.callAs(STAFF, 'qualifications.list', { volunteerId: a, on: '2028-04-01' })[0]!.status).toBe('grace');
    // The roster filter sees the pass on the date asked.
    const filtered = (on: string) => core.callAs(STAFF, 'volunteers.search', { qualifiedKind: firstAid, qualifiedOn: on }).rows.map((r) => r.id);
    expect(filtered('2026-03-10')).toEqual([a]);
    expect(filtered('2026-03-09')).toEqual([]);
    expect(filtered('2028-03-11')).toEqual([]);

    core.callAs(ADMIN, 'trainings.sessions.setStatus', { id: sessionId, status: 'closed' });
    expect(failure(() => core.callAs(STAFF, 'trainings.result', { sessionId, volunteerId: b, outcome: 'passed' })).key).toBe('error.trainings.locked');
    expect(failure(() => core.callAs(STAFF, 'trainings.withdraw', { sessionId, volunteerId: b })).key).toBe('error.trainings.locked');

    core.callAs(ADMIN, 'trainings.reopen', { id: sessionId, reason: 'Ошибка в ведомости' });
    const detail = core.callAs(STAFF, 'trainings.sessions.get', { id: sessionId });
    expect(detail.status).toBe('held');
    expect(detail.reopenings).toEqual([{ at: expect.any(String), by: 'cli@KZ-75', reason: 'Ошибка в ведомости' }]);
    core.callAs(STAFF, 'trainings.result', { sessionId, volunteerId: a, outcome: 'failed', score: 40 });
    expect(core.callAs(STAFF, 'qualifications.list', { volunteerId: a })).toEqual([]);
    expect(filtered('2026-03-10')).toEqual([]);
  });

  it('lists qualifications expiring within N days and those in grace, leaving out people who renewed', () => {
    const core = office();
    const { firstAid } = catalogue(core);
    const soon = person(core, 'Скоро');
    const grace = person(core, 'Льгота');
    const renewed = person(core, 'Обновил');
    const later = person(core, 'Нескоро');
    const add = (v: string, from: string) => core.callAs(STAFF, 'qualifications.add', { volunteerId: v, kindId: firstAid, from });
    add(soon, '2024-04-05'); // valid through 2026-04-05: 26 days after 10 March
    add(grace, '2024-02-29'); // valid through 2026-02-28, grace through 2026-05-29
    add(renewed, '2024-04-01');
    add(renewed, '2026-03-01');
    add(later, '2025-01-01');
    const names = (within: number, includeGrace = true) =>
      core.callAs(STAFF, 'qualifications.expiring', { within, includeGrace }).rows.map((r) => [r.name.split(' ')[0], r.status, r.daysLeft]);
    expect(names(30)).toEqual([['Льгота', 'grace', -10], ['Скоро', 'valid', 26]]);
    expect(names(30, false)).toEqual([['Скоро', 'valid', 26]]);
    expect(names(20)).toEqual([['Льгота', 'grace', -10]]);
    const xlsx = core.callAs(STAFF, 'qualifications.expiringExport', { within: 30, lang: 'kk' });
    expect(xlsx.rows).toBe(2);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

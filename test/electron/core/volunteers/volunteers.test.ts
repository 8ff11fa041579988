import { describe, expect, it } from 'vitest';
import { makeIin } from '../../../../shared/domain/iin';
import { ADMIN, officeCore, signedInOffice } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { office } from '../trainings/helpers';

const iin = makeIin('1995-04-12', 'M', 321)!;
const person = { lastName: 'Жұмабеков', firstName: 'Нұрсұлтан', middleName: 'Ерланұлы', phone: '8 701 123 45 67' };


describe('volunteers', () => {
  it('creates a volunteer, fills birth date and sex from the IIN, and stamps who and when', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', { ...person, iin });
    const v = core.callAs(ADMIN, 'volunteers.get', { id });
    expect(v).toMatchObject({ birthDate: '1995-04-12', sex: 'M', phone: '+77011234567', region: 'KZ-75', status: 'active' });
    expect(v.lastNameLatin).toBe('Zhumabekov');
    expect(v.createdBy).toBe('cli@KZ-75');
    expect(v.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses a wrong IIN check digit with a field error and writes nothing', () => {
    const core = officeCore();
    const bad = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    const error = failure(() => core.callAs(ADMIN, 'volunteers.create', { ...person, iin: bad }));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([{ path: 'iin', key: 'error.iin.checksum' }]);
    expect(core.callAs(ADMIN, 'volunteers.search', {}).total).toBe(0);
  });

  it('refuses a second person with the same IIN and names the first', () => {
    const core = officeCore();
    core.callAs(ADMIN, 'volunteers.create', { ...person, iin });
    const error = failure(() => core.callAs(ADMIN, 'volunteers.create', { lastName: 'Иванов', firstName: 'Пётр', iin }));
    expect(error.key).toBe('error.iin.taken');
    expect(error.params?.name).toBe('Жұмабеков Нұрсұлтан Ерланұлы');
  });

  it('refuses a birth date or sex that disagrees with the IIN (a typo in digit 11 passes the checksum)', () => {
    const core = officeCore();
    const error = failure(() => core.callAs(ADMIN, 'volunteers.create', { ...person, iin, birthDate: '1995-04-13' }));
    expect(error.fields?.[0]).toMatchObject({ path: 'birthDate', key: 'error.iin.birthMismatch' });
  });

  it('refuses markup, future birth dates, unknown regions, unknown fields and over-long names', () => {
    const core = officeCore();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...person, lastName: '<script>alert(1)</script>' }, 'error.nameChars'],
      [{ ...person, lastName: "Robert'); DROP TABLE volunteers;--" }, 'error.nameChars'],
      [{ ...person, birthDate: '2999-01-01' }, 'error.futureDate'],
      [{ ...person, region: 'KZ-99' }, 'error.region'],
      [{ ...person, shoeSize: 42 }, 'error.unknownField'],
      [{ ...person, firstName: 'А'.repeat(101) }, 'error.tooLong'],
      [{ ...person, phone: '12345' }, 'error.phone'],
    ];
    for (const [input, key] of cases) {
      const error = failure(() => core.callAs(ADMIN, 'volunteers.create', input));
      expect(error.fields?.map((f) => f.key), JSON.stringify(input).slice(0, 60)).toContain(key);
    }
    expect(core.callAs(ADMIN, 'volunteers.search', {}).total).toBe(0);
  });

  it('updates only the given fields and keeps the rest', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', { ...person, iin, email: 'a@b.kz' });
    core.callAs(ADMIN, 'volunteers.update', { id, patch: { phone: '+7 (702) 000 11 22' } });
    expect(core.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ phone: '+77020001122', email: 'a@b.kz', iin });
  });

  it('deactivates softly and erases on delete', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', { ...person, iin });
    core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive' });
    expect(core.callAs(ADMIN, 'volunteers.get', { id }).status).toBe('inactive');
    core.callAs(ADMIN, 'volunteers.delete', { id });
    expect(failure(() => core.callAs(ADMIN, 'volunteers.get', { id })).code).toBe('notFound');
    const raw = core.db.prepare('SELECT last_name, iin, phone, deleted FROM volunteers WHERE id = ?').get(id);
    expect(raw).toEqual({ last_name: '', iin: null, phone: null, deleted: 1 });
    // The erased IIN is free again.
    expect(() => core.callAs(ADMIN, 'volunteers.create', { ...person, iin })).not.toThrow();
  });

  it('finds people whatever the spelling: Latin, Cyrillic without Kazakh letters, IIN and phone digits', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', { ...person, iin });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Иванова', firstName: 'Анна', phone: '+77770000000' });
    for (const text of ['zhumabek', 'ЖУМАБЕК', 'нурсултан', 'Nursultan Zhum', iin.slice(0, 6), '701123', '87011234567']) {
      const rows = core.callAs(ADMIN, 'volunteers.search', { text }).rows;
      expect(rows.map((r) => r.id), text).toEqual([id]);
    }
    expect(core.callAs(ADMIN, 'volunteers.search', { text: 'nobody' }).total).toBe(0);
  });

  it('pages, filters and sorts the roster', () => {
    const core = officeCore();
    for (const [lastName, region, status] of [['Ахметов', 'KZ-75', 'active'], ['Борисов', 'KZ-71', 'active'], ['Валиев', 'KZ-75', 'inactive']] as const) {
      core.callAs(ADMIN, 'volunteers.create', { lastName, firstName: 'Тест', region, status });
    }
    const page = core.callAs(ADMIN, 'volunteers.search', { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.lastName)).toEqual(['Ахметов', 'Борисов']);
    expect(core.callAs(ADMIN, 'volunteers.search', { region: 'KZ-75', status: 'active' }).rows.map((r) => r.lastName)).toEqual(['Ахметов']);
    expect(core.callAs(ADMIN, 'volunteers.search', { descending: true, offset: 0, limit: 1 }).rows[0]!.lastName).toBe('Валиев');
  });
});

describe('roles are checked in the core, whatever the transport', () => {
  it('staff see IINs masked and cannot reach administrator calls', () => {
    const { core, session } = signedInOffice();
    core.call('users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'staff-password' }, session);
    const signIn = core.call('auth.signIn', { login: 'clerk', password: 'staff-password' }, null);
    expect(signIn.ok).toBe(true);
    const staff = (signIn as { value: { session: string } }).value.session;
    const created = core.call('volunteers.create', { ...person, iin }, staff);
    expect(created.ok).toBe(true);
    const rows = core.call('volunteers.search', { text: 'zhumabek' }, staff);
    expect(rows.ok && (rows.value as { rows: { iin: string }[] }).rows[0]!.iin).toBe('••••••••••••');
    const adminOnly = core.call('users.add', { login: 'sneaky', displayName: 'S', role: 'administrator', password: 'password1' }, staff);
    expect(adminOnly).toEqual({ ok: false, error: { code: 'forbidden', key: 'error.forbidden', params: { role: 'administrator' } } });
    const erase = core.call('volunteers.delete', { id: 'x' }, staff);
    expect(erase.ok).toBe(false);
    expect(core.call('volunteers.search', {}, null)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('roster order', () => {
  it('is Kazakh alphabetical: І and Kazakh letters in their places, not after Я', () => {
    const core = officeCore();
    for (const lastName of ['Іскаков', 'Әлиев', 'Ахметов', 'Яковлев', 'Қасымов', 'Кимов', 'Ұлықбеков', 'Уалиев']) {
      core.callAs(ADMIN, 'volunteers.create', { lastName, firstName: 'Тест' });
    }
    const names = core.callAs(ADMIN, 'volunteers.search', {}).rows.map((r) => r.lastName);
    expect(names).toEqual(['Ахметов', 'Әлиев', 'Кимов', 'Қасымов', 'Уалиев', 'Ұлықбеков', 'Іскаков', 'Яковлев']);
  });
});

describe('consent follow-up', () => {
  it('lists everyone without personal-data consent on record, as scripts and old lists bring them in', () => {
    const core = officeCore();
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Оспанова', firstName: 'Дана', consentDate: '2026-03-01', consentBasis: 'written' });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ли', firstName: 'Виктор' });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Серікбаев', firstName: 'Асқар', status: 'candidate' });
    expect(core.callAs(ADMIN, 'volunteers.search', { consentMissing: true }).rows.map((r) => r.lastName)).toEqual(['Ли', 'Серікбаев']);
    expect(core.callAs(ADMIN, 'volunteers.search', { consentMissing: true, status: 'candidate' }).total).toBe(1);
    expect(core.callAs(ADMIN, 'volunteers.search', {}).total).toBe(3);
  });
});

describe('registered since (the dashboard’s "new this month")', () => {
  it('lists people registered on the date or later by Kazakhstan’s calendar, midnight at UTC+5 included', () => {
    let now = new Date('2026-02-28T18:59:59.999Z'); // 23:59:59 on 28 February in Kazakhstan
    const core = office('KZ-75', () => now);
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ақпанова', firstName: 'Дана' });
    now = new Date('2026-02-28T19:00:00.000Z'); // midnight, 1 March in Kazakhstan
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Наурызов', firstName: 'Ерлан', status: 'active' });
    now = new Date('2026-03-09T08:00:00.000Z');
    const gone = core.callAs(ADMIN, 'volunteers.create', { lastName: 'Кеткенов', firstName: 'Асқар' }).id;
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Сәуірова', firstName: 'Айым', status: 'candidate' });
    core.callAs(ADMIN, 'volunteers.delete', { id: gone });

    const since = (createdFrom: string, extra = {}) => core.callAs(ADMIN, 'volunteers.search', { createdFrom, ...extra }).rows.map((r) => r.lastName);
    expect(since('2026-03-01')).toEqual(['Наурызов', 'Сәуірова']);
    expect(since('2026-02-28')).toEqual(['Ақпанова', 'Наурызов', 'Сәуірова']);
    expect(since('2026-03-02')).toEqual(['Сәуірова']);
    expect(since('2026-03-01', { status: 'active' })).toEqual(['Наурызов']);
    expect(failure(() => core.callAs(ADMIN, 'volunteers.search', { createdFrom: '1 March' }))).toMatchObject({ code: 'validation' });
  });
});

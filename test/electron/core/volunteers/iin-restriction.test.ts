import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIin, iinCheckDigit, makeIin } from '../../../../shared/domain/iin';
import type { Core } from '../../../../electron/core/app';
import type { Actor } from '../../../../electron/core/context';
import { createOffice } from '../../../../electron/core/office/identity';
import { IIN_LOOKUP_LIMITS } from '../../../../electron/core/volunteers/iin-lookups';
import { testCore } from '../../../helpers/core-options';
import { ADMIN, tempDir } from '../../../helpers/temp-db';
import { iinFor, openRoster, xlsx } from '../roster/fixtures';
import { failure } from '../../../helpers/call-error';

/**
 * A staff account sets out to recover the IIN of a person it can see, with every call it has.
 * Staff are shown the birth date and sex (the IIN's first seven digits); the rest must stay hidden
 * except through the one allowed path: naming the complete IIN, which is counted and limited.
 */

const BIRTH = '1995-04-12';
const SECRET = makeIin(BIRTH, 'F', 4821)!;
const MASK = '••••••••••••';
const PHONE = '+77011234567';

/** Every valid IIN a person born on BIRTH of sex F could hold, the true one excluded. */
function candidates(count: number, from = 0): string[] {
  const out: string[] = [];
  for (let serial = from; out.length < count; serial++) {
    const iin = makeIin(BIRTH, 'F', serial);
    if (iin && iin !== SECRET) out.push(iin);
  }
  return out;
}

interface Office {
  core: Core;
  staff: Actor;
  coordinator: Actor;
  personId: string;
  /** Moves the office's clock forward. */
  advance(ms: number): void;
}

function office(): Office {
  let now = Date.parse('2025-03-01T09:00:00Z');
  const core = testCore(path.join(tempDir(), 'office.sqlite'), { now: () => new Date(now) });
  createOffice(core.db, 'KZ-75');
  const actorFor = (login: string, role: Actor['role']): Actor => {
    core.callAs(ADMIN, 'users.add', { login, displayName: login, role, password: `${login} password` });
    const user = core.callAs(ADMIN, 'users.list', {}).find((u) => u.login === login)!;
    return { id: user.id, login, displayName: login, role };
  };
  const { id: personId } = core.callAs(ADMIN, 'volunteers.create', {
    lastName: 'Сейітова', firstName: 'Айгүл', middleName: 'Маратқызы', iin: SECRET, phone: PHONE,
  });
  // A namesake-free crowd around her, so counts mean something.
  core.callAs(ADMIN, 'volunteers.create', { lastName: 'Ахметов', firstName: 'Ерлан', iin: makeIin('1987-11-30', 'M', 100)!, phone: '+77021112233' });
  return { core, staff: actorFor('clerk', 'staff'), coordinator: actorFor('coord', 'coordinator'), personId, advance: (ms) => (now += ms) };
}


const searchIds = (o: Office, actor: Actor, text: string) => o.core.callAs(actor, 'volunteers.search', { text }).rows.map((r) => r.id);
const lookupCount = (o: Office) => (o.core.db.prepare('SELECT count(*) AS n FROM iin_lookups').get() as { n: number }).n;

/**
 * The attack: the first seven digits are known from the birth date and sex; try each next digit
 * and keep the one whose search finds the person. Returns what it recovered, or null when no
 * digit stood out.
 */
function recoverByPrefix(o: Office, actor: Actor): { iin: string | null; answers: Set<string> } {
  let known = SECRET.slice(0, 7);
  const answers = new Set<string>();
  while (known.length < 11) {
    const found: string[] = [];
    for (let d = 0; d <= 9; d++) {
      const ids = searchIds(o, actor, known + d);
      answers.add(JSON.stringify(ids));
      if (ids.includes(o.personId)) found.push(String(d));
    }
    if (found.length !== 1) return { iin: null, answers };
    known += found[0];
  }
  const check = iinCheckDigit(known);
  return { iin: check === null ? null : `${known}${check}`, answers };
}

describe('a staff account trying to recover a masked IIN', () => {
  it('is shown no digit of it: roster row, record, export, the form’s “on record” text', () => {
    const o = office();
    const row = o.core.callAs(o.staff, 'volunteers.search', { text: 'Сейітова' }).rows[0]!;
    expect(row.iin).toBe(MASK);
    const record = o.core.callAs(o.staff, 'volunteers.get', { id: o.personId });
    expect(record.iin).toBe(MASK);
    expect(record.birthDate).toBe(BIRTH); // what staff may see: the IIN's first seven digits, no more
    const csv = o.core.callAs(o.staff, 'roster.export', { columns: ['lastName', 'iin'], format: 'csv', lang: 'en' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain(MASK);
    for (let cut = 8; cut <= 12; cut++) expect(text).not.toContain(SECRET.slice(cut - 4, cut));
  });

  it('cannot read it back digit by digit through search (a coordinator, who may read it, can)', () => {
    const o = office();
    const staff = recoverByPrefix(o, o.staff);
    expect(staff.iin).toBeNull();
    // Every guess got the same answer, so no guess taught anything.
    expect(staff.answers).toEqual(new Set([JSON.stringify([])]));
    // The same attack with prefix search works: the test would notice the leak.
    expect(recoverByPrefix(o, o.coordinator).iin).toBe(SECRET);
    expect(lookupCount(o)).toBe(0);
  });

  it('finds nothing with partial IINs, grouped digits, phone-shaped digits, or digits mixed into words', () => {
    const o = office();
    const probes = [
      SECRET.slice(0, 11), SECRET.slice(1), SECRET.slice(5), SECRET.slice(0, 6), SECRET.slice(7),
      `${SECRET.slice(0, 6)} ${SECRET.slice(6, 11)}`, `${SECRET.slice(0, 11)}${(Number(SECRET[11]) + 1) % 10}`,
      `${SECRET}0`, `7${SECRET.slice(0, 10)}`, `8${SECRET.slice(0, 10)}`, `+7 ${SECRET.slice(0, 10)}`,
      `Сейітова ${SECRET.slice(0, 9)}`, `ъ${SECRET.slice(0, 9)}`, `${SECRET.slice(0, 9)}*`, `"${SECRET.slice(0, 9)}"`,
    ];
    for (const text of probes) {
      expect(searchIds(o, o.staff, text), text).toEqual([]);
      expect(o.core.callAs(o.staff, 'volunteers.search', { text, region: 'KZ-75' }).total, text).toBe(0);
    }
    // Phones still search by prefix, in every way people type them.
    for (const text of ['8701', '7011234', '+7 701', '87011234567']) expect(searchIds(o, o.staff, text), text).toEqual([o.personId]);
    // An export with an IIN prefix as its filter is empty too.
    const exported = o.core.callAs(o.staff, 'roster.export', { query: { text: SECRET.slice(0, 9) }, columns: ['lastName'], format: 'csv', lang: 'en' });
    expect(exported.rows).toBe(0);
    expect(lookupCount(o)).toBe(0);
  });

  it('finds the person by the complete IIN, typed whole or in groups, and each IIN counts once', () => {
    const o = office();
    expect(searchIds(o, o.staff, SECRET)).toEqual([o.personId]);
    expect(searchIds(o, o.staff, `${SECRET.slice(0, 6)} ${SECRET.slice(6, 9)} ${SECRET.slice(9)}`)).toEqual([o.personId]);
    expect(searchIds(o, o.staff, `Сейітова ${SECRET}`)).toEqual([o.personId]);
    // Scrolling re-asks; asking again tells nothing new and does not use up the allowance.
    for (let page = 0; page < 5; page++) o.core.callAs(o.staff, 'volunteers.search', { text: SECRET, offset: page * 100 });
    expect(lookupCount(o)).toBe(1);
    const miss = candidates(1)[0]!;
    expect(searchIds(o, o.staff, miss)).toEqual([]);
    const audit = o.core.callAs(ADMIN, 'audit.iinLookups', {});
    expect(audit.lookups.map((l) => [l.login, l.call, l.hit])).toEqual([
      ['clerk', 'volunteers.search', false],
      ['clerk', 'volunteers.search', true],
    ]);
    expect(audit.users).toEqual([{ userId: o.staff.id, login: 'clerk', lastHour: 2, lastDay: 2, total: 2, hits: 1 }]);
    // The record is not a list of IINs: neither number is in it, in any form.
    const stored = JSON.stringify(o.core.db.prepare('SELECT * FROM iin_lookups').all());
    for (const iin of [SECRET, miss]) expect(stored).not.toContain(iin.slice(0, 9));
    expect(failure(() => o.core.callAs(o.staff, 'audit.iinLookups', {})).code).toBe('forbidden');
  });

  it('probing with checkIin, create and update is counted and stops at the hourly limit, even for the right IIN', () => {
    const o = office();
    const wrong = candidates(IIN_LOOKUP_LIMITS.perHour);
    for (const iin of wrong.slice(0, 10)) expect(o.core.callAs(o.staff, 'volunteers.checkIin', { iin }).holder).toBeNull();
    // A refused create (the IIN is taken) rolls back, but the lookup it made is still recorded.
    const taken = failure(() => o.core.callAs(o.staff, 'volunteers.create', { lastName: 'Проба', firstName: 'Проба', iin: SECRET }));
    expect(taken.key).toBe('error.iin.taken'); // the one allowed path answers, and is counted
    expect(lookupCount(o)).toBe(11);
    const { id: decoy } = o.core.callAs(o.staff, 'volunteers.create', { lastName: 'Проба', firstName: 'Проба' });
    for (const iin of wrong.slice(10, 19)) o.core.callAs(o.staff, 'volunteers.update', { id: decoy, patch: { iin } });
    expect(lookupCount(o)).toBe(20);
    // Asking about the same IIN again (here through update) is not a new lookup.
    expect(failure(() => o.core.callAs(o.staff, 'volunteers.update', { id: decoy, patch: { iin: SECRET } })).key).toBe('error.iin.taken');
    expect(lookupCount(o)).toBe(20);
    for (const iin of wrong.slice(19, IIN_LOOKUP_LIMITS.perHour - 1)) o.core.callAs(o.staff, 'volunteers.checkIin', { iin });
    expect(lookupCount(o)).toBe(IIN_LOOKUP_LIMITS.perHour);

    // Over the limit: the right IIN gets no answer from any call.
    for (const attempt of [
      () => o.core.callAs(o.staff, 'volunteers.checkIin', { iin: wrong[wrong.length - 1]! }),
      () => o.core.callAs(o.staff, 'volunteers.search', { text: candidates(1, 9000)[0]! }),
    ]) {
      const limited = failure(attempt);
      expect(limited.key).toBe('error.iinLookupLimit');
      expect(limited.params).toMatchObject({ limit: IIN_LOOKUP_LIMITS.perHour, hours: 1 });
    }
    // An IIN already asked about still answers (it tells nothing new)…
    expect(o.core.callAs(o.staff, 'volunteers.checkIin', { iin: SECRET }).holder?.id).toBe(o.personId);
    // …and registering someone whose IIN nobody here could hold is not a lookup at all.
    o.core.callAs(o.staff, 'volunteers.create', { lastName: 'Новый', firstName: 'Человек', iin: makeIin('2001-02-03', 'M', 777)! });
    expect(lookupCount(o)).toBe(IIN_LOOKUP_LIMITS.perHour);
    // A coordinator is not limited.
    expect(o.core.callAs(o.coordinator, 'volunteers.checkIin', { iin: wrong.at(-1)! }).holder).toBeNull();
    // An hour later the next ones answer again.
    o.advance(61 * 60_000);
    expect(o.core.callAs(o.staff, 'volunteers.checkIin', { iin: wrong.at(-1)! }).holder).toBeNull();
  });

  it('stops at the daily limit across hours', () => {
    const o = office();
    const wrong = candidates(IIN_LOOKUP_LIMITS.perDay + 1);
    let used = 0;
    while (used < IIN_LOOKUP_LIMITS.perDay) {
      const batch = Math.min(IIN_LOOKUP_LIMITS.perHour, IIN_LOOKUP_LIMITS.perDay - used);
      for (const iin of wrong.slice(used, used + batch)) o.core.callAs(o.staff, 'volunteers.checkIin', { iin });
      used += batch;
      o.advance(61 * 60_000);
    }
    const limited = failure(() => o.core.callAs(o.staff, 'volunteers.checkIin', { iin: wrong[IIN_LOOKUP_LIMITS.perDay]! }));
    expect(limited.params).toMatchObject({ limit: IIN_LOOKUP_LIMITS.perDay, hours: 24 });
    o.advance(24 * 3_600_000);
    expect(o.core.callAs(o.staff, 'volunteers.checkIin', { iin: wrong[IIN_LOOKUP_LIMITS.perDay]! }).holder).toBeNull();
  });

  it('cannot test a sheet of candidate IINs with a roster preview, problem rows or import', async () => {
    const o = office();
    const guesses = [...candidates(60), SECRET];
    const file = await xlsx({ rows: [['Фамилия', 'Имя', 'ИИН'], ...guesses.map((iin, i) => ['Проба', `Имя${'а'.repeat(i % 5)}`, iin])] });
    const { choice } = openRoster(o.core, file, 'guesses.xlsx', o.staff);
    for (const call of ['roster.preview', 'roster.import'] as const) {
      expect(failure(() => o.core.callAs(o.staff, call, choice)).key, call).toBe('error.iinLookupLimit');
    }
    expect(failure(() => o.core.callAs(o.staff, 'roster.problemRows', { ...choice, lang: 'en' })).key).toBe('error.iinLookupLimit');
    expect(lookupCount(o)).toBe(0);
    expect(o.core.callAs(ADMIN, 'volunteers.search', { text: 'Проба' }).total).toBe(0);

    // A small file answers, and each of its IINs is counted like any other lookup.
    const small = await xlsx({ rows: [['Фамилия', 'Имя', 'ИИН'], ['Сейітова', 'Айгүл', SECRET], ['Проба', 'Имя', candidates(1)[0]!]] });
    const report = o.core.callAs(o.staff, 'roster.preview', openRoster(o.core, small, 'small.xlsx', o.staff).choice);
    expect(report.unchanged + report.updated).toBe(1);
    expect(lookupCount(o)).toBe(2);
    // A roster of new people (IINs nobody here could hold) costs nothing.
    // (80 distinct birth dates from 1960 to 1989, none shared with anyone registered.)
    const newcomer = (i: number) => ['Жаңа', `Адам${'а'.repeat(i % 7)}`, iinFor(`19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, 'M')];
    const fresh = await xlsx({ rows: [['Фамилия', 'Имя', 'ИИН'], ...Array.from({ length: 80 }, (_v, i) => newcomer(i))] });
    const added = o.core.callAs(o.staff, 'roster.import', openRoster(o.core, fresh, 'fresh.xlsx', o.staff).choice);
    expect(added.added).toBe(80);
    expect(lookupCount(o)).toBe(2);
  });

  it('keeps the IINs it may not read valid: a generated candidate list is what an attacker would need', () => {
    // Guards the arithmetic the tests above rely on: ~9,000 valid IINs share one birth date and sex.
    let valid = 0;
    for (let serial = 0; serial < 10_000; serial++) {
      const iin = makeIin(BIRTH, 'F', serial);
      if (iin && typeof checkIin(iin, new Date('2025-01-01')) !== 'string') valid++;
    }
    expect(valid).toBeGreaterThan(8500);
  });
});

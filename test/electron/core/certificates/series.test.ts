import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, trust } from '../exchange/helpers';
import { closeOffices, hours, office, person, STAFF } from './helpers';

/**
 * Two workstations of one office (two databases, "replicas") issue certificates offline: their
 * numbers never meet, because each numbers in a series of its own (series.ts). Workstations of
 * one office exchange bundles with each other directly (the centre sends an office nothing of its own).
 */
afterEach(closeOffices);

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

/** The centre and two workstations of Almaty; everyone trusts the centre and the centre both. */
function almatyTwice() {
  const [centre, desk, laptop] = [office('KZ'), office('KZ-75'), office('KZ-75')];
  for (const workstation of [desk, laptop]) {
    trust(centre, workstation);
    trust(workstation, centre);
  }
  return { centre, desk, laptop };
}

/** Each workstation trusts the other's key file (what setting up a second workstation takes). */
function introduce(a: Core, b: Core) {
  trust(a, b);
  trust(b, a);
}

/** `count` new people with 20 verified hours, each issued a service certificate in one batch; the new numbers. */
function batch(core: Core, surname: string, count: number): string[] {
  for (let i = 0; i < count; i++) hours(core, person(core, `${surname}${'а'.repeat(i)}`), 20);
  return core.callAs(ADMIN, 'certificates.batch', { kind: 'service', year: 2026, minHours: 20, print: false }).certificates.filter((c) => !c.again).map((c) => c.number);
}

const serial = (number: string) => Number(number.slice(-6));
const series = (numbers: string[]) => [...new Set(numbers.map((n) => Math.floor(serial(n) / 100_000)))];
const register = (core: Core) => core.callAs(STAFF, 'certificates.list', { limit: 500 }).rows.map((r) => r.number).sort();

/** Both workstations swap bundles, and both send theirs to the centre. */
function exchangeAll(centre: Core, desk: Core, laptop: Core) {
  sync(desk, laptop, 'KZ-75');
  sync(laptop, desk, 'KZ-75');
  sync(desk, centre, 'KZ');
  sync(laptop, centre, 'KZ');
}

describe('numbers across workstations of one office', () => {
  it('the first workstation numbers from 000001; a second one, set up to exchange with it, in another series before receiving anything; after exchange every office holds each certificate once, valid', () => {
    const { centre, desk, laptop } = almatyTwice();
    const first = batch(desk, 'Абаев', 3);
    expect(first).toEqual(['KZ-75-2026-000001', 'KZ-75-2026-000002', 'KZ-75-2026-000003']);
    introduce(desk, laptop);
    const second = batch(laptop, 'Бекова', 3);
    const more = batch(desk, 'Ветров', 1);
    expect(more).toEqual(['KZ-75-2026-000004']);
    for (const n of second) expect(n).toMatch(/^KZ-75-2026-[1-9]\d{5}$/);
    expect(series(second)).toHaveLength(1);
    expect(second.map((n) => serial(n) % 100_000)).toEqual([1, 2, 3]);

    exchangeAll(centre, desk, laptop);
    const all = [...first, ...more, ...second].sort();
    for (const core of [centre, desk, laptop]) {
      expect(register(core)).toEqual(all);
      expect(core.callAs(ADMIN, 'conflicts.list', { table: 'certificates' }).total).toBe(0);
    }
    for (const row of centre.callAs(STAFF, 'certificates.list', { limit: 500 }).rows) {
      expect(centre.callAs(STAFF, 'certificates.verify', { text: row.qr! })).toMatchObject({ status: 'valid', inRegister: true, number: row.number });
    }
    // Each counts on in its own series.
    expect(serial(batch(laptop, 'Гусев', 1)[0]!)).toBe(serial(second[2]!) + 1);
    expect(batch(desk, 'Дасаев', 1)).toEqual(['KZ-75-2026-000005']);
  });

  it('two new workstations that know of each other start in two series, neither the first workstation’s 0', () => {
    const { centre, desk, laptop } = almatyTwice();
    introduce(desk, laptop);
    const a = batch(desk, 'Абаев', 2);
    const b = batch(laptop, 'Бекова', 2);
    expect(series(a)).toHaveLength(1);
    expect(series(b)).toHaveLength(1);
    expect(series(a)[0]).not.toBe(series(b)[0]);
    expect([...series(a), ...series(b)]).not.toContain(0);
    exchangeAll(centre, desk, laptop);
    expect(register(centre)).toEqual([...a, ...b].sort());
  });

  it('two workstations that knew nothing of each other meet in series 0; once they exchange, their new numbers part again', () => {
    const { centre, desk, laptop } = almatyTwice();
    const a = batch(desk, 'Абаев', 2);
    const b = batch(laptop, 'Бекова', 1);
    // The limit of numbering offline without any knowledge of each other: the same number twice.
    expect(b[0]).toBe(a[0]);
    introduce(desk, laptop);
    exchangeAll(centre, desk, laptop);
    const before = register(desk);
    expect(register(laptop)).toEqual(before);
    const c = batch(desk, 'Ветров', 2);
    const d = batch(laptop, 'Гусев', 2);
    // (The person whose certificate lost the number gets a new one in the batch: hence more than two each.)
    const fresh = [...c, ...d];
    expect(fresh.length).toBeGreaterThanOrEqual(4);
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(fresh.filter((n) => before.includes(n))).toEqual([]);
    exchangeAll(centre, desk, laptop);
    expect(register(centre)).toEqual([...new Set([...before, ...fresh])].sort());
  });
});

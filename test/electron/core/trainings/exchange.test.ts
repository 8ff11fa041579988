import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { CallError } from '../../../../shared/contract/errors';
import { makeIin } from '../../../../shared/domain/iin';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices } from '../exchange/helpers';

/** Trainings travel through bundles like every replicated table. */

function programAt(core: Core, title: string): string {
  const kind = core.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: `${title}: допуск`, kk: `${title}: рұқсат` }, validityMonths: 12 }).id;
  return core.callAs(ADMIN, 'trainings.programs.add', { title: { ru: title, kk: `${title} (kk)` }, hours: 8, grants: kind }).id;
}

const people = (core: Core, n: number) =>
  Array.from({ length: n }, (_v, i) => core.callAs(ADMIN, 'volunteers.create', { lastName: `Участник${'абвгдежз'[i]}`, firstName: 'Тест', birthDate: '1990-01-01' }).id);

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

describe('trainings in the exchange', () => {
  it('brings a region’s session and results to the centre, and the centre’s national program to the region', () => {
    const [centre, region] = offices('KZ', 'KZ-75') as [Core, Core];
    const national = programAt(centre, 'Первая помощь (национальная)');
    sync(centre, region, 'KZ-75');
    const atRegion = region.callAs(ADMIN, 'trainings.programs.list', {});
    expect(atRegion.map((p) => [p.id, p.office])).toEqual([[national, 'KZ']]);
    expect(region.callAs(ADMIN, 'trainings.kinds.list', {}).map((k) => k.office)).toEqual(['KZ']);

    // The region runs a session of the national program and one of its own.
    const own = programAt(region, 'Работа с детьми');
    const [a, b] = people(region, 2) as [string, string];
    const sessionId = region.callAs(ADMIN, 'trainings.sessions.add', { programId: national, start: '2025-06-01', end: '2025-06-02', capacity: 10 }).id;
    region.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [a, b] });
    region.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: a, outcome: 'passed', score: 90 });
    region.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: b, outcome: 'absent' });
    region.callAs(ADMIN, 'trainings.sessions.setStatus', { id: sessionId, status: 'closed' });
    const summary = sync(region, centre, 'KZ');
    expect(summary.tables.enrolments?.created).toBe(2);

    const detail = centre.callAs(ADMIN, 'trainings.sessions.get', { id: sessionId });
    expect(detail.status).toBe('closed');
    expect(detail.enrolments.map((e) => [e.volunteerId, e.result, e.attendance])).toEqual([[a, 'passed', 'present'], [b, null, 'absent']]);
    expect(centre.callAs(ADMIN, 'qualifications.list', { volunteerId: a, on: '2025-07-01' })).toMatchObject([{ from: '2025-06-02', validUntil: '2026-06-02', status: 'valid' }]);
    expect(centre.callAs(ADMIN, 'trainings.programs.list', {}).map((p) => p.id).sort()).toEqual([national, own].sort());
    expect(dump(centre.db)).toBe(dump(region.db));
  });

  it('keeps both offices’ offline enrolments and shows the later ones waiting when the merge exceeds capacity', () => {
    const [centre, region] = offices('KZ', 'KZ-75') as [Core, Core];
    const programId = programAt(region, 'Волонтёр мероприятий');
    const ids = people(region, 4);
    const sessionId = region.callAs(ADMIN, 'trainings.sessions.add', { programId, start: '2027-01-10', end: '2027-01-10', capacity: 2 }).id;
    sync(region, centre, 'KZ');
    // Offline: the region enrols two, the centre two others and one of the region's.
    region.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [ids[0]!, ids[1]!] });
    centre.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [ids[2]!, ids[3]!, ids[0]!] });
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-75');
    const at = (core: Core) => core.callAs(ADMIN, 'trainings.sessions.get', { id: sessionId });
    expect(at(region).enrolments).toEqual(at(centre).enrolments);
    expect(at(region).enrolments.filter((e) => e.place !== 'withdrawn')).toHaveLength(4);
    expect(at(region).overCapacity).toBe(true);
    expect(at(region).enrolments.filter((e) => e.place === 'waitlisted').map((e) => e.position)).toEqual([1, 2]);
  });
});

describe('a person registered at two offices', () => {
  it('keeps the enrolments and qualifications of both records on the survivor after the merge', () => {
    const [centre, region] = offices('KZ', 'KZ-75') as [Core, Core];
    const programId = programAt(region, 'Слияние');
    const sessionId = region.callAs(ADMIN, 'trainings.sessions.add', { programId, start: '2027-03-01', end: '2027-03-01', capacity: 5 }).id;
    sync(region, centre, 'KZ');
    const iin = makeIin('1990-05-17', 'F', 11)!;
    const here = region.callAs(ADMIN, 'volunteers.create', { lastName: 'Серікова', firstName: 'Айгерім', iin }).id;
    const there = centre.callAs(ADMIN, 'volunteers.create', { lastName: 'Серикова', firstName: 'Айгерим', iin }).id;
    region.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [here] });
    const kindId = centre.callAs(ADMIN, 'trainings.kinds.list', {})[0]!.id;
    centre.callAs(ADMIN, 'qualifications.add', { volunteerId: there, kindId, from: '2026-01-15', note: 'Карта Красного Полумесяца' });
    sync(region, centre, 'KZ');
    sync(centre, region, 'KZ-75');
    const survivor = [here, there].sort()[0]!;
    for (const core of [centre, region]) {
      expect(core.callAs(ADMIN, 'trainings.sessions.get', { id: sessionId }).enrolments.filter((e) => e.place !== 'withdrawn').map((e) => e.volunteerId)).toEqual([survivor]);
      expect(core.callAs(ADMIN, 'qualifications.list', { volunteerId: survivor, on: '2026-06-01' }).map((q) => q.note)).toEqual(['Карта Красного Полумесяца']);
    }
    expect(dump(centre.db)).toBe(dump(region.db));
  });
});

type Op = { kind: 'enrol' | 'withdraw'; at: 0 | 1; who: number } | { kind: 'sync'; from: 0 | 1 };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('enrol' as const, 'withdraw' as const), at: fc.constantFrom(0 as const, 1 as const), who: fc.nat(4) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.constantFrom(0 as const, 1 as const) }),
);

describe('property: enrolments at two offices merged in any order', () => {
  it('never lose an enrolment and agree on who waits', () => {
    const [centre, region] = offices('KZ', 'KZ-75') as [Core, Core];
    const programId = programAt(region, 'Свойства');
    const ids = people(region, 5);
    sync(region, centre, 'KZ');
    const both = [centre, region];
    const codes = ['KZ', 'KZ-75'];
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 14 }), (ops) => {
        const sessionId = region.callAs(ADMIN, 'trainings.sessions.add', { programId, start: '2027-02-01', end: '2027-02-01', capacity: 2 }).id;
        sync(region, centre, 'KZ');
        /** Per person: enrolled somewhere and never withdrawn anywhere. */
        const enrolledOnly = new Set<string>();
        const withdrawnSomewhere = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'sync') {
            sync(both[o.from]!, both[1 - o.from]!, codes[1 - o.from]!);
            continue;
          }
          const who = ids[o.who]!;
          if (o.kind === 'enrol') {
            const outcome = both[o.at]!.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [who] }).outcomes[0]!;
            if (outcome.outcome !== 'refused') enrolledOnly.add(who);
          } else {
            try {
              both[o.at]!.callAs(ADMIN, 'trainings.withdraw', { sessionId, volunteerId: who });
              withdrawnSomewhere.add(who);
            } catch (error) {
              if (!(error instanceof CallError) || error.key !== 'error.trainings.notEnrolled') throw error;
            }
          }
        }
        sync(region, centre, 'KZ');
        sync(centre, region, 'KZ-75');
        const views = both.map((core) => core.callAs(ADMIN, 'trainings.sessions.get', { id: sessionId }).enrolments);
        expect(views[0]).toEqual(views[1]);
        const active = views[0]!.filter((e) => e.place !== 'withdrawn');
        for (const who of enrolledOnly) if (!withdrawnSomewhere.has(who)) expect(active.map((e) => e.volunteerId)).toContain(who);
        expect(active.filter((e) => e.place === 'enrolled')).toHaveLength(Math.min(2, active.length));
        expect(active.filter((e) => e.place === 'waitlisted').map((e) => e.position)).toEqual(active.slice(2).map((_e, i) => i + 1));
      }),
      { numRuns: Number(process.env.TRAININGS_PROPERTY_RUNS ?? 15) },
    );
    expect(dump(centre.db)).toBe(dump(region.db));
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { craft, exportTo, importInto, offices, previewIn } from '../exchange/helpers';

/** Which trainings records an office may change: the rule of exchange/authority.ts, applied to the new tables. */

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

function nationalProgram(centre: Core): { kind: string; program: string } {
  const kind = centre.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, validityMonths: 24 }).id;
  const program = centre.callAs(ADMIN, 'trainings.programs.add', { title: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, hours: 8, grants: kind }).id;
  return { kind, program };
}

describe('trainings: which office may change what', () => {
  it('a region cannot rename the centre’s national program or run another region’s session; the centre can; nothing is written', () => {
    const [centre, almaty, astana] = offices('KZ', 'KZ-75', 'KZ-71') as [Core, Core, Core];
    const { kind, program } = nationalProgram(centre);
    sync(centre, almaty, 'KZ-75');
    sync(centre, astana, 'KZ-71');
    const session = astana.callAs(ADMIN, 'trainings.sessions.add', { programId: program, start: '2030-06-01', end: '2030-06-02', capacity: 5 }).id;
    const person = almaty.callAs(ADMIN, 'volunteers.create', { lastName: 'Сейітова', firstName: 'Әлия', birthDate: '1990-01-01' }).id;
    sync(astana, centre, 'KZ');
    sync(almaty, centre, 'KZ');
    sync(centre, almaty, 'KZ-75');

    expect(failure(() => almaty.callAs(ADMIN, 'trainings.programs.update', { id: program, patch: { hours: 1 } })).key).toBe('error.recordKeptElsewhere');
    expect(failure(() => almaty.callAs(ADMIN, 'trainings.enrol', { sessionId: session, volunteerIds: [person] })).key).toBe('error.recordKeptElsewhere');
    expect(failure(() => almaty.callAs(ADMIN, 'trainings.sessions.setStatus', { id: session, status: 'cancelled' })).params).toEqual({ office: 'KZ-71' });
    expect(almaty.callAs(ADMIN, 'trainings.programs.get', { id: program }).hours).toBe(8);
    expect(almaty.callAs(ADMIN, 'trainings.sessions.get', { id: session }).enrolled).toBe(0);

    // The centre may; the session's own office may.
    centre.callAs(ADMIN, 'trainings.programs.update', { id: program, patch: { hours: 10 } });
    // A patch of one field leaves the others as they were (a defaulted `grants` once reset them).
    expect(centre.callAs(ADMIN, 'trainings.programs.get', { id: program })).toMatchObject({ hours: 10, grants: kind });
    centre.callAs(ADMIN, 'trainings.kinds.update', { id: kind, patch: { names: { ru: 'Первая помощь (2030)', kk: 'Алғашқы көмек (2030)' } } });
    expect(centre.callAs(ADMIN, 'trainings.kinds.list', {}).find((k: { id: string }) => k.id === kind)).toMatchObject({ validityMonths: 24 });
    expect(centre.callAs(ADMIN, 'trainings.enrol', { sessionId: session, volunteerIds: [person] }).outcomes[0]).toMatchObject({ outcome: 'enrolled' });
  });

  it('says which kinds, programs and sessions this office may change, as the core decides them', () => {
    const [centre, almaty, astana] = offices('KZ', 'KZ-75', 'KZ-71') as [Core, Core, Core];
    const { kind, program } = nationalProgram(centre);
    sync(centre, astana, 'KZ-71');
    const session = astana.callAs(ADMIN, 'trainings.sessions.add', { programId: program, start: '2030-06-01', end: '2030-06-02', capacity: 5 }).id;
    const ownKind = almaty.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: 'Поиск', kk: 'Іздеу' }, validityMonths: 12 }).id;
    sync(astana, centre, 'KZ');
    sync(centre, almaty, 'KZ-75');
    const kindsAt = (core: Core) => Object.fromEntries(core.callAs(ADMIN, 'trainings.kinds.list', {}).map((k) => [k.id, k.mayChange]));

    // Almaty: another region's session and the centre's national kind and program are read-only; its own kind is not.
    expect(almaty.callAs(ADMIN, 'trainings.sessions.get', { id: session }).mayChange).toBe(false);
    expect(almaty.callAs(ADMIN, 'trainings.programs.get', { id: program }).mayChange).toBe(false);
    expect(almaty.callAs(ADMIN, 'trainings.programs.list', {}).map((p) => p.mayChange)).toEqual([false]);
    expect(kindsAt(almaty)).toEqual({ [kind]: false, [ownKind]: true });
    // The session's own office runs it; the centre may change everything it holds.
    expect(astana.callAs(ADMIN, 'trainings.sessions.get', { id: session }).mayChange).toBe(true);
    expect(centre.callAs(ADMIN, 'trainings.sessions.get', { id: session }).mayChange).toBe(true);
    expect(centre.callAs(ADMIN, 'trainings.programs.get', { id: program }).mayChange).toBe(true);
    expect(kindsAt(centre)).toEqual({ [kind]: true });
  });

  it('a rogue region’s bundle that renames the national program is refused at the centre and everywhere after', () => {
    const [centre, almaty] = offices('KZ', 'KZ-75') as [Core, Core];
    const { program } = nationalProgram(centre);
    sync(centre, almaty, 'KZ-75');
    const clock = centre.db.prepare("SELECT base, actor FROM row_clock WHERE tbl = 'programs' AND row_id = ?").get(program) as { base: string; actor: string };
    const stamp = `${Date.now() + 60_000}.000000.rogue`;
    const line = `${JSON.stringify({ t: 'programs', id: program, b: clock.base, a: clock.actor, v: { title_ru: 'Захвачено', deleted: 1 }, c: { title_ru: [stamp, 'rogue@KZ-75', [clock.base]], deleted: [stamp, 'rogue@KZ-75', [clock.base]] } })}\n`;
    const bundle = craft(almaty, 'KZ', line);
    expect(previewIn(centre, bundle).refused).toMatchObject({ total: 2, offices: { 'KZ-75': 2 } });
    importInto(centre, bundle);
    expect(centre.callAs(ADMIN, 'trainings.programs.get', { id: program }).title.ru).toBe('Первая помощь');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../../helpers/call-error';
import { ADMIN } from '../../../helpers/temp-db';
import { closeOffices, hours, office, passedSession, person, STAFF } from './helpers';

afterEach(closeOffices);

const outcomes = (rows: { volunteerId: string; outcome: string; reason: string | null }[]) =>
  Object.fromEntries(rows.map((r) => [r.volunteerId, r.reason ? `${r.outcome}:${r.reason}` : r.outcome]));

describe('previewing certificates before issuing', () => {
  it('a session batch: who gets a new one, who already has one, who did not pass; nothing numbered; the batch then issues just that', () => {
    const core = office('KZ-75');
    const [a, b, c] = [person(core, 'Абаев'), person(core, 'Бекова'), person(core, 'Ветров')];
    const sessionId = passedSession(core, [a, b], [c]);
    const had = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: b, sessionId }).certificates[0]!.number;

    const seen = core.callAs(ADMIN, 'certificates.preview', { batch: { kind: 'training', sessionId } });
    expect(outcomes(seen.rows)).toEqual({ [a]: 'new', [b]: 'again', [c]: 'left:notPassed' });
    expect(seen).toMatchObject({ new: 1, again: 1, left: 1 });
    expect(seen.rows.find((r) => r.volunteerId === b)).toMatchObject({ number: had, kind: 'training', hours: 8 });
    expect(seen.rows.find((r) => r.volunteerId === a)).toMatchObject({ holderName: expect.stringContaining('Абаев'), number: null, from: '2026-03-09', to: '2026-03-10' });
    expect(core.callAs(ADMIN, 'certificates.list', {}).total).toBe(1);

    const batch = core.callAs(ADMIN, 'certificates.batch', { kind: 'training', sessionId, print: false });
    expect(batch.certificates.map((x) => [x.volunteerId, x.again])).toEqual(seen.rows.filter((r) => r.outcome !== 'left').map((r) => [r.volunteerId, r.outcome === 'again']));
    expect(batch.certificates.find((x) => x.volunteerId === a)!.number).toBe('KZ-75-2026-000002');
    expect(core.callAs(ADMIN, 'certificates.preview', { batch: { kind: 'training', sessionId } })).toMatchObject({ new: 0, again: 2, left: 1 });
    // The session's screen lists what was issued for it.
    const other = passedSession(core, [a]);
    core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: a, sessionId: other });
    expect(core.callAs(STAFF, 'certificates.list', { sessionId }).rows.map((r) => r.volunteerId).sort()).toEqual([a, b].sort());
  });

  it('an hours batch: verified hours only, those below the minimum and those with none left out, as the batch then does', () => {
    const core = office('KZ-75');
    const [a, b, c] = [person(core, 'Абаев'), person(core, 'Бекова'), person(core, 'Ветров')];
    for (const date of ['2026-02-14', '2026-03-14']) hours(core, a, 12.5, { date });
    hours(core, b, 10);
    for (const date of ['2026-02-15', '2026-03-15']) hours(core, b, 12, { date, verified: false });
    hours(core, c, 12, { verified: false });
    const seen = core.callAs(ADMIN, 'certificates.preview', { batch: { kind: 'service', year: 2026, minHours: 20 } });
    expect(outcomes(seen.rows)).toEqual({ [a]: 'new', [b]: 'left:belowMinimum', [c]: 'left:noVerifiedHours' });
    expect(seen.rows.map((r) => r.hours)).toEqual([25, 10, 0]);
    expect(seen.rows[0]).toMatchObject({ kind: 'service', from: '2026-01-01', to: '2026-12-31' });
    expect(core.callAs(ADMIN, 'certificates.list', {}).total).toBe(0);
    const batch = core.callAs(ADMIN, 'certificates.batch', { kind: 'service', year: 2026, minHours: 20, print: false });
    expect(batch.certificates.map((x) => x.volunteerId)).toEqual([a]);
  });

  it('one person: the preview says what issuing would do, and issuing refuses what the preview leaves out; administrators only', () => {
    const core = office('KZ-75');
    const [a, idle] = [person(core, 'Абаев'), person(core, 'Бекова')];
    const sessionId = passedSession(core, [a], [idle]);
    hours(core, a, 12, { date: '2026-05-01' });
    const one = (volunteerId: string) => core.callAs(ADMIN, 'certificates.preview', { one: { kind: 'service', volunteerId, from: '2026-04-01', to: '2026-06-30' } }).rows[0]!;
    expect(one(a)).toMatchObject({ outcome: 'new', hours: 12, from: '2026-04-01', to: '2026-06-30' });
    expect(one(idle)).toMatchObject({ outcome: 'left', reason: 'noVerifiedHours', hours: 0 });
    expect(core.callAs(ADMIN, 'certificates.preview', { one: { kind: 'training', volunteerId: idle, sessionId } }).rows[0]).toMatchObject({ outcome: 'left', reason: 'notPassed' });
    expect(failure(() => core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: idle, sessionId })).key).toBe('error.certificates.notPassed');
    expect(failure(() => core.callAs(ADMIN, 'certificates.preview', { one: { kind: 'training', volunteerId: a } })).key).toBe('error.certificates.needsSession');
    expect(failure(() => core.callAs(STAFF, 'certificates.preview', { one: { kind: 'service', volunteerId: a } })).key).toBe('error.forbidden');
  });
});

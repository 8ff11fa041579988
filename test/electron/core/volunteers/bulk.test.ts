import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { roleAtLeast, ROLES } from '../../../../shared/domain/vocabulary';
import type { BulkAction } from '../../../../shared/contract/volunteers';
import { assertMayBulk, SINGLE_CALL } from '../../../../electron/core/volunteers/bulk-handlers';
import { dump } from '../../../../electron/core/dump/dump';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { failure } from '../../../helpers/call-error';
import { expectWellFormed, recordingControl } from '../../../helpers/progress';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { catalogue, closeOffices, office, person, STAFF } from '../trainings/helpers';
import { event, shift, volunteer } from '../events/helpers';

afterEach(closeOffices);

const PEOPLE = 10_000;
const everyone = { kind: 'matching', query: { text: '', sort: 'name', descending: false } } as const;

function seeded() {
  const core = officeCore('KZ-75');
  seedRoster(core.db, { volunteers: PEOPLE, seed: 7 });
  return core;
}

const count = (db: Database.Database | { prepare: Database.Database['prepare'] }, sql: string) => db.prepare(sql).pluck().get() as number;

describe('bulk actions on the roster', () => {
  it('deactivates 10,000 people in one transaction, reporting progress; nobody else sees a half-done batch', () => {
    const core = seeded();
    const wereInactive = count(core.db, "SELECT count(*) FROM volunteers WHERE deleted = 0 AND status = 'inactive'");
    const total = count(core.db, 'SELECT count(*) FROM volunteers WHERE deleted = 0');
    expect(total).toBe(PEOPLE);
    // A second connection to the same file sees only committed data.
    const other = new Database(core.db.name, { readonly: true });
    const seenMidway: number[] = [];
    const control = recordingControl();
    const onProgress = control.onProgress!;
    control.onProgress = (report) => {
      onProgress(report);
      if (report.phase === 'writing' && report.done > 0 && report.done < report.total) seenMidway.push(count(other, "SELECT count(*) FROM volunteers WHERE status = 'inactive'"));
    };
    const started = performance.now();
    const result = core.callAs(ADMIN, 'volunteers.bulk', { selection: everyone, do: { action: 'deactivate', reason: 'noLongerActive' } }, control);
    const ms = performance.now() - started;
    expect(result).toEqual({ selected: PEOPLE, changed: PEOPLE - wereInactive, already: wereInactive, refused: 0, refusals: [] });
    expectWellFormed(control.reports, ['checking', 'writing']);
    expect(control.reports.at(-1)).toEqual({ phase: 'writing', done: PEOPLE, total: PEOPLE });
    expect(seenMidway.length).toBeGreaterThan(0);
    expect(new Set(seenMidway)).toEqual(new Set([wereInactive]));
    expect(count(other, "SELECT count(*) FROM volunteers WHERE status = 'inactive'")).toBe(PEOPLE);
    // Everyone this batch deactivated carries its reason, as a deactivation on a profile does.
    expect(count(other, "SELECT count(*) FROM volunteers WHERE deactivation_reason = 'noLongerActive'")).toBe(PEOPLE - wereInactive);
    other.close();
    console.info(`bulk deactivate of ${PEOPLE}: ${Math.round(ms)} ms`);
  });

  it('a cancel midway leaves the database exactly as it was', () => {
    const core = seeded();
    const before = dump(core.db);
    const control = recordingControl(40);
    const error = failure(() => core.callAs(ADMIN, 'volunteers.bulk', { selection: everyone, do: { action: 'addSkill', skill: 'firstAid' } }, control));
    expect(error.code).toBe('cancelled');
    expect(control.reports.some((r) => r.phase === 'writing' && r.done > 0)).toBe(true);
    expect(dump(core.db)).toBe(before);
  });

  it('takes the roster’s filters less those unticked, counts who already was so, and refuses by name whom it cannot take', () => {
    const core = office();
    const a = person(core, 'Ахметова');
    const b = person(core, 'Бекова');
    const c = person(core, 'Ахметов', { skills: ['driving'] });
    const alsoA = person(core, 'Ахмет');
    const matching = { kind: 'matching', query: { text: 'Ахмет', sort: 'name', descending: false }, except: [alsoA] } as const;
    expect(core.callAs(STAFF, 'volunteers.bulk', { selection: matching, do: { action: 'addSkill', skill: 'driving' } })).toMatchObject({ selected: 2, changed: 1, already: 1, refused: 0 });
    expect(core.callAs(ADMIN, 'volunteers.get', { id: a }).skills).toEqual(['driving']);
    expect(core.callAs(ADMIN, 'volunteers.get', { id: alsoA }).skills).toEqual([]);
    expect(core.callAs(ADMIN, 'volunteers.get', { id: b }).skills).toEqual([]);

    const org = core.callAs(ADMIN, 'organisations.create', { name: 'Жасыл Ел', type: 'association' }).id;
    core.callAs(ADMIN, 'organisations.addMember', { organisationId: org, volunteerId: b, role: null, since: null });
    const ids = { kind: 'ids', ids: [a, b, c, 'no-such-person'] } as const;
    const joined = core.callAs(STAFF, 'volunteers.bulk', { selection: ids, do: { action: 'addToOrganisation', organisationId: org } });
    expect(joined).toMatchObject({ selected: 4, changed: 2, already: 1, refused: 1, refusals: [{ volunteerId: 'no-such-person', key: 'error.volunteerNotFound' }] });
    expect(core.callAs(ADMIN, 'organisations.get', { id: org }).members).toHaveLength(3);
    expect(core.callAs(STAFF, 'volunteers.bulk', { selection: { kind: 'ids', ids: [a] }, do: { action: 'addArea', area: 'environment' } })).toMatchObject({ changed: 1 });
  });

  it('enrols and assigns through the one-person calls: their refusals are per person, not the batch', () => {
    const core = office();
    const adult = person(core, 'Ахметова');
    const child = person(core, 'Бекова', { birthDate: '2015-05-05', guardianName: 'Бекова Сара', guardianPhone: '+77011234567' });
    const { sessionId } = catalogue(core, { capacity: 10 });
    core.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [adult] });
    const other = person(core, 'Серікбаев');
    const enrolled = core.callAs(STAFF, 'volunteers.bulk', { selection: { kind: 'ids', ids: [adult, child, other] }, do: { action: 'enrol', sessionId } });
    expect(enrolled).toMatchObject({ changed: 1, already: 1, refused: 1, refusals: [{ volunteerId: child, key: 'error.trainings.underAge', name: 'Бекова Тест' }] });

    const shiftId = shift(core, event(core), { needed: 5 });
    const on = volunteer(core, 'Нұрланов');
    const inactive = volunteer(core, 'Оспанов', { status: 'inactive' });
    const assigned = core.callAs(STAFF, 'volunteers.bulk', { selection: { kind: 'ids', ids: [on, inactive] }, do: { action: 'assign', shiftId } });
    expect(assigned).toMatchObject({ changed: 1, refused: 1, refusals: [{ volunteerId: inactive, key: 'error.events.inactive' }] });
    expect(core.callAs(STAFF, 'volunteers.bulk', { selection: { kind: 'ids', ids: [on] }, do: { action: 'assign', shiftId } })).toMatchObject({ already: 1, changed: 0 });
  });

  it('each action needs exactly the role its one-person call needs', () => {
    const actions = Object.keys(SINGLE_CALL) as BulkAction['action'][];
    for (const role of ROLES) {
      for (const action of actions) {
        const needed = contract[SINGLE_CALL[action]].access;
        const may = needed === 'public' || roleAtLeast(role, needed);
        const attempt = () => assertMayBulk({ ...STAFF, role }, action);
        if (may) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(expect.objectContaining({ code: 'forbidden' }));
      }
    }
    // Nobody signed in may act at all, and the check runs before anything is resolved.
    const { core } = { core: office() };
    const refused = core.call('volunteers.bulk', { selection: everyone, do: { action: 'deactivate', reason: 'noLongerActive' } }, null);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses more than 200,000 ids with a clear error', () => {
    const core = office();
    const ids = Array.from({ length: 200_001 }, (_, i) => `id-${i}`);
    const error = failure(() => core.callAs(ADMIN, 'volunteers.bulk', { selection: { kind: 'ids', ids }, do: { action: 'deactivate', reason: 'noLongerActive' } }));
    expect(error.fields).toEqual([{ path: 'selection.ids', key: 'error.bulk.tooMany', params: { limit: 200_000 } }]);
  });
});

describe('bulk actions on what does not exist', () => {
  it('refuse the whole batch for an unknown organisation, session or shift, not each person', () => {
    const core = office();
    const a = person(core, 'Ахметова');
    const ids = { kind: 'ids', ids: [a] } as const;
    expect(failure(() => core.callAs(STAFF, 'volunteers.bulk', { selection: ids, do: { action: 'addToOrganisation', organisationId: 'nope' } })).key).toBe('error.organisationNotFound');
    expect(failure(() => core.callAs(STAFF, 'volunteers.bulk', { selection: ids, do: { action: 'assign', shiftId: 'nope' } })).code).toBe('notFound');
    expect(failure(() => core.callAs(STAFF, 'volunteers.bulk', { selection: ids, do: { action: 'enrol', sessionId: 'nope' } })).code).toBe('notFound');
  });
});

describe('exporting a selection', () => {
  it('takes only the people picked, or all matching less those unticked, through the one roster export', () => {
    const core = office();
    const a = person(core, 'Ахметова');
    const b = person(core, 'Ахметов');
    person(core, 'Бекова');
    const picked = core.callAs(STAFF, 'roster.export', { selection: { kind: 'ids', ids: [b, a] }, format: 'csv', lang: 'ru' });
    expect(picked.rows).toBe(2);
    const csv = Buffer.from(picked.base64, 'base64').toString('utf8');
    expect(csv).toContain('Ахметова');
    expect(csv).not.toContain('Бекова');
    const matching = { kind: 'matching', query: { text: 'Ахмет', sort: 'name', descending: false }, except: [a] } as const;
    const rest = core.callAs(STAFF, 'roster.export', { selection: matching, format: 'csv', lang: 'ru' });
    expect(rest.rows).toBe(1);
    expect(Buffer.from(rest.base64, 'base64').toString('utf8')).not.toContain('Ахметова');
  });
});

import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../electron/core/context';
import { makeIin } from '../../../../shared/domain/iin';
import { failure } from '../../../helpers/call-error';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { exportTo, importInto, offices, person } from '../exchange/helpers';

const STAFF: Actor = { id: 'staff-1', login: 'aigerim', displayName: 'Айгерім', role: 'staff' };

describe('the history of a record', () => {
  it('shows an edit made at another office after the exchange: who, where, from what to what', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Сейітов', 'Асқар', { phone: '87011234567' }));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { phone: '87017654321', email: 'askar@mail.kz' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));

    const { total, entries } = centre!.callAs(ADMIN, 'history.record', { table: 'volunteers', id });
    expect(total).toBe(2);
    const [edit, creation] = entries;
    expect(edit).toMatchObject({ actor: 'cli@KZ-75', kind: 'bundle' });
    expect(edit!.bundleId).toBeTruthy();
    expect(edit!.changes).toEqual(
      expect.arrayContaining([
        { field: 'phone', from: '+77011234567', to: '+77017654321' },
        { field: 'email', from: null, to: 'askar@mail.kz' },
      ]),
    );
    // Before the edit: the values the record was created with, as the clock knows them.
    expect(creation).toMatchObject({ actor: 'cli@KZ-75', kind: 'known' });
    expect(creation!.changes).toEqual(expect.arrayContaining([{ field: 'last_name', from: null, to: 'Сейітов' }, { field: 'phone', from: null, to: '+77011234567' }]));
    expect(creation!.changes.map((c) => c.field)).not.toContain('email');
    expect(edit!.stamp > creation!.stamp).toBe(true);

    // At the office that made the edit, the same edit is its own.
    const own = almaty!.callAs(ADMIN, 'history.record', { table: 'volunteers', id }).entries[0]!;
    expect(own).toMatchObject({ actor: 'cli@KZ-75', kind: 'here', bundleId: null, stamp: edit!.stamp });
  });

  it('pages newest first', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', person('Ахметова', 'Дана'));
    for (const district of ['Медеу', 'Бостандық', 'Алмалы']) core.callAs(ADMIN, 'volunteers.update', { id, patch: { district } });
    const first = core.callAs(ADMIN, 'history.record', { table: 'volunteers', id, limit: 2 });
    const rest = core.callAs(ADMIN, 'history.record', { table: 'volunteers', id, offset: 2, limit: 2 });
    expect(first.total).toBe(4);
    expect(first.entries.map((e) => e.changes[0]!.to)).toEqual(['Алмалы', 'Бостандық']);
    expect(rest.entries.map((e) => e.kind)).toEqual(['here', 'known']);
    expect(rest.entries[0]!.changes).toEqual([{ field: 'district', from: null, to: 'Медеу' }]);
  });

  it('shows IINs only to roles that may read them', () => {
    const core = officeCore();
    const iin = makeIin('1990-05-01', 'M', 1)!;
    const { id } = core.callAs(ADMIN, 'volunteers.create', person('Омаров', 'Ерлан'));
    core.callAs(ADMIN, 'volunteers.update', { id, patch: { iin } });
    const values = (actor: Actor) => core.callAs(actor, 'history.record', { table: 'volunteers', id }).entries.flatMap((e) => e.changes).filter((c) => c.field === 'iin');
    expect(values(ADMIN)).toEqual([{ field: 'iin', from: null, to: iin }]);
    expect(JSON.stringify(values(STAFF))).not.toContain(iin);
  });

  it('an erased volunteer leaves no history, here or at the office that learns of the erasure', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Жұмабаев', 'Нұрлан', { phone: '87011234567' }));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'n@mail.kz' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'nurlan@mail.kz' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(centre!.db.prepare('SELECT count(*) FROM record_history WHERE row_id = ?').pluck().get(id)).toBe(1);

    almaty!.callAs(ADMIN, 'volunteers.delete', { id });
    expect(almaty!.db.prepare('SELECT count(*) FROM record_history WHERE row_id = ?').pluck().get(id)).toBe(0);
    expect(failure(() => almaty!.callAs(ADMIN, 'history.record', { table: 'volunteers', id })).code).toBe('notFound');

    importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(centre!.db.prepare('SELECT count(*) FROM record_history WHERE row_id = ?').pluck().get(id)).toBe(0);
    const leftovers = centre!.db.prepare("SELECT count(*) FROM record_history WHERE old_value LIKE '%nurlan%' OR new_value LIKE '%7011234567%'").pluck().get();
    expect(leftovers).toBe(0);
  });

  it('keeps the history of organisations too', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'organisations.create', { name: 'Жастар үйі', type: 'association' });
    core.callAs(ADMIN, 'organisations.update', { id, patch: { name: 'Жастар орталығы' } });
    const { entries } = core.callAs(ADMIN, 'history.record', { table: 'organisations', id });
    expect(entries[0]!.changes).toEqual([{ field: 'name', from: 'Жастар үйі', to: 'Жастар орталығы' }]);
  });
});

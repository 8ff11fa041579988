import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../electron/core/context';
import { dump } from '../../../../electron/core/dump/dump';
import { failure } from '../../../helpers/call-error';
import { officeCore } from '../../../helpers/temp-db';

const ALIYA: Actor = { id: 'u-aliya', login: 'aliya', displayName: 'Әлия', role: 'staff' };
const BOLAT: Actor = { id: 'u-bolat', login: 'bolat', displayName: 'Болат', role: 'administrator' };
const inactiveDrivers = { columns: ['phone', 'skills'], query: { text: '', status: 'inactive', skill: 'driving', sort: 'birthDate', descending: true } } as const;

describe('saved roster views', () => {
  it('are kept per user: each sees, replaces and deletes only their own, and none is exchanged', () => {
    const core = officeCore();
    const before = dump(core.db);
    const { id } = core.callAs(ALIYA, 'views.save', { name: 'Водители', view: inactiveDrivers });
    core.callAs(ALIYA, 'views.save', { name: 'Все', view: { columns: [], query: { text: '' } } });
    expect(core.callAs(ALIYA, 'views.list', {}).map((v) => v.name)).toEqual(['Водители', 'Все']);
    expect(core.callAs(ALIYA, 'views.list', {})[0]).toEqual({ id, name: 'Водители', view: { columns: ['phone', 'skills'], query: inactiveDrivers.query } });
    // Another user, even an administrator, neither sees nor deletes them.
    expect(core.callAs(BOLAT, 'views.list', {})).toEqual([]);
    expect(failure(() => core.callAs(BOLAT, 'views.delete', { id })).key).toBe('error.views.notFound');
    // The same name again replaces the view.
    expect(core.callAs(ALIYA, 'views.save', { name: 'Водители', view: { columns: ['iin'], query: { text: 'Ахмет' } } }).id).toBe(id);
    expect(core.callAs(ALIYA, 'views.list', {}).find((v) => v.id === id)?.view.query.text).toBe('Ахмет');
    core.callAs(ALIYA, 'views.delete', { id });
    expect(core.callAs(ALIYA, 'views.list', {}).map((v) => v.name)).toEqual(['Все']);
    // Office-local: the replicated data a bundle carries is as it was.
    expect(dump(core.db)).toBe(before);
  });

  it('refuse a nameless view and a column the roster does not have', () => {
    const core = officeCore();
    expect(failure(() => core.callAs(ALIYA, 'views.save', { name: '  ', view: inactiveDrivers })).fields?.[0]?.key).toBe('error.required');
    expect(failure(() => core.callAs(ALIYA, 'views.save', { name: 'x', view: { columns: ['password'], query: { text: '' } } })).code).toBe('validation');
  });
});

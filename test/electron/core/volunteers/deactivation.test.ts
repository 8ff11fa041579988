import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { replicaId } from '../../../../electron/core/office/identity';
import { loadClock, persistClock } from '../../../../electron/core/replication/hlc';
import { setVolunteerStatus } from '../../../../electron/core/volunteers/status';
import { failure } from '../../../helpers/call-error';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { exportTo, importInto, offices } from '../exchange/helpers';

describe('deactivation with a reason', () => {
  it('records why a person was deactivated, shows it on the record, and clears it when they are active again', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', { lastName: 'Омарова', firstName: 'Айжан' });
    core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive', reason: 'movedAway', note: 'в Шымкент' });
    expect(core.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ status: 'inactive', deactivationReason: 'movedAway', deactivationNote: 'в Шымкент' });
    core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'active' });
    expect(core.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ status: 'active', deactivationReason: null, deactivationNote: null });
    // Without a reason, as before (a script, or a bulk action that gives none).
    core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive' });
    expect(core.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ status: 'inactive', deactivationReason: null });
  });

  it('needs a note for “other”, and takes a reason only with the inactive status', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', { lastName: 'Омарова', firstName: 'Айжан' });
    expect(failure(() => core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive', reason: 'other' })).key).toBe('error.deactivation.noteNeeded');
    expect(failure(() => core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive', reason: 'other', note: '   ' })).key).toBe('error.deactivation.noteNeeded');
    expect(failure(() => core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'active', reason: 'deceased' })).key).toBe('error.deactivation.notInactive');
    expect(failure(() => core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive', reason: 'bored' as never })).key).toBe('error.validation');
    expect(core.callAs(ADMIN, 'volunteers.get', { id }).status).toBe('active');
    core.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive', reason: 'other', note: 'служба в армии' });
    expect(core.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ deactivationReason: 'other', deactivationNote: 'служба в армии' });
  });

  it('is one core path a bulk action can call within its own transaction', () => {
    const core = officeCore();
    const ids = ['Бекова', 'Серікова'].map((lastName) => core.callAs(ADMIN, 'volunteers.create', { lastName, firstName: 'Дана' }).id);
    const clock = loadClock(core.db, replicaId(core.db));
    const stamp = { db: core.db, clock, actor: 'cli@KZ-75', at: new Date().toISOString() };
    core.db.transaction(() => {
      for (const id of ids) setVolunteerStatus(stamp, id, 'inactive', { reason: 'noLongerActive' });
      persistClock(core.db, clock);
    })();
    for (const id of ids) expect(core.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ status: 'inactive', deactivationReason: 'noLongerActive' });
  });

  it('travels to the other office with the status, and so does its clearing', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ') as [Core, Core];
    const { id } = almaty.callAs(ADMIN, 'volunteers.create', { lastName: 'Омарова', firstName: 'Айжан' });
    almaty.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'inactive', reason: 'ownRequest' });
    importInto(centre, exportTo(almaty, 'KZ'));
    expect(centre.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ status: 'inactive', deactivationReason: 'ownRequest' });
    almaty.callAs(ADMIN, 'volunteers.setStatus', { id, status: 'active' });
    importInto(centre, exportTo(almaty, 'KZ'));
    expect(centre.callAs(ADMIN, 'volunteers.get', { id })).toMatchObject({ status: 'active', deactivationReason: null });
  });
});

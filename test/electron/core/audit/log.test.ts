import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../../../electron/core/app';
import type { Actor } from '../../../../electron/core/context';
import { officeCore } from '../../../helpers/temp-db';

const ADMIN: Actor = { id: 'u-admin', login: 'admin', displayName: 'Admin', role: 'administrator' };

describe('the audit trail of account changes', () => {
  it('records an account added, a role changed, a deactivation and a password set, newest first, with who did it', () => {
    const core = officeCore();
    const clerk = core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });
    core.callAs(CLI_ACTOR, 'users.update', { id: clerk.id, role: 'coordinator' });
    core.callAs(CLI_ACTOR, 'users.update', { id: clerk.id, active: false, password: 'another password' });
    const { total, rows } = core.callAs(CLI_ACTOR, 'audit.log', {});
    expect(total).toBe(4);
    expect(rows.map((r) => r.action)).toEqual(['user.passwordSet', 'user.deactivated', 'user.roleChanged', 'user.added']);
    expect(rows.find((r) => r.action === 'user.roleChanged')).toMatchObject({ subject: 'clerk', actor: 'cli@KZ-75', detail: { from: 'staff', to: 'coordinator' } });
  });

  it('records nothing for a change that changes nothing, or one the core refuses', () => {
    const core = officeCore();
    const admin = core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Admin', role: 'administrator', password: 'admin password' });
    core.callAs(CLI_ACTOR, 'users.update', { id: admin.id, role: 'administrator', active: true });
    // An administrator cannot demote themselves: the refusal rolls back, the trail with it.
    expect(() => core.callAs({ ...ADMIN, id: admin.id }, 'users.update', { id: admin.id, role: 'staff' })).toThrow(expect.objectContaining({ key: 'error.lastAdmin' }));
    expect(core.callAs(CLI_ACTOR, 'audit.log', {}).rows.map((r) => r.action)).toEqual(['user.added']);
  });

  it('pages, filters by kind of act, and is for administrators only', () => {
    const core = officeCore();
    const clerk = core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });
    for (const role of ['coordinator', 'staff', 'coordinator', 'staff'] as const) core.callAs(CLI_ACTOR, 'users.update', { id: clerk.id, role });
    const page = core.callAs(CLI_ACTOR, 'audit.log', { actions: ['user.roleChanged'], offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.detail.to)).toEqual(['coordinator', 'staff']);
    const staff: Actor = { id: clerk.id, login: 'clerk', displayName: 'Clerk', role: 'coordinator' };
    expect(() => core.callAs(staff, 'audit.log', {})).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

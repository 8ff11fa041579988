import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingRestoreFile } from '../../../../electron/core/backups/restore';
import { signedInOffice, tempDir } from '../../../helpers/temp-db';

const PASSWORD = 'backup password 2026';

function setUp() {
  const { core, session } = signedInOffice();
  const folder = path.join(tempDir(), 'stick');
  mkdirSync(folder);
  const call = (name: string, input: unknown = {}) => core.call(name, input, session);
  return { core, session, folder, call };
}

const value = <T,>(envelope: { ok: boolean; value?: unknown; error?: unknown }) => {
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
};

describe('backups through the contract', () => {
  it('an administrator sets the folder and password, backs up, lists, previews and stages a restore', () => {
    const { core, folder, call } = setUp();
    expect(value<{ overdue: boolean; lastAt: null }>(call('backups.status'))).toMatchObject({ overdue: true, lastAt: null, settings: { folder: null, hasPassword: false } });
    expect(call('backups.run')).toMatchObject({ ok: false, error: { key: 'error.backup.notConfigured' } });
    expect(call('backups.configure', { folder, keep: 5, frequency: 'daily', password: 'short' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(call('backups.configure', { folder: path.join(folder, 'nope'), keep: 5, frequency: 'daily', password: PASSWORD })).toMatchObject({ ok: false, error: { key: 'error.backup.folderMissing' } });
    expect(value(call('backups.configure', { folder, keep: 5, frequency: 'daily', password: PASSWORD }))).toEqual({ folder, keep: 5, frequency: 'daily', hasPassword: true });

    const made = value<{ name: string; counts: { users: number }; keysIncluded: boolean }>(call('backups.run'));
    expect(made.counts.users).toBe(1);
    expect(made.keysIncluded).toBe(true);
    const status = value<{ overdue: boolean; lastOk: boolean; lastFile: string }>(call('backups.status'));
    expect(status).toMatchObject({ overdue: false, lastOk: true, lastFile: made.name });
    expect(value<{ files: { name: string }[] }>(call('backups.list')).files.map((f) => f.name)).toEqual([made.name]);
    // Someone else's scheduled tick finds nothing due: a daily backup was just made.
    expect(value(core.call('backups.runDue', {}, null))).toEqual({ ran: false });

    expect(call('backups.preview', { name: made.name, password: 'wrong password!!' })).toMatchObject({ ok: false, error: { key: 'error.backup.wrongPassword' } });
    expect(call('backups.preview', { name: '../office.sqlite', password: PASSWORD })).toMatchObject({ ok: false, error: { key: 'error.backup.notFound' } });
    expect(value(call('backups.preview', { name: made.name, password: PASSWORD }))).toMatchObject({ office: { code: 'KZ-75' }, counts: { users: 1 } });
    expect(existsSync(pendingRestoreFile(core.db.name))).toBe(false);
    expect(value(call('backups.restore', { name: made.name, password: PASSWORD }))).toMatchObject({ keysRestored: true });
    expect(existsSync(pendingRestoreFile(core.db.name))).toBe(true);
    expect(value<{ rows: { action: string }[] }>(call('audit.log', { actions: ['backup.made'] })).rows).toHaveLength(1);
  });

  it('a failed scheduled backup is recorded and warned about; nobody but an administrator may back up', () => {
    const { core, folder, call } = setUp();
    value(call('backups.configure', { folder, keep: 5, frequency: 'weekly', password: PASSWORD }));
    value(call('users.add', { login: 'desk', displayName: 'Desk', role: 'staff', password: 'desk password' }));
    const desk = value<{ session: string }>(core.call('auth.signIn', { login: 'desk', password: 'desk password' }, null)).session;
    for (const name of ['backups.status', 'backups.run', 'backups.list']) expect(core.call(name, {}, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The stick was pulled out.
    rmSync(folder, { recursive: true });
    expect(value(core.call('backups.runDue', {}, null))).toEqual({ ran: true });
    expect(value(call('backups.status'))).toMatchObject({ lastOk: false, lastError: 'error.backup.folderMissing', overdue: true });
    // Not retried at every tick: the next try waits an hour.
    expect(value(core.call('backups.runDue', {}, null))).toEqual({ ran: false });
  });
});

import { describe, expect, it } from 'vitest';
import { officeCore, signedInOffice } from '../../../helpers/temp-db';

describe('first run and sign-in', () => {
  it('a database made by init has an office but no user: setup creates the first administrator, once', () => {
    const core = officeCore('KZ-71');
    expect(core.call('app.status', {}, null)).toMatchObject({ ok: true, value: { needsFirstAdmin: true, office: { code: 'KZ-71' } } });
    const setup = core.call('app.setup', { login: 'admin', displayName: 'Админ', password: 'long enough' }, null);
    expect(setup).toMatchObject({ ok: true, value: { user: { role: 'administrator', login: 'admin' } } });
    const again = core.call('app.setup', { login: 'evil', displayName: 'E', password: 'long enough' }, null);
    expect(again).toMatchObject({ ok: false, error: { key: 'error.alreadySetUp' } });
  });

  it('refuses a wrong password the same way as an unknown login', () => {
    const { core } = signedInOffice();
    const wrong = core.call('auth.signIn', { login: 'admin', password: 'wrong password' }, null);
    const unknown = core.call('auth.signIn', { login: 'nobody', password: 'wrong password' }, null);
    expect(wrong).toEqual({ ok: false, error: { code: 'unauthenticated', key: 'error.badCredentials' } });
    expect(unknown).toEqual(wrong);
    expect(core.call('auth.signIn', { login: 'ADMIN', password: 'correct horse' }, null).ok).toBe(true);
  });

  it('stores passwords as scrypt hashes only', () => {
    const { core } = signedInOffice();
    const row = core.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it('a deactivated user loses their session at once', () => {
    const { core, session } = signedInOffice();
    const added = core.call('users.add', { login: 'clerk', displayName: 'C', role: 'staff', password: 'password1' }, session);
    const clerk = (added as { value: { id: string } }).value.id;
    const s = (core.call('auth.signIn', { login: 'clerk', password: 'password1' }, null) as { value: { session: string } }).value.session;
    expect(core.call('auth.me', {}, s).ok).toBe(true);
    core.call('users.update', { id: clerk, active: false }, session);
    expect(core.call('auth.me', {}, s)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('rejects malformed calls with a validation error, never a crash', () => {
    const { core, session } = signedInOffice();
    expect(core.call('volunteers.search', { limit: 'lots' }, session)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.call('volunteers.create', null, session)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.call('no.such.call', {}, session)).toMatchObject({ ok: false, error: { code: 'notFound', key: 'error.unknownCall' } });
    expect(core.call('__proto__', {}, session)).toMatchObject({ ok: false, error: { key: 'error.unknownCall' } });
  });
});

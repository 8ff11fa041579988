import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core, CoreOptions } from '../../../../electron/core/app';
import { PASSWORD_COST, PasswordHasher } from '../../../../electron/core/auth/passwords';
import { createOffice } from '../../../../electron/core/office/identity';
import { TEST_CORE_OPTIONS, testCore } from '../../../helpers/core-options';
import { ADMIN, officeCore, signedInOffice, tempDir } from '../../../helpers/temp-db';

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
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
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

describe('password hashing', () => {
  /**
   * A core at the given password cost with one administrator, `login` / `correct horse`, on a
   * database of its own (the sign-in throttle's count lives in the database).
   */
  function coreWithAdmin(login: string, options: CoreOptions = {}): Core {
    const core = testCore(path.join(tempDir(), 'office.sqlite'), options);
    createOffice(core.db, 'KZ-75');
    const setup = core.call('app.setup', { login, displayName: 'Admin', password: 'correct horse' }, null);
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    return core;
  }
  const hashOf = (core: Core, login: string) => core.db.prepare('SELECT password_hash FROM users WHERE login = ?').pluck().get(login) as string;

  it('hashes new passwords at OWASP’s minimum scrypt cost (N=2^17, r=8, p=1) unless told otherwise', () => {
    const hasher = new PasswordHasher();
    expect(hasher.cost).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = hasher.hash('correct horse');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    expect(hasher.verify('correct horse', hash)).toBe(true);
    expect(hasher.verify('correct horsf', hash)).toBe(false);
  });

  it('an unknown or deactivated login takes as long as a known one', () => {
    // A real (if lower than production) cost, so scrypt dominates and the comparison means something.
    const core = coreWithAdmin('timed', { passwordCost: { N: 2 ** 14, r: 8, p: 1 } });
    core.callAs(ADMIN, 'users.add', { login: 'gone', displayName: 'Gone', role: 'staff', password: 'password gone' });
    const gone = core.db.prepare("SELECT id FROM users WHERE login = 'gone'").pluck().get() as string;
    core.callAs(ADMIN, 'users.update', { id: gone, active: false });
    const median = (attempt: (i: number) => unknown) => {
      const times = [0, 1, 2, 3].map((i) => {
        const start = performance.now();
        attempt(i);
        return performance.now() - start;
      });
      return times.sort((a, b) => a - b)[2]!;
    };
    // Distinct logins where needed, so the throttle (five failures) never answers early.
    const known = median(() => core.call('auth.signIn', { login: 'timed', password: 'wrong password' }, null));
    const unknown = median((i) => core.call('auth.signIn', { login: `nobody${i}`, password: 'wrong password' }, null));
    const inactive = median(() => core.call('auth.signIn', { login: 'gone', password: 'password gone' }, null));
    const all = [known, unknown, inactive];
    expect(Math.min(...all)).toBeGreaterThan(5); // scrypt at 2^14 ran, not a lookup
    expect(Math.max(...all) / Math.min(...all)).toBeLessThan(2);
  });

  it('a hash made at the old cost (N=2^15) still signs in, and is replaced by one at today’s cost', () => {
    const core = coreWithAdmin('upgraded', { passwordCost: PASSWORD_COST });
    const old = new PasswordHasher({ N: 2 ** 15, r: 8, p: 1 }).hash('old password');
    core.db.prepare("UPDATE users SET password_hash = ? WHERE login = 'upgraded'").run(old);
    expect(core.call('auth.signIn', { login: 'upgraded', password: 'wrong password' }, null).ok).toBe(false);
    expect(hashOf(core, 'upgraded')).toBe(old); // a wrong password upgrades nothing

    expect(core.call('auth.signIn', { login: 'upgraded', password: 'old password' }, null).ok).toBe(true);
    const upgraded = hashOf(core, 'upgraded');
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(core.call('auth.signIn', { login: 'upgraded', password: 'old password' }, null).ok).toBe(true);
    expect(hashOf(core, 'upgraded')).toBe(upgraded); // already current: not rehashed again
  });

  it('a stored hash with an absurd cost is refused, not run', () => {
    const hasher = new PasswordHasher(TEST_CORE_OPTIONS.passwordCost);
    const absurd = hasher.hash('x').replace(/^scrypt\$\d+\$/, `scrypt$${2 ** 30}$`);
    const start = performance.now();
    expect(hasher.verify('x', absurd)).toBe(false);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

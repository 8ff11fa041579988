import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { createOffice } from '../../../../electron/core/office/identity';
import { actionsOfKind } from '../../../../shared/contract/audit';
import { testCore } from '../../../helpers/core-options';
import { ADMIN, tempDir } from '../../../helpers/temp-db';

/**
 * The sign-in throttle kept in the database: five failures make a login wait 30 seconds per
 * further try, whichever core (worker, process, restart) on the same file is asked.
 */
const PASSWORD = 'correct horse';
const WRONG = 'wrong password';

/** A clock the test moves by hand, shared by every core it opens. */
function handClock(start = '2026-11-28T05:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function office(clock = handClock()) {
  const file = path.join(tempDir(), 'office.sqlite');
  const open = () => {
    const core = testCore(file, { now: clock.now });
    cores.push(core);
    return core;
  };
  const first = open();
  createOffice(first.db, 'KZ-75');
  const setup = first.call('app.setup', { login: 'admin', displayName: 'Admin', password: PASSWORD }, null);
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  return { file, clock, core: first, open };
}

const signIn = (core: Core, password: string, login = 'admin') => core.call('auth.signIn', { login, password }, null);
const failTimes = (core: Core, n: number, login = 'admin') => {
  for (let i = 0; i < n; i++) expect(signIn(core, WRONG, login)).toMatchObject({ ok: false, error: { key: 'error.badCredentials' } });
};
const refused = (seconds: number) => ({ ok: false, error: { code: 'unauthenticated', key: 'error.tooManyAttempts', params: { seconds } } });
const throttledEntries = (core: Core) => core.callAs(ADMIN, 'audit.log', { actions: ['auth.signInThrottled'] }).rows;

describe('sign-in throttle, kept in the database', () => {
  it('after five failures a new core on the same file (a restart) still refuses, with the wait, even the right password', () => {
    const { core, clock, open } = office();
    failTimes(core, 5);
    expect(signIn(core, PASSWORD)).toEqual(refused(30));
    cores.splice(cores.indexOf(core), 1)[0]!.close();
    clock.advance(12_000);
    const restarted = open();
    expect(signIn(restarted, PASSWORD)).toEqual(refused(18));
    clock.advance(18_000);
    expect(signIn(restarted, PASSWORD)).toMatchObject({ ok: true });
  });

  it('is shared by cores open at once on the same file (the app, the web host)', () => {
    const { core: app, open } = office();
    const web = open();
    failTimes(app, 3);
    failTimes(web, 2);
    expect(signIn(app, PASSWORD)).toEqual(refused(30));
    expect(signIn(web, PASSWORD)).toEqual(refused(30));
  });

  it('keeps the policy: once the wait is over a further failure waits again; a success clears the count', () => {
    const { core, clock } = office();
    failTimes(core, 5);
    clock.advance(30_000);
    failTimes(core, 1);
    expect(signIn(core, PASSWORD)).toEqual(refused(30));
    clock.advance(30_000);
    expect(signIn(core, PASSWORD)).toMatchObject({ ok: true });
    expect(core.db.prepare('SELECT count(*) FROM sign_in_attempts').pluck().get()).toBe(0);
    failTimes(core, 4);
    expect(signIn(core, PASSWORD)).toMatchObject({ ok: true });
  });

  it('counts one login however it is typed (spaces, capitals), and each login apart', () => {
    const { core, open } = office();
    core.callAs(ADMIN, 'users.add', { login: 'desk', displayName: 'Desk', role: 'staff', password: 'desk password' });
    failTimes(core, 2, 'admin');
    failTimes(core, 2, ' ADMIN');
    failTimes(open(), 1, 'Admin ');
    expect(signIn(core, PASSWORD)).toEqual(refused(30));
    expect(signIn(core, 'desk password', 'desk')).toMatchObject({ ok: true });
  });

  it('forgets failures nobody followed up for a day', () => {
    const { core, clock } = office();
    failTimes(core, 4);
    clock.advance(24 * 60 * 60 * 1000 + 1);
    failTimes(core, 4);
    expect(signIn(core, PASSWORD)).toMatchObject({ ok: true });
  });

  it('records a refused attempt in the audit trail with the login typed, once per wait, never the password', () => {
    const { core, clock } = office();
    failTimes(core, 5, ' Admin');
    expect(signIn(core, 'secret guess one', ' Admin')).toEqual(refused(30));
    clock.advance(1_000);
    expect(signIn(core, 'secret guess two', 'admin')).toEqual(refused(29));
    expect(throttledEntries(core).map((r) => [r.actor, r.subject, r.detail])).toEqual([['Admin@KZ-75', 'Admin', { waitSeconds: '30' }]]);
    // The next wait's first refusal is recorded again.
    clock.advance(29_000);
    failTimes(core, 1);
    expect(signIn(core, 'secret guess three')).toEqual(refused(30));
    expect(throttledEntries(core)).toHaveLength(2);
    const stored = JSON.stringify([core.db.prepare('SELECT * FROM audit_log').all(), core.db.prepare('SELECT * FROM sign_in_attempts').all()]);
    for (const secret of ['secret guess', WRONG, PASSWORD]) expect(stored).not.toContain(secret);
  });

  it('the audit screen’s filter by sign-ins lists refused attempts too', () => {
    const { core } = office();
    failTimes(core, 5);
    signIn(core, PASSWORD);
    const { rows } = core.callAs(ADMIN, 'audit.log', { actions: actionsOfKind('auth') });
    expect(rows[0]).toMatchObject({ action: 'auth.signInThrottled', subject: 'admin' });
  });
});

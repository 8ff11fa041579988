import Database from 'better-sqlite3';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphraseProtector } from '../../../electron/core/office/key-protection';
import { checkPrivateKeys } from '../../../electron/core/office/private-keys';
import { roleFor, type CoreRouter } from '../../../electron/worker/router';
import type { ProgressReport } from '../../../shared/contract';
import { TEST_CORE_OPTIONS, testCore } from '../../helpers/core-options';
import { testRouter } from '../../helpers/core-worker';
import { rosterCsv, uploadRosterThrough, valueOf } from '../../helpers/roster-upload';
import { tempDir } from '../../helpers/temp-db';
import { iinFor } from '../core/roster/fixtures';

const routers: CoreRouter[] = [];
afterEach(async () => {
  for (const router of routers.splice(0)) await router.close();
});

const SETUP = { officeCode: 'KZ-75', login: 'admin', displayName: 'Admin', password: 'correct horse' };

async function office(extra: Parameters<typeof testRouter>[1] = {}) {
  const file = path.join(tempDir(), 'office.sqlite');
  const router = await testRouter(file, extra);
  routers.push(router);
  const admin = valueOf<{ session: string }>(await router.call('app.setup', SETUP, null)).session;
  return { file, router, admin };
}

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('core worker router', () => {
  it('routes writes and session changes to the writer, other reads to the reader', () => {
    expect(['volunteers.create', 'roster.import', 'auth.signIn', 'auth.signOut', 'users.update', 'app.setup', 'roster.upload', 'roster.preview'].map(roleFor)).toEqual(Array(8).fill('writer'));
    expect(['volunteers.search', 'volunteers.get', 'auth.me', 'app.status', 'users.list', 'no.such.call'].map(roleFor)).toEqual(Array(6).fill('reader'));
  });

  it('keeps sessions in the router: opened on the writer, valid on the reader, closed by sign-out and by deactivation, kept across a worker restart', async () => {
    const { router, admin } = await office();
    expect(await router.call('auth.me', {}, admin)).toMatchObject({ ok: true, value: { user: { login: 'admin' } } });
    const { id } = valueOf<{ id: string }>(await router.call('users.add', { login: 'desk', displayName: 'Desk', role: 'staff', password: 'desk password' }, admin));
    const desk = valueOf<{ session: string }>(await router.call('auth.signIn', { login: 'desk', password: 'desk password' }, null)).session;
    const second = valueOf<{ session: string }>(await router.call('auth.signIn', { login: 'desk', password: 'desk password' }, null)).session;
    expect(await router.call('auth.me', {}, desk)).toMatchObject({ ok: true });

    // The reader restarts: nobody is signed out.
    const reader = router.worker('reader')!;
    await reader.terminate();
    await expect.poll(() => router.worker('reader') !== null && router.worker('reader') !== reader).toBe(true);
    expect(await router.call('auth.me', {}, admin)).toMatchObject({ ok: true });

    expect(await router.call('auth.signOut', {}, second)).toMatchObject({ ok: true });
    expect(await router.call('auth.me', {}, second)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await router.call('auth.me', {}, desk)).toMatchObject({ ok: true });
    expect(await router.call('users.update', { id, active: false }, admin)).toMatchObject({ ok: true });
    expect(await router.call('users.update', { id, active: true }, admin)).toMatchObject({ ok: true });
    // Deactivation closed the session for good, though the user is active again.
    expect(await router.call('auth.me', {}, desk)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('keeps the sign-in throttle (sign-in runs on the writer), across a restart of the writer', async () => {
    const { router } = await office();
    for (let i = 0; i < 5; i++) expect(await router.call('auth.signIn', { login: 'admin', password: 'wrong password' }, null)).toMatchObject({ ok: false, error: { key: 'error.badCredentials' } });
    expect(await router.call('auth.signIn', { login: 'admin', password: SETUP.password }, null)).toMatchObject({ ok: false, error: { key: 'error.tooManyAttempts' } });
    // Restarting the writer (a crash, or an attacker's out-of-memory call) does not reset the count.
    const writer = router.worker('writer')!;
    await writer.terminate();
    await expect.poll(() => router.worker('writer') !== null && router.worker('writer') !== writer).toBe(true);
    expect(await router.call('auth.signIn', { login: 'admin', password: SETUP.password }, null)).toMatchObject({
      ok: false,
      error: { key: 'error.tooManyAttempts', params: { seconds: expect.any(Number) } },
    });
  });

  it('a write queued behind a long one says it is waiting; cancelled while queued, it answers so at once and never runs', async () => {
    const { file, router, admin } = await office();
    const choice = await uploadRosterThrough((name, input) => router.call(name, input, admin), rosterCsv(5_000), 'roster.csv');
    let importing: Promise<unknown> = Promise.resolve();
    await new Promise<void>((resolve) => (importing = router.call('roster.import', choice, admin, { onProgress: () => resolve() })));
    const heard: ProgressReport[] = [];
    const abort = new AbortController();
    const queued = router.call('volunteers.create', { lastName: 'Очередь', firstName: 'Анна' }, admin, { onProgress: (r) => heard.push(r), signal: abort.signal });
    const waiting = router.call('volunteers.create', { lastName: 'Ожидаева', firstName: 'Анна' }, admin, { onProgress: (r) => heard.push(r) });
    abort.abort();
    expect(await queued).toEqual({ ok: false, error: { code: 'cancelled', key: 'error.cancelled' } });
    expect(await waiting).toMatchObject({ ok: true });
    expect(await importing).toMatchObject({ ok: true, value: { added: 5_000 } });
    expect(heard).toEqual([{ phase: 'waiting', done: 0, total: 0 }, { phase: 'waiting', done: 0, total: 0 }]);
    expect(count(file, "SELECT count(*) FROM volunteers WHERE last_name = 'Очередь'")).toBe(0);
    expect(count(file, 'SELECT count(*) FROM volunteers')).toBe(5_001);
  });

  it('a read that must record an IIN lookup runs on the writer, so the record is written', async () => {
    const { file, router, admin } = await office();
    const iin = iinFor('1990-05-17', 'F');
    valueOf(await router.call('volunteers.create', { lastName: 'Аманова', firstName: 'Дана', iin }, admin));
    valueOf(await router.call('users.add', { login: 'desk', displayName: 'Desk', role: 'staff', password: 'desk password' }, admin));
    const desk = valueOf<{ session: string }>(await router.call('auth.signIn', { login: 'desk', password: 'desk password' }, null)).session;
    expect(await router.call('volunteers.search', { text: iin }, desk)).toMatchObject({ ok: true, value: { total: 1 } });
    expect(count(file, 'SELECT count(*) FROM iin_lookups')).toBe(1);
    // A search without an IIN stays on the reader and records nothing.
    expect(await router.call('volunteers.search', { text: 'Аман' }, desk)).toMatchObject({ ok: true, value: { total: 1 } });
    expect(count(file, 'SELECT count(*) FROM iin_lookups')).toBe(1);
  });

  it('opens the office keys through the protector on the main thread, and passes its refusal on', async () => {
    const { file } = await office();
    // Sealed by the main thread's protector: the same passphrase opens them in-process.
    expect(count(file, "SELECT count(*) FROM meta WHERE key = 'private_keys_kek' AND value LIKE '%\"by\":\"passphrase\"%'")).toBe(1);
    const core = testCore(file);
    expect(() => checkPrivateKeys(core.db)).not.toThrow();
    core.close();

    const weak = await testRouter(path.join(tempDir(), 'weak.sqlite'), { keyProtector: passphraseProtector('short', TEST_CORE_OPTIONS.passwordCost) });
    routers.push(weak);
    expect(await weak.call('app.setup', SETUP, null)).toMatchObject({ ok: false, error: { key: 'error.privateKeys.weakPassphrase' } });
  });

  it('refuses to start, saying why, when the database cannot be opened', async () => {
    await expect(testRouter(path.join(tempDir(), 'no-such-folder', 'office.sqlite'))).rejects.toThrow(/no-such-folder/);
  });

  it('a call in flight when its worker dies answers workerRestarted; the next call is served by the new worker', async () => {
    const { router, admin } = await office();
    const choice = await uploadRosterThrough((name, input) => router.call(name, input, admin), rosterCsv(5_000), 'roster.csv');
    const writer = router.worker('writer')!;
    const answer = router.call('roster.preview', choice, admin, { onProgress: () => void writer.terminate() });
    expect(await answer).toEqual({ ok: false, error: { code: 'unavailable', key: 'error.workerRestarted' } });
    expect(await router.call('volunteers.create', { lastName: 'После', firstName: 'Рестарта' }, admin)).toMatchObject({ ok: true });
    expect(router.worker('writer')).not.toBe(writer);
  });
});

describe('core worker router, memory', () => {
  it('a worker that runs out of memory answers workerRestarted and is restarted; the process and the data live on', async () => {
    const logged: unknown[] = [];
    const { router, admin } = await office({ resourceLimits: { maxOldGenerationSizeMb: 96 }, log: (_message, error) => logged.push(error) });
    // Each inspected upload keeps its parsed rows in the writer's memory (up to four a user): a few of them fill the cap.
    const big = rosterCsv(150_000);
    const answers: string[] = [];
    while (answers.length < 4 && !answers.some((a) => a.includes('error.workerRestarted'))) {
      answers.push(String(await uploadRosterThrough((name, input) => router.call(name, input, admin), big, 'big.csv').catch((error: unknown) => error)));
    }
    expect(answers.at(-1)).toContain('error.workerRestarted');
    expect(logged.some((error) => String((error as { code?: string }).code) === 'ERR_WORKER_OUT_OF_MEMORY')).toBe(true);
    expect(await router.call('auth.me', {}, admin)).toMatchObject({ ok: true });
    expect(await router.call('volunteers.create', { lastName: 'Память', firstName: 'Жива' }, admin)).toMatchObject({ ok: true });
  });
});

describe('restoring a backup in the running app', () => {
  it('closes the workers, swaps the backup in with the current database kept aside, reopens, and signs everyone out', async () => {
    const { file, router, admin } = await office();
    const folder = path.join(tempDir(), 'stick');
    mkdirSync(folder);
    const password = 'backup password 2026';
    valueOf(await router.call('backups.configure', { folder, keep: 3, frequency: 'off', password }, admin));
    const made = valueOf<{ name: string }>(await router.call('backups.run', {}, admin));
    valueOf(await router.call('volunteers.create', { lastName: 'Бекова', firstName: 'Айгерим', birthDate: '1992-07-02' }, admin));
    expect(count(file, 'SELECT count(*) FROM volunteers')).toBe(1);

    valueOf(await router.call('backups.restore', { name: made.name, password }, admin));
    expect(await router.call('volunteers.search', {}, admin)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const again = valueOf<{ session: string }>(await router.call('auth.signIn', { login: 'admin', password: SETUP.password }, null)).session;
    expect(valueOf<{ total: number }>(await router.call('volunteers.search', {}, again)).total).toBe(0);
    const aside = readdirSync(path.dirname(file)).filter((name) => name.includes('.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(count(path.join(path.dirname(file), aside[0]!), 'SELECT count(*) FROM volunteers')).toBe(1);
    // The restored database's trail names the restore.
    expect(valueOf<{ rows: { subject: string }[] }>(await router.call('audit.log', { actions: ['backup.restored'] }, again)).rows[0]?.subject).toBe(made.name);
  });
});

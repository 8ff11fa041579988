import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain } from './electron-stand-in';
import { tempDir } from './temp-dir';
import type { Core } from '../../../electron/core/app';
import { registerIpc } from '../../../electron/main/ipc';
import { inProcessClient } from '../../../electron/worker/client';
import type { CoreRouter } from '../../../electron/worker/router';
import { CALL_NAMES, type Envelope, type ProgressReport } from '../../../shared/contract';
import type { RosterChoice } from '../../../shared/contract/roster';
import { testRouter } from '../../helpers/core-worker';
import { expectWellFormed } from '../../helpers/progress';
import { rosterCsv, uploadRosterThrough, valueOf } from '../../helpers/roster-upload';
import { testCore } from '../../helpers/core-options';

vi.mock('electron', () => import('./electron-stand-in'));

const APP_FRAME = { senderFrame: { url: 'app://erikti/index.html' } };

/** Invokes a registered handler as Electron would, with the given sender frame. */
function invoke(channel: string, event: object, input?: unknown, session?: unknown): Promise<Envelope<unknown>> {
  const handler = ipcMain.handlers.get(channel) as ((event: object, input: unknown, session: unknown) => Promise<Envelope<unknown>>) | undefined;
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input, session);
}

describe('IPC registration', () => {
  let core: Core;

  beforeEach(() => {
    ipcMain.handlers.clear();
    core = testCore(path.join(tempDir(), 'office.sqlite'));
    registerIpc(ipcMain as never, inProcessClient(core));
  });
  afterEach(() => core.close());

  it('registers exactly one channel per contract call, the cancel channel, and nothing else', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CALL_NAMES.map((name) => `erikti:${name}`), 'erikti-progress:cancel'].sort());
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('refuses calls from any frame that is not the app page', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden', key: 'error.forbidden' } };
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://erikti.evil/', 'app://evil@erikti/', 'about:blank', '']) {
      expect(await invoke('erikti:app.status', { senderFrame: { url } }, {})).toEqual(forbidden);
    }
    // A frame that navigated away or was destroyed has no senderFrame.
    expect(await invoke('erikti:app.status', { senderFrame: null }, {})).toEqual(forbidden);
  });

  it('runs a valid call through the real core', async () => {
    const envelope = await invoke('erikti:app.status', APP_FRAME, {});
    expect(envelope).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
  });

  it('treats a call without input as an empty input', async () => {
    expect(await invoke('erikti:app.status', APP_FRAME)).toMatchObject({ ok: true });
  });

  it('returns the core validation error for invalid input', async () => {
    const envelope = await invoke('erikti:app.setup', APP_FRAME, { officeCode: 'NOPE', login: 'x', displayName: 'A', password: 'short' });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('validation');
    expect(envelope.error.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(['officeCode', 'login', 'password']));
  });

  it('passes the session to the core, and ignores a session that is not a string', async () => {
    const setup = await invoke('erikti:app.setup', APP_FRAME, {
      officeCode: 'KZ-19',
      officeName: 'Almaty volunteers',
      login: 'admin',
      displayName: 'Aigerim',
      password: 'correct horse',
    });
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    const { session } = setup.value as { session: string };
    expect(await invoke('erikti:auth.me', APP_FRAME, {}, session)).toMatchObject({ ok: true, value: { user: { login: 'admin' } } });
    expect(await invoke('erikti:auth.me', APP_FRAME, {}, { session })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

/** A page's webContents as the glue uses it: an id, send (recorded), and 'destroyed' when it closes. */
class PageStandIn extends EventEmitter {
  readonly sent: unknown[][] = [];
  private destroyed = false;
  constructor(readonly id: number) {
    super();
  }
  send(...args: unknown[]): void {
    if (this.destroyed) throw new Error('send on a destroyed webContents');
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

describe('IPC progress and cancel, through the worker runtime', () => {
  // One office for the block (a roster upload is costly), so not a per-test folder.
  const dir = mkdtempSync(path.join(tmpdir(), 'erikti-ipc-'));
  let router: CoreRouter;
  let session: string;
  let choice: RosterChoice;
  const page = new PageStandIn(1);
  const other = new PageStandIn(2);
  const from = (sender: PageStandIn, url = 'app://erikti/index.html') => ({ senderFrame: { url }, sender });
  const call = (sender: PageStandIn, name: string, input: unknown, callId?: unknown) =>
    (ipcMain.handlers.get(`erikti:${name}`) as (event: object, ...args: unknown[]) => Promise<Envelope<unknown>>)(from(sender), input, session, callId);
  const cancel = (event: object, callId: unknown) => (ipcMain.handlers.get('erikti-progress:cancel') as (event: object, callId: unknown) => void)(event, callId);
  const firstReport = (sender: PageStandIn) => vi.waitFor(() => expect(sender.sent.length).toBeGreaterThan(0), { timeout: 30_000, interval: 5 });
  const volunteers = async () => valueOf<{ total: number }>(await call(page, 'volunteers.search', { text: '', limit: 1 })).total;

  beforeAll(async () => {
    ipcMain.handlers.clear();
    router = await testRouter(path.join(dir, 'office.sqlite'));
    registerIpc(ipcMain as never, router);
    const setup = await call(page, 'app.setup', { officeCode: 'KZ-19', login: 'admin', displayName: 'Admin', password: 'correct horse' });
    session = valueOf<{ session: string }>(setup).session;
    choice = await uploadRosterThrough((name, input) => call(page, name, input), rosterCsv(5_000), 'roster.csv');
  });
  afterAll(async () => {
    await router.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    page.sent.length = 0;
    other.sent.length = 0;
  });

  it('sends a long call’s progress to the page that made it, in order, ending at total; other pages hear nothing', async () => {
    const envelope = await call(page, 'roster.preview', choice, 'preview-1');
    expect(envelope).toMatchObject({ ok: true, value: { rows: 5_000 } });
    expect(page.sent.every(([channel, callId]) => channel === 'erikti-progress' && callId === 'preview-1')).toBe(true);
    expectWellFormed(page.sent.map(([, , report]) => report as ProgressReport), ['checking']);
    expect(other.sent).toEqual([]);
  });

  it('cancels only from the page that made the call, by its callId; the import then leaves nothing', async () => {
    const before = await volunteers();
    const running = call(page, 'roster.import', choice, 'import-1');
    await firstReport(page);
    cancel(from(other), 'import-1');
    cancel({ senderFrame: { url: 'https://evil.example/' }, sender: page }, 'import-1');
    cancel(from(page), 'import-2');
    cancel(from(page), { callId: 'import-1' });
    cancel(from(page), 'import-1');
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled', key: 'error.cancelled' } });
    expect(await volunteers()).toBe(before);
  });

  it('a page that closes cancels its running call', async () => {
    const before = await volunteers();
    const closing = new PageStandIn(3);
    const running = call(closing, 'roster.import', choice, 'import-3');
    await firstReport(closing);
    closing.close();
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await volunteers()).toBe(before);
  });

  it('refuses a callId that is not a short token, and one already running on that page', async () => {
    const invalid = { ok: false, error: { code: 'validation', key: 'error.invalid' } };
    for (const callId of ['', 'a'.repeat(65), 'has space', 42, { id: 'x' }]) expect(await call(page, 'app.status', {}, callId)).toEqual(invalid);
    const first = call(page, 'roster.import', choice, 'twice');
    expect(await call(page, 'roster.import', choice, 'twice')).toEqual(invalid);
    // Another page may use the same id: ids are the page's own.
    const elsewhere = call(other, 'app.status', {}, 'twice');
    expect(await first).toMatchObject({ ok: true });
    expect(await elsewhere).toMatchObject({ ok: true });
  });
});

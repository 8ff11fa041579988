import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain } from './electron-stand-in';
import { tempDir } from './temp-dir';
import type { Core } from '../../../electron/core/app';
import { registerIpc } from '../../../electron/main/ipc';
import { inProcessClient } from '../../../electron/worker/client';
import { CALL_NAMES, type Envelope } from '../../../shared/contract';
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

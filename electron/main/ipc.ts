import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/app';
import { CALL_NAMES, type Envelope } from '../../shared/contract';
import { isAppUrl } from './app-url';
import { channelOf } from './channels';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'forbidden', key: 'error.forbidden' } };

/**
 * True only for an IPC call made by our own page. senderFrame is null once the frame navigated
 * away or died: that counts as foreign too.
 */
export function fromAppPage(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  return isAppUrl(event.senderFrame?.url);
}

/**
 * Registers one handler per contract call. The handler only checks that the call comes from our
 * own page; the core validates the input against the contract and checks the role, exactly as
 * for the web host and the CLI.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Pick<Core, 'call'>): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event: IpcMainInvokeEvent, input: unknown, session: unknown): Envelope<unknown> => {
      if (!fromAppPage(event)) return FORBIDDEN;
      // The same defaults as the web host: a call without input means `{}`, a session must be a string.
      return core.call(name, input ?? {}, typeof session === 'string' ? session : null);
    });
  }
}

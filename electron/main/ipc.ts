import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, type Envelope } from '../../shared/contract';
import { isCallId } from '../worker/call-id';
import type { CoreClient } from '../worker/client';
import { isAppUrl } from './app-url';
import { channelOf, PROGRESS_CHANNELS } from './channels';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'forbidden', key: 'error.forbidden' } };
const INVALID: Envelope<never> = { ok: false, error: { code: 'validation', key: 'error.invalid' } };

/**
 * True only for an IPC call made by our own page. senderFrame is null once the frame navigated
 * away or died: that counts as foreign too.
 */
export function fromAppPage(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  return isAppUrl(event.senderFrame?.url);
}

type Sender = Pick<WebContents, 'id' | 'send' | 'isDestroyed' | 'once' | 'off'>;

/**
 * Registers one handler per contract call, and the cancel channel. The handler only checks that
 * the call comes from our own page (and that a callId is one); the core validates the input
 * against the contract and checks the role, exactly as for the web host and the CLI.
 * A call made with a callId sends its progress to the page that made it, and nowhere else; that
 * page may cancel it by the same id, and closing it cancels it.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, client: Pick<CoreClient, 'call'>): void {
  // Running calls with a callId, per page: one page cannot cancel another's calls.
  const running = new Map<string, AbortController>();
  const keyOf = (sender: Pick<Sender, 'id'>, callId: string) => `${sender.id}:${callId}`;

  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), async (event: IpcMainInvokeEvent, input: unknown, session: unknown, callId?: unknown): Promise<Envelope<unknown>> => {
      if (!fromAppPage(event)) return FORBIDDEN;
      // The same defaults as the web host: a call without input means `{}`, a session must be a string.
      const args = [name, input ?? {}, typeof session === 'string' ? session : null] as const;
      if (callId === undefined || callId === null) return client.call(...args);
      if (!isCallId(callId)) return INVALID;
      const sender: Sender = event.sender;
      const key = keyOf(sender, callId);
      if (running.has(key)) return INVALID;
      const controller = new AbortController();
      const abort = () => controller.abort();
      running.set(key, controller);
      sender.once('destroyed', abort);
      try {
        return await client.call(...args, {
          signal: controller.signal,
          onProgress: (report) => {
            if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNELS.progress, callId, report);
          },
        });
      } finally {
        running.delete(key);
        sender.off('destroyed', abort);
      }
    });
  }

  ipcMain.handle(PROGRESS_CHANNELS.cancel, (event: IpcMainInvokeEvent, callId: unknown): void => {
    if (!fromAppPage(event) || !isCallId(callId)) return;
    running.get(keyOf(event.sender, callId))?.abort();
  });
}

import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, type CallInput, type CallName, type CallResult, type Envelope, type ProgressReport } from '../../shared/contract';
import type { GeneratedFile } from '../../shared/contract/files';
import { channelOf, FILES_CHANNELS, LANGUAGE_CHANNEL, PROGRESS_CHANNELS, type PickedFile, type SavedFile } from './channels';

/**
 * What the page sees as `window.erikti`: exactly one function per contract call and nothing else.
 * No generic invoke and no ipcRenderer, so a script injected into the page cannot reach any
 * channel the contract does not name. Bundled to one CommonJS file: sandboxed preloads cannot
 * load modules of their own.
 */
export type EriktiApi = {
  /** With a callId, the call's progress comes to `eriktiProgress` listeners, and it can be cancelled by that id. */
  readonly [N in CallName]: (input: CallInput<N>, session?: string | null, callId?: string) => Promise<Envelope<CallResult<N>>>;
};

function buildApi(): EriktiApi {
  const api: Record<string, (input: unknown, session?: string | null, callId?: string) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    const channel = channelOf(name);
    api[name] = (input, session, callId) =>
      callId === undefined ? ipcRenderer.invoke(channel, input, session ?? null) : ipcRenderer.invoke(channel, input, session ?? null, callId);
  }
  return Object.freeze(api) as EriktiApi;
}

/**
 * What the page sees as `window.eriktiFiles`: the native open and save dialogs for exchange
 * bundles (they answer with an opaque token and a base name, never a path), and saving a file
 * the core generated (answers with the base name it was saved as).
 */
export interface EriktiFiles {
  readonly openBundle: () => Promise<PickedFile>;
  readonly saveBundle: (suggestedName: string) => Promise<PickedFile>;
  readonly saveFile: (file: GeneratedFile, options?: { open?: boolean }) => Promise<SavedFile>;
}

function buildFiles(): EriktiFiles {
  return Object.freeze({
    openBundle: () => ipcRenderer.invoke(FILES_CHANNELS.openBundle) as Promise<PickedFile>,
    saveBundle: (suggestedName: string) => ipcRenderer.invoke(FILES_CHANNELS.saveBundle, suggestedName) as Promise<PickedFile>,
    saveFile: (file: GeneratedFile, options?: { open?: boolean }) =>
      ipcRenderer.invoke(FILES_CHANNELS.saveFile, { fileName: file.fileName, mime: file.mime, base64: file.base64, open: options?.open ?? false }) as Promise<SavedFile>,
  });
}

/**
 * What the page sees as `window.eriktiProgress`: the progress of its calls made with a callId,
 * and cancelling one. The listener gets the callId and the report only, never the IPC event.
 */
export interface EriktiProgress {
  readonly cancel: (callId: string) => Promise<void>;
  readonly onProgress: (listener: (callId: string, report: ProgressReport) => void) => () => void;
}

function buildProgress(): EriktiProgress {
  return Object.freeze({
    cancel: (callId: string) => ipcRenderer.invoke(PROGRESS_CHANNELS.cancel, callId).then(() => undefined),
    onProgress: (listener: (callId: string, report: ProgressReport) => void) => {
      const forward = (_event: unknown, callId: string, report: ProgressReport) => listener(callId, report);
      ipcRenderer.on(PROGRESS_CHANNELS.progress, forward);
      return () => void ipcRenderer.removeListener(PROGRESS_CHANNELS.progress, forward);
    },
  });
}

contextBridge.exposeInMainWorld('erikti', buildApi());
contextBridge.exposeInMainWorld('eriktiFiles', buildFiles());
contextBridge.exposeInMainWorld('eriktiProgress', buildProgress());
/** `window.eriktiApp.setLanguage(lang)`: the menu and the startup error follow the language chosen in the app. */
contextBridge.exposeInMainWorld('eriktiApp', Object.freeze({ setLanguage: (lang: string) => ipcRenderer.send(LANGUAGE_CHANNEL, lang) }));

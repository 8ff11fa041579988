import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, type CallInput, type CallName, type CallResult, type Envelope } from '../../shared/contract';
import type { GeneratedFile } from '../../shared/contract/files';
import { channelOf, FILES_CHANNELS, type PickedFile, type SavedFile } from './channels';

/**
 * What the page sees as `window.erikti`: exactly one function per contract call and nothing else.
 * No generic invoke and no ipcRenderer, so a script injected into the page cannot reach any
 * channel the contract does not name. Bundled to one CommonJS file: sandboxed preloads cannot
 * load modules of their own.
 */
export type EriktiApi = {
  readonly [N in CallName]: (input: CallInput<N>, session?: string | null) => Promise<Envelope<CallResult<N>>>;
};

function buildApi(): EriktiApi {
  const api: Record<string, (input: unknown, session?: string | null) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    const channel = channelOf(name);
    api[name] = (input, session) => ipcRenderer.invoke(channel, input, session ?? null);
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

contextBridge.exposeInMainWorld('erikti', buildApi());
contextBridge.exposeInMainWorld('eriktiFiles', buildFiles());

import type { CallName } from '../../shared/contract';

/**
 * One IPC channel per contract call, shared by the preload and the main process so the two
 * cannot disagree. There is deliberately no generic channel taking a call name.
 */
export const channelOf = (name: CallName): string => `erikti:${name}`;

/**
 * The two file-dialog channels, outside the contract: the main process shows the native dialog
 * and answers with an opaque token the core accepts as a bundle source or target, plus the base
 * name for display. The renderer never sees or names a path.
 */
export const FILES_CHANNELS = {
  openBundle: 'erikti-files:openBundle',
  saveBundle: 'erikti-files:saveBundle',
  /** Saves a generated file (PDF, roster export) where the user chooses; see save-file.ts. */
  saveFile: 'erikti-files:saveFile',
} as const;

/** What a file dialog answers: null when the user cancelled. */
export type PickedFile = { token: string; name: string } | null;

/** What saving a generated file answers: the base name it was saved as, whether it opened; null when cancelled. */
export type SavedFile = { name: string; opened: boolean } | null;

/**
 * Progress and cancel of long calls (a call made with a callId): main sends each report to the
 * page that made the call on `progress` as (callId, report); the page cancels on `cancel` with the callId.
 */
export const PROGRESS_CHANNELS = {
  progress: 'erikti-progress',
  cancel: 'erikti-progress:cancel',
} as const;

/** The page tells the main process the language the user chose, for the menu and the startup error (language.ts). */
export const LANGUAGE_CHANNEL = 'erikti-app:language';

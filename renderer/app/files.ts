import { FILE_TYPES, fileKindOf, type GeneratedFile } from '../../shared/contract/files';

/**
 * The desktop app's native file dialogs (`window.eriktiFiles`, from the Electron preload). The
 * bundle dialogs answer with an opaque token the core accepts as a bundle source or target, and
 * the chosen file's base name for display; never a path. Null when cancelled.
 */
export interface PickedFile {
  token: string;
  name: string;
}

/** Where a generated file went: the base name it was saved as, and whether it opened in the system viewer. */
export interface SavedFile {
  name: string;
  opened: boolean;
}

export interface DesktopFiles {
  openBundle(): Promise<PickedFile | null>;
  saveBundle(suggestedName: string): Promise<PickedFile | null>;
  saveFile(file: GeneratedFile, options?: { open?: boolean }): Promise<SavedFile | null>;
}

declare global {
  interface Window {
    eriktiFiles?: DesktopFiles;
  }
}

/** The native dialogs in the desktop app; null in the browser, which keeps its own file input and download. */
export function desktopFiles(): DesktopFiles | null {
  return window.eriktiFiles ?? null;
}

/** Bytes as base64, built in slices so a large chunk never overflows the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands bytes to the browser as a download (a Blob and a link with `download`). */
export function download(fileName: string, base64: string, mime?: string): void {
  const kind = fileKindOf(fileName);
  const blob = new Blob([fromBase64(base64) as Uint8Array<ArrayBuffer>], { type: mime ?? (kind ? FILE_TYPES[kind] : 'application/octet-stream') });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Hands a file the core generated (a PDF, a roster export) to the user, the one way every
 * feature does it: in the desktop app the native save dialog, then, with `open`, the system's
 * viewer (where a PDF is read or printed); in the browser a download. Null when the user
 * cancelled the dialog (the browser's download cannot tell).
 */
export async function saveFile(file: GeneratedFile, options: { open?: boolean } = {}): Promise<SavedFile | null> {
  const desktop = desktopFiles();
  if (desktop) return desktop.saveFile(file, options);
  download(file.fileName, file.base64, file.mime);
  return { name: file.fileName, opened: false };
}

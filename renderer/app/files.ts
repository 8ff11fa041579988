/**
 * The desktop app's native file dialogs for exchange bundles (`window.eriktiFiles`, from the
 * Electron preload). They answer with an opaque token the core accepts as a bundle source or
 * target, and the chosen file's base name for display; never a path. Null when cancelled.
 */
export interface PickedFile {
  token: string;
  name: string;
}

export interface DesktopFiles {
  openBundle(): Promise<PickedFile | null>;
  saveBundle(suggestedName: string): Promise<PickedFile | null>;
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

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
};

/** Hands bytes from the core to the browser as a download (a Blob and a link with `download`). */
export function download(fileName: string, base64: string): void {
  const ext = fileName.split('.').pop() ?? '';
  const blob = new Blob([fromBase64(base64) as Uint8Array<ArrayBuffer>], { type: TYPES[ext] ?? 'application/octet-stream' });
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

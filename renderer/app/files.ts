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

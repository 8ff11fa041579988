import type { ChangeEvent } from 'react';

export interface FilePickOptions {
  /** The largest file taken; a larger one is refused before it is read or sent (the core checks again). */
  maxBytes: number;
  /** Runs for every file chosen, before the size check: clears what the last choice left on screen. */
  onStart(): void;
  onTooLarge(file: File): void;
  onFile(file: File): Promise<void> | void;
}

/** What a file input's change hands over: the chosen files and the value to clear. */
export interface PickedInput {
  files: ArrayLike<File> | null;
  value: string;
}

/**
 * Takes the one file chosen in an `<input type="file">`. The input is cleared at once so that
 * choosing the same file again (after fixing it, or after a refusal) fires a change again.
 */
export async function pickFile(input: PickedInput, options: FilePickOptions): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  options.onStart();
  if (file.size > options.maxBytes) return options.onTooLarge(file);
  await options.onFile(file);
}

/** The change handler for a file input that refuses files over a size. */
export function useFilePick(options: FilePickOptions): (e: ChangeEvent<HTMLInputElement>) => void {
  return (e) => void pickFile(e.target, options);
}

/** Keeps the input focusable and in the page while its label stands in as the button. */
export const HIDDEN_FILE_INPUT = { position: 'absolute', width: 1, height: 1, opacity: 0 } as const;

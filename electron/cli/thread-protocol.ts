/**
 * Between the CLI's two threads (erikti.ts and work.ts): the work thread runs the command, the
 * main thread owns the terminal (stdin, the passphrase prompt, Ctrl-C) and writes what it is sent.
 */
export interface WorkInit {
  argv: string[];
  terminal: boolean;
  /** Int32Array[1] over it: 1 once Ctrl-C was pressed; long calls read it at each progress point. */
  cancelFlag: SharedArrayBuffer;
}

export type WorkMessage =
  | { type: 'out' | 'err'; text: string }
  | { type: 'stdin'; id: number }
  | { type: 'passphrase'; id: number; ask: boolean; confirm: boolean }
  | { type: 'done'; code: number };

export type MainMessage = { type: 'answer'; id: number; value: string | null } | { type: 'failed'; id: number; message: string };

/**
 * Progress of a long call (the contract marks them `long`), as the core reports it and every
 * transport carries it to the page or the terminal. Phases are a closed list so each has a
 * translation (`progress.phase.*`) and the page can say what is happening in the user's language.
 */
export const PROGRESS_PHASES = [
  /** Queued behind another write; reported by the router, never by the core. */
  'waiting',
  /** Reading a file: a spreadsheet, a bundle. */
  'reading',
  /** Checking rows or changes before anything is written. */
  'checking',
  /** Writing to the database. */
  'writing',
  /** Collecting what goes out: an export, a bundle. */
  'collecting',
  /** Signing certificates or a bundle. */
  'signing',
  /** Laying out a PDF or a spreadsheet. */
  'rendering',
] as const;

export type ProgressPhase = (typeof PROGRESS_PHASES)[number];

export interface ProgressReport {
  phase: ProgressPhase;
  /** Units done within the phase; equals total when the phase ends. */
  done: number;
  total: number;
}

/** How a caller follows and stops a call; both are optional, and calls that are not long ignore them. */
export interface CallControl {
  /** Receives progress reports in order, at most about ten a second plus each phase's end. */
  onProgress?: (report: ProgressReport) => void;
  /**
   * Asked at every progress point: true stops the call there. A write then rolls back its
   * transaction, so a cancelled call leaves the database exactly as before.
   */
  isCancelled?: () => boolean;
}

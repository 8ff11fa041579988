import type { CallControl, ProgressReport } from '../../shared/contract';
import type { Io } from './helpers';
import { english } from './messages';

/**
 * The progress line of a long command on stderr, when stderr is a terminal: the phase in words,
 * done of total, and the time left once a phase has run long enough to tell. It overwrites itself
 * in place (\r) and is cleared at the end, so stdout's JSON and a piped stderr never carry it.
 */

/** A phase needs this long, and some units done, before its rate says anything about the time left. */
const ESTIMATE_AFTER_MS = 1000;
/** Wide enough for every phase's words, narrow enough for an 80-column terminal. */
const MAX_WIDTH = 79;

export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const count = (n: number) => n.toLocaleString('en');

/** The line for a report; `leftMs` when an estimate is known. */
export function progressText(report: ProgressReport, leftMs: number | null): string {
  const parts = [english(`progress.phase.${report.phase}`)];
  if (report.total > 1) {
    const percent = Math.floor((report.done / report.total) * 100);
    parts.push(`${english('progress.of', { done: count(report.done), total: count(report.total) })} (${percent}%)`);
  }
  if (leftMs !== null) parts.push(english('progress.left', { time: formatDuration(leftMs) }));
  return parts.join('  ').slice(0, MAX_WIDTH);
}

export interface ProgressLine {
  /** What a long call is given: its reports draw the line. */
  control: CallControl;
  /** Clears the line (call it whatever the call's outcome). */
  clear(): void;
}

/** A progress line on io's stderr; nothing at all when stderr is not a terminal. */
export function progressLine(io: Pick<Io, 'err' | 'terminal'>, clock: () => number = () => Date.now()): ProgressLine {
  if (!io.terminal) return { control: {}, clear: () => undefined };
  let shown = false;
  let phase: { key: string; startedAt: number; startDone: number } | null = null;
  const onProgress = (report: ProgressReport) => {
    const now = clock();
    const key = `${report.phase}:${report.total}`;
    if (phase?.key !== key) phase = { key, startedAt: now, startDone: report.done };
    const elapsed = now - phase.startedAt;
    const moved = report.done - phase.startDone;
    const leftMs = elapsed >= ESTIMATE_AFTER_MS && moved > 0 && report.done < report.total ? ((report.total - report.done) * elapsed) / moved : null;
    io.err(`\r${progressText(report, leftMs)}\x1b[K`);
    shown = true;
  };
  return {
    control: { onProgress },
    clear: () => {
      if (shown) io.err('\r\x1b[K');
      shown = false;
    },
  };
}

let cancelCheck: (() => boolean) | undefined;

/** Where a long command learns of Ctrl-C: the work thread (work.ts) reads the flag the main thread raises. */
export function setCancelCheck(check: () => boolean): void {
  cancelCheck = check;
}

/**
 * Runs a long command's calls with the progress line, and clears it whatever happens. Ctrl-C
 * (see erikti.ts) stops the call at its next progress point: it rolls back and answers `cancelled`.
 */
export function withProgress<T>(io: Pick<Io, 'err' | 'terminal'>, run: (control: CallControl) => T): T {
  const line = progressLine(io);
  try {
    return run(cancelCheck ? { ...line.control, isCancelled: cancelCheck } : line.control);
  } finally {
    line.clear();
  }
}

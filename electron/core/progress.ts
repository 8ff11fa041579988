import { cancelledError, type CallControl, type ProgressPhase } from '../../shared/contract';

/** About ten reports a second: a progress bar moves smoothly and a 50k-row loop pays almost nothing. */
const REPORT_EVERY_MS = 100;

/**
 * The `progress` of a call's context: checks for cancellation at every point, and passes reports
 * on at most every REPORT_EVERY_MS, plus every phase's start and end, so the last report of a
 * phase always says done = total.
 */
export function progressReporter(control: CallControl, clock: () => number = () => performance.now()): (phase: ProgressPhase, done: number, total: number) => void {
  const { onProgress, isCancelled } = control;
  let lastPhase: ProgressPhase | null = null;
  let lastAt = -Infinity;
  return (phase, done, total) => {
    if (isCancelled?.()) throw cancelledError();
    if (!onProgress) return;
    const now = clock();
    const boundary = phase !== lastPhase || done >= total;
    if (!boundary && now - lastAt < REPORT_EVERY_MS) return;
    lastPhase = phase;
    lastAt = now;
    onProgress({ phase, done: Math.min(done, total), total });
  };
}

/** A call's progress point, as the core's long operations take it (`ctx.progress`). */
export type Progress = (phase: ProgressPhase, done: number, total: number) => void;

/** For callers outside a call (tests, the benchmark) that follow nothing. */
export const noProgress: Progress = () => undefined;

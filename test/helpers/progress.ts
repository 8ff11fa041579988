import { expect } from 'vitest';
import type { CallControl, ProgressPhase, ProgressReport } from '../../shared/contract';

/**
 * A call's control that records what it hears: every progress report, and how many progress
 * points the call passed (each point asks isCancelled once). `cancelAt` makes the n-th point
 * (1-based) answer "cancelled"; without it the call is never cancelled.
 */
export function recordingControl(cancelAt?: number): CallControl & { reports: ProgressReport[]; points: () => number; firstPointOf: (phase: ProgressPhase) => number } {
  const reports: ProgressReport[] = [];
  // A phase's first point always reports (a phase boundary passes the throttle), right after it asked isCancelled.
  const firstPoints = new Map<ProgressPhase, number>();
  let points = 0;
  return {
    reports,
    points: () => points,
    firstPointOf: (phase) => firstPoints.get(phase) ?? NaN,
    onProgress: (report) => {
      if (!firstPoints.has(report.phase)) firstPoints.set(report.phase, points);
      reports.push(report);
    },
    isCancelled: () => ++points === cancelAt,
  };
}

/**
 * Reports are well formed: the phases come in the given order, each phase's total stays the
 * same and done never goes back, and the last report of each phase says done = total.
 */
export function expectWellFormed(reports: ProgressReport[], phases: ProgressPhase[]): void {
  const seen: ProgressPhase[] = [];
  for (const r of reports) if (seen.at(-1) !== r.phase) seen.push(r.phase);
  expect(seen).toEqual(phases);
  for (const phase of phases) {
    const own = reports.filter((r) => r.phase === phase);
    const total = own[0]!.total;
    own.forEach((r, i) => {
      expect(r.total).toBe(total);
      expect(r.done).toBeGreaterThanOrEqual(i === 0 ? 0 : own[i - 1]!.done);
      expect(r.done).toBeLessThanOrEqual(total);
    });
    expect(own.at(-1)!.done).toBe(total);
  }
}

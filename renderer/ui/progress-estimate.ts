import type { ProgressReport } from '../../shared/contract';

/** Where the current phase started: its rate so far gives the time left. */
export interface PhaseClock {
  phase: ProgressReport['phase'];
  startedAt: number;
  startDone: number;
}

/** An estimate before this much time or share of a phase is mostly noise, so none is shown. */
const MIN_ELAPSED_MS = 1000;
const MIN_SHARE = 0.02;

/** The clock after a report: a new phase (or a restart of one) starts a new clock. */
export function nextClock(clock: PhaseClock | null, report: ProgressReport, now: number): PhaseClock {
  if (clock && clock.phase === report.phase && report.done >= clock.startDone) return clock;
  return { phase: report.phase, startedAt: now, startDone: report.done };
}

/**
 * Seconds left in the current phase at the rate it has gone so far, or null while that is not
 * meaningful yet (under a second in, under 2 % done, no total, or nothing done since it started).
 */
export function secondsLeft(clock: PhaseClock | null, report: ProgressReport | null, now: number): number | null {
  if (!clock || !report || clock.phase !== report.phase || report.total <= 0) return null;
  const elapsed = now - clock.startedAt;
  const progressed = report.done - clock.startDone;
  if (elapsed < MIN_ELAPSED_MS || report.done / report.total < MIN_SHARE || progressed <= 0) return null;
  return ((report.total - report.done) * elapsed) / progressed / 1000;
}

/**
 * Time left as a person says it, as a translation key with its count: seconds rounded to 5 under
 * a minute, then whole minutes (rounded up: "about 2 minutes" should not turn out to be three),
 * then hours. (Translations, not Intl: Chromium's ICU has no Kazakh unit names.)
 */
export function timeLeftText(seconds: number): { key: string; count: number } {
  if (seconds < 55) return { key: 'progress.seconds', count: Math.max(5, Math.ceil(seconds / 5) * 5) };
  if (seconds < 90 * 60) return { key: 'progress.minutes', count: Math.ceil(seconds / 60) };
  return { key: 'progress.hours', count: Math.round(seconds / 3600) };
}

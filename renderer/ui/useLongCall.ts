import { useCallback, useRef, useState } from 'react';
import { CallError, type CallInput, type CallName, type CallResult, type ProgressReport } from '../../shared/contract';
import { callLong } from '../app/api';
import { nextClock, secondsLeft, type PhaseClock } from './progress-estimate';

export interface LongCallState {
  busy: boolean;
  report: ProgressReport | null;
  /** Seconds left in the current phase; null until an estimate means something. */
  left: number | null;
  cancelling: boolean;
  error: unknown;
}

const IDLE: LongCallState = { busy: false, report: null, left: null, cancelling: false, error: null };

/**
 * Runs a long call (import, export, batch) for a screen: its progress, its time left, its cancel.
 * Like useAction, the result is undefined when the call failed or was cancelled, and `error`
 * then holds why (the cancelled error says plainly that nothing was changed). `onError` hears
 * failures only: a cancel is the person's own act, shown where they pressed it, not in a toast.
 */
export function useLongCall() {
  const [state, setState] = useState<LongCallState>(IDLE);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async <N extends CallName>(name: N, input: CallInput<N>, onError?: (error: unknown) => void): Promise<CallResult<N> | undefined> => {
    const abort = new AbortController();
    controller.current = abort;
    let clock: PhaseClock | null = null;
    setState({ ...IDLE, busy: true });
    const onProgress = (report: ProgressReport) => {
      const now = performance.now();
      clock = nextClock(clock, report, now);
      const left = secondsLeft(clock, report, now);
      setState((s) => ({ ...s, report, left }));
    };
    try {
      const result = await callLong(name, input, { onProgress, signal: abort.signal });
      setState(IDLE);
      return result;
    } catch (error) {
      setState({ ...IDLE, error });
      if (!(error instanceof CallError && error.code === 'cancelled')) onError?.(error);
      return undefined;
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    if (!controller.current) return;
    setState((s) => ({ ...s, cancelling: true }));
    controller.current.abort();
  }, []);

  const setError = useCallback((error: unknown) => setState((s) => ({ ...s, error })), []);

  return { ...state, run, cancel, setError };
}

export type LongCall = ReturnType<typeof useLongCall>;

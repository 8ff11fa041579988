import type { Envelope, ProgressReport } from '../../shared/contract';
import type { Core } from '../core/app';

export interface CallOptions {
  /** Progress of a long call, in order; a queued call first hears {phase: 'waiting'}. */
  onProgress?: (report: ProgressReport) => void;
  /** Aborting cancels the call: a write rolls back, and the answer is the `cancelled` error. */
  signal?: AbortSignal;
}

/** How the transports (web host, Electron IPC) reach the core: every call answers an envelope, never rejects. */
export interface CoreClient {
  call(name: string, input: unknown, session: string | null, options?: CallOptions): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/**
 * The core on the calling thread behind the same interface (tests, tools that need no worker).
 * It blocks while a call runs, so a cancel can only arrive before the call starts.
 */
export function inProcessClient(core: Pick<Core, 'call' | 'close'>): CoreClient {
  return {
    call: async (name, input, session, options = {}) =>
      core.call(name, input, session, { onProgress: options.onProgress, isCancelled: () => options.signal?.aborted ?? false }),
    close: async () => core.close(),
  };
}

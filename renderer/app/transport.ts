import { cancelledError, type CallInput, type CallName, type CallResult, type Envelope, type ProgressReport } from '../../shared/contract';
import { failure, isEnvelope, readCallStream } from './call-stream';

/**
 * A long call's extras: its id (which names it to the cancel), where its progress goes, and the
 * signal that cancels it. Aborting sends the cancel; the call still answers with the core's own
 * envelope (the cancelled error, or its result when it finished before the cancel arrived).
 */
export interface LongCall {
  callId: string;
  onProgress(report: ProgressReport): void;
  signal?: AbortSignal;
}

/**
 * How a call reaches the core. Two transports exist and one is chosen at startup:
 * the Electron preload's bridge (one function per call name) or the web host's HTTP routes.
 */
export type Transport = (name: CallName, input: unknown, session: string | null, long?: LongCall) => Promise<Envelope<unknown>>;

/** What the Electron preload exposes on `window.erikti`: exactly the contract's calls. */
export type EriktiBridge = {
  [N in CallName]: (input: CallInput<N>, session: string | null, callId?: string) => Promise<Envelope<CallResult<N>>>;
};

/** The preload's progress channel for long calls (see README, "Progress and cancel"). */
export interface EriktiProgress {
  cancel(callId: string): Promise<void>;
  onProgress(listener: (callId: string, report: ProgressReport) => void): () => void;
}

declare global {
  interface Window {
    erikti?: EriktiBridge;
    eriktiProgress?: EriktiProgress;
  }
}

/** A call id the hosts accept ([A-Za-z0-9_-], at most 64): 128 random bits in hex. */
export function newCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Runs `cancel` once when the signal aborts (at once if it already has); returns the unhook. */
function onAbort(signal: AbortSignal | undefined, cancel: () => void): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    cancel();
    return () => undefined;
  }
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

const TOKEN_KEY = 'erikti.token';

/**
 * The web host hands its per-run token over in the URL fragment (never sent to a server).
 * Keep it for this tab only and take it out of the address bar so it is not copied or bookmarked.
 */
export function takeTokenFromUrl(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function bridgeTransport(bridge: EriktiBridge, progress: EriktiProgress | undefined): Transport {
  return async (name, input, session, long) => {
    // The bridge is typed per call; here the name is generic, so widen it once, in one place.
    const fn = bridge[name] as (input: unknown, session: string | null, callId?: string) => Promise<Envelope<unknown>>;
    if (!long || !progress) return fn(input, session);
    const { callId, onProgress, signal } = long;
    const unlisten = progress.onProgress((id, report) => id === callId && onProgress(report));
    const unhook = onAbort(signal, () => void progress.cancel(callId).catch(() => undefined));
    try {
      return await fn(input, session, callId);
    } finally {
      unhook();
      unlisten();
    }
  };
}

function httpTransport(token: string | null): Transport {
  const headers = { 'Content-Type': 'application/json', 'X-Erikti-Token': token ?? '' };
  /** Asks the host to stop a call; if the host cannot be told, closing the stream cancels it too. */
  const cancel = async (callId: string, hangUp: AbortController) => {
    try {
      const response = await fetch('/api-cancel', { method: 'POST', headers, body: JSON.stringify({ callId }) });
      if (!response.ok) hangUp.abort();
    } catch {
      hangUp.abort();
    }
  };
  return async (name, input, session, long) => {
    const hangUp = new AbortController();
    const unhook = long ? onAbort(long.signal, () => void cancel(long.callId, hangUp)) : () => undefined;
    try {
      let response: Response;
      try {
        response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(long ? { input, session, callId: long.callId } : { input, session }),
          signal: hangUp.signal,
        });
      } catch {
        return hangUp.signal.aborted ? failure(cancelledError().toPayload()) : failure({ code: 'unavailable', key: 'error.offline' });
      }
      if (long && response.body && response.headers.get('Content-Type')?.includes('application/x-ndjson')) {
        const envelope = await readCallStream(response.body, long.onProgress);
        // We hung up ourselves only because the cancel could not be sent: the host cancels on a closed stream.
        return hangUp.signal.aborted && !envelope.ok ? failure(cancelledError().toPayload()) : envelope;
      }
      return await plainEnvelope(response);
    } finally {
      unhook();
    }
  };
}

/** One JSON envelope: a short call's answer (and a long call's, from a host that does not stream). */
async function plainEnvelope(response: Response): Promise<Envelope<unknown>> {
  try {
    const body: unknown = await response.json();
    return isEnvelope(body) ? body : failure({ code: 'internal', key: 'error.internal' });
  } catch {
    return failure({ code: 'internal', key: 'error.internal' });
  }
}

/** Picks the transport once, at startup (reads the token from the URL before any routing sees it). */
export function chooseTransport(): Transport {
  if (window.erikti) return bridgeTransport(window.erikti, window.eriktiProgress);
  return httpTransport(takeTokenFromUrl());
}

import type { CallInput, CallName, CallResult, Envelope, ErrorPayload } from '../../shared/contract';

/**
 * How a call reaches the core. Two transports exist and one is chosen at startup:
 * the Electron preload's bridge (one function per call name) or the web host's HTTP routes.
 */
export type Transport = (name: CallName, input: unknown, session: string | null) => Promise<Envelope<unknown>>;

/** What the Electron preload exposes on `window.erikti`: exactly the contract's calls. */
export type EriktiBridge = {
  [N in CallName]: (input: CallInput<N>, session: string | null) => Promise<Envelope<CallResult<N>>>;
};

declare global {
  interface Window {
    erikti?: EriktiBridge;
  }
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

const failure = (error: ErrorPayload): Envelope<never> => ({ ok: false, error });

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : 'error' in value;
}

function bridgeTransport(bridge: EriktiBridge): Transport {
  return (name, input, session) => {
    // The bridge is typed per call; here the name is generic, so widen it once, in one place.
    const fn = bridge[name] as (input: unknown, session: string | null) => Promise<Envelope<unknown>>;
    return fn(input, session);
  };
}

function httpTransport(token: string | null): Transport {
  return async (name, input, session) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Erikti-Token': token ?? '' },
        body: JSON.stringify({ input, session }),
      });
    } catch {
      return failure({ code: 'unavailable', key: 'error.offline' });
    }
    try {
      const body: unknown = await response.json();
      return isEnvelope(body) ? body : failure({ code: 'internal', key: 'error.internal' });
    } catch {
      return failure({ code: 'internal', key: 'error.internal' });
    }
  };
}

/** Picks the transport once, at startup (reads the token from the URL before any routing sees it). */
export function chooseTransport(): Transport {
  if (window.erikti) return bridgeTransport(window.erikti);
  return httpTransport(takeTokenFromUrl());
}

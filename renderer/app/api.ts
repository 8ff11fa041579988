import { CallError, cancelledError, type CallInput, type CallName, type CallResult, type Envelope, type ProgressReport } from '../../shared/contract';
import { useSession } from './session';
import { chooseTransport, newCallId, type LongCall, type Transport } from './transport';

let transport: Transport | null = null;

/** Chooses the transport; main.tsx calls it first thing, before routing reads the URL. */
export function startApi(): void {
  transport ??= chooseTransport();
}

/**
 * The typed client of the contract: the call's name fixes its input and result types.
 * A failed call throws a CallError carrying the core's translation key, params and field problems.
 */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> {
  return send(name, input);
}

export interface LongCallOptions {
  /** Progress reports, in order: phase, done and total within the phase. */
  onProgress?: (report: ProgressReport) => void;
  /** Aborting it cancels the call: the core rolls back and the call throws the cancelled error. */
  signal?: AbortSignal;
}

/**
 * A long call (the contract marks them `long`: imports, exports, batches): like `call`, with
 * progress and cancel. If the call finished before the cancel reached the core, its result
 * stands and is returned: the screen then says what was done, never "nothing was changed".
 */
export async function callLong<N extends CallName>(name: N, input: CallInput<N>, options: LongCallOptions = {}): Promise<CallResult<N>> {
  if (options.signal?.aborted) throw cancelledError();
  return send(name, input, { callId: newCallId(), onProgress: options.onProgress ?? (() => undefined), signal: options.signal });
}

async function send<N extends CallName>(name: N, input: CallInput<N>, long?: LongCall): Promise<CallResult<N>> {
  const transportNow = (transport ??= chooseTransport());
  const session = useSession.getState().session;
  const envelope: Envelope<unknown> = await transportNow(name, input, session, long);
  if (envelope.ok) return envelope.value as CallResult<N>;
  const error = new CallError(envelope.error);
  // A session the core no longer knows (restart, deactivated user): back to the sign-in screen.
  if (error.code === 'unauthenticated' && session !== null) useSession.getState().signedOut('error.signInAgain');
  throw error;
}

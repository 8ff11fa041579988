import { CallError, type CallInput, type CallName, type CallResult } from '../../shared/contract';
import { useSession } from './session';
import { chooseTransport, type Transport } from './transport';

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
  const send = (transport ??= chooseTransport());
  const session = useSession.getState().session;
  const envelope = await send(name, input, session);
  if (envelope.ok) return envelope.value as CallResult<N>;
  const error = new CallError(envelope.error);
  // A session the core no longer knows (restart, deactivated user): back to the sign-in screen.
  if (error.code === 'unauthenticated' && session !== null) useSession.getState().signedOut('error.signInAgain');
  throw error;
}

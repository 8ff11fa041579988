import type { ReadContext } from '../context';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';

/**
 * Sessions are run by the office that set them up (or the centre): only it enrols, marks and
 * grants here, so this office never holds a change the others refuse (exchange/authority.ts).
 * An unknown session is left to the call's own "not found". Bulk enrolment from the roster asks too.
 */
export function sessionRunHere(ctx: ReadContext, sessionId: string): void {
  if (prepared(ctx.db, 'SELECT 1 FROM training_sessions WHERE id = ?').get(sessionId)) assertMayChange(ctx.db, 'training_sessions', sessionId);
}

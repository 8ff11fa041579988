import { CallError } from '../../../shared/contract/errors';
import type { DeactivationReason, VolunteerStatus } from '../../../shared/domain/vocabulary';
import { assertMayChange } from '../exchange/authority';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { updateReplicated, type WriteStamp } from '../replication/write';

/** Why a person is deactivated: one of the listed reasons, and a note (required for `other`). */
export interface Deactivation {
  reason?: DeactivationReason | null;
  note?: string | null;
}

/**
 * Sets a person's status: the one path of the profile's Deactivate / Activate and of bulk
 * actions. Deactivating records the reason given (or none); any other status clears it, so a
 * reason always belongs to the current deactivation. A reason with another status, or `other`
 * without a note, is refused. `id` is a live record's (the caller resolved merges).
 */
export function setVolunteerStatus(stamp: WriteStamp, id: string, status: VolunteerStatus, deactivation: Deactivation = {}): void {
  const reason = deactivation.reason ?? null;
  const note = deactivation.note?.trim() || null;
  if (status !== 'inactive' && (reason || note)) {
    throw new CallError({ code: 'validation', key: 'error.deactivation.notInactive' }, 'A deactivation reason goes with the inactive status only');
  }
  if (reason === 'other' && !note) throw new CallError({ code: 'validation', key: 'error.deactivation.noteNeeded' }, 'The reason "other" needs a note');
  assertLive(stamp.db, id);
  assertMayChange(stamp.db, 'volunteers', id);
  updateReplicated(stamp, 'volunteers', id, { status, deactivation_reason: reason, deactivation_note: note });
}

function assertLive(db: ReadDb, id: string): void {
  if (!prepared(db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id)) {
    throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id } }, `No volunteer ${id}`);
  }
}

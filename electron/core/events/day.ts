import { HOLDING_STATUSES, dateOf, shiftHoursId, workedHours } from '../../../shared/domain/events';
import { prepared } from '../db/statements';
import { updateReplicated, type WriteStamp } from '../replication/write';
import { writeEntry } from './ledger';
import { refuse, shiftWithEvent } from './shared';
import { liveAssignment } from './staffing';

/**
 * The day itself: check-in, check-out (which writes the person's hour entry for the shift) and
 * no-shows. Planned times stay on the shift; actual times are on the assignment.
 */

function holdingAssignment(w: WriteStamp, shiftId: string, volunteerId: string) {
  const a = liveAssignment(w.db, shiftId, volunteerId);
  if (!HOLDING_STATUSES.includes(a.status)) throw refuse('error.events.notAssigned', 'This person no longer holds a place', undefined, 'conflict');
  return a;
}

/**
 * Checks the person in (again, to correct the time). For someone already checked out the hours
 * are rewritten from the corrected arrival in the same write, so the times and the hours agree.
 */
export function checkIn(w: WriteStamp, shiftId: string, volunteerId: string, at: string): void {
  const { event } = shiftWithEvent(w.db, shiftId);
  if (event.status === 'cancelled') throw refuse('error.events.eventClosed', 'The event is cancelled', undefined, 'conflict');
  const a = holdingAssignment(w, shiftId, volunteerId);
  updateReplicated(w, 'assignments', a.id, { checked_in_at: at, no_show: 0 });
  const checkedOut = prepared(w.db, 'SELECT checked_out_at FROM assignments WHERE id = ?').pluck().get(a.id) as string | null;
  if (checkedOut) checkOut(w, shiftId, volunteerId, checkedOut);
}

/**
 * Checks the person out and writes the shift's hours: actual time, rounded to the quarter hour,
 * counted on the shift's start date. The entry's id is the pair `shift:volunteer`, so a second
 * check-out (here or at another office) rewrites the same entry until it is verified.
 */
export function checkOut(w: WriteStamp, shiftId: string, volunteerId: string, at: string): { entryId: string; hours: number } {
  const { shift, event } = shiftWithEvent(w.db, shiftId);
  const a = holdingAssignment(w, shiftId, volunteerId);
  const checkedIn = prepared(w.db, 'SELECT checked_in_at FROM assignments WHERE id = ?').pluck().get(a.id) as string | null;
  if (!checkedIn) throw refuse('error.events.notCheckedIn', 'Not checked in yet', undefined, 'conflict');
  if (at < checkedIn) throw refuse('error.events.checkOutBeforeCheckIn', 'Check-out before check-in');
  const hours = workedHours(checkedIn, at);
  updateReplicated(w, 'assignments', a.id, { checked_out_at: at });
  const entryId = shiftHoursId(shiftId, a.volunteerId);
  writeEntry(w, entryId, shiftId, {
    volunteerId: a.volunteerId, eventId: event.id, shiftId, source: 'shift', date: dateOf(shift.start_at), hours, category: event.category, note: null,
  }, false);
  return { entryId, hours };
}

/** Everyone still holding a place who never checked in becomes a no-show; returns who. */
export function markNoShows(w: WriteStamp, shiftId: string): string[] {
  shiftWithEvent(w.db, shiftId);
  const ids = prepared(
    w.db,
    `SELECT id, volunteer_id FROM assignments a WHERE a.shift_id = ? AND a.deleted = 0 AND a.checked_in_at IS NULL AND a.no_show = 0
     AND a.status IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')}) ORDER BY a.volunteer_id`,
  ).all(shiftId) as { id: string; volunteer_id: string }[];
  for (const a of ids) updateReplicated(w, 'assignments', a.id, { no_show: 1 });
  return ids.map((a) => a.volunteer_id);
}

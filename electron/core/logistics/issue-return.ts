import type { EventLogistics, HeldRow } from '../../../shared/contract/logistics';
import type { ReturnCondition } from '../../../shared/domain/logistics';
import { HOLDING_STATUSES, isLiveEvent } from '../../../shared/domain/events';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { PERSON_NAME_SQL, loadEventFacts } from '../events/shared';
import { newId } from '../replication/ids';
import { resolveSurvivor } from '../replication/merges';
import { insertReplicated, type WriteStamp } from '../replication/write';
import { assertHeldHere, checkQuantity, itemName, loadItem, refuse, tidy } from './shared';
import { onShelf, stockOf } from './stock';

/**
 * Equipment handed to a person for an event and taken back: one row each, so the balance of what
 * a person holds is issued less returned, and nothing is ever overwritten by a later count.
 */

export function livePerson(db: ReadDb, asked: string): string {
  const id = resolveSurvivor(db, 'volunteers', asked);
  if (!prepared(db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id)) throw refuse('error.volunteerNotFound', `No volunteer ${id}`, { id }, 'notFound');
  return id;
}

/** Whether the person is on one of the event's shifts (invited or confirmed, not declined or cancelled). */
export function isOnEvent(db: ReadDb, eventId: string, volunteerId: string): boolean {
  return prepared(
    db,
    `SELECT 1 FROM assignments a JOIN shifts s ON s.id = a.shift_id WHERE s.event_id = ? AND s.deleted = 0 AND a.volunteer_id = ? AND a.deleted = 0
     AND a.status IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})`,
  ).get(eventId, volunteerId) !== undefined;
}

/** Refuses someone not on the event's shifts, naming them; a trip's refusal also covers its driver. */
export function refuseNotOnEvent(db: ReadDb, volunteerId: string, key: 'error.logistics.notOnShifts' | 'error.logistics.notOnEvent' = 'error.logistics.notOnShifts'): never {
  const name = prepared(db, `SELECT ${PERSON_NAME_SQL} FROM volunteers v WHERE v.id = ?`).pluck().get(volunteerId) as string;
  throw refuse(key, `${name} is not on the event's shifts`, { name }, 'conflict');
}

/** Issued less returned, for the event and item, and (when given) one person. */
function outFor(db: ReadDb, eventId: string, itemId: string, volunteerId?: string): number {
  const row = prepared(
    db,
    `SELECT COALESCE(sum(CASE kind WHEN 'issue' THEN quantity ELSE -quantity END), 0) AS n FROM handouts
     WHERE event_id = ? AND item_id = ? AND deleted = 0 AND (? IS NULL OR volunteer_id = ?)`,
  ).get(eventId, itemId, volunteerId ?? null, volunteerId ?? null) as { n: number };
  return tidy(row.n);
}

function handout(w: WriteStamp, values: { eventId: string; itemId: string; volunteerId: string; kind: 'issue' | 'return'; quantity: number; condition: ReturnCondition | null; note: string }): string {
  const id = newId();
  insertReplicated(w, 'handouts', id, {
    event_id: values.eventId, item_id: values.itemId, volunteer_id: values.volunteerId, kind: values.kind, quantity: values.quantity,
    condition: values.condition, note: values.note.trim() || null, handed_at: w.at, deleted: 0,
  });
  return id;
}

/** Hands things to a person: within what the event was allocated and what is on the shelf. */
export function issue(w: WriteStamp, input: { eventId: string; itemId: string; volunteerId: string; quantity: number }): string {
  const event = loadEventFacts(w.db, input.eventId);
  if (!isLiveEvent(event.status)) throw refuse('error.events.eventClosed', 'The event is cancelled or closed', undefined, 'conflict');
  const item = loadItem(w.db, input.itemId);
  assertHeldHere(w.db, item);
  checkQuantity(item, input.quantity);
  const person = livePerson(w.db, input.volunteerId);
  // Equipment goes to the event's people: the return sheet and the printed roster list them.
  if (!isOnEvent(w.db, event.id, person)) refuseNotOnEvent(w.db, person);
  const allocated = (prepared(w.db, 'SELECT COALESCE(sum(quantity), 0) AS n FROM allocations WHERE event_id = ? AND item_id = ? AND deleted = 0').get(event.id, item.id) as { n: number }).n;
  const out = outFor(w.db, event.id, item.id);
  if (out + input.quantity > allocated) {
    throw refuse('error.logistics.beyondAllocated', `${event.title} was allocated ${allocated} of ${itemName(item)}, ${out} already out`, { item: itemName(item), allocated, out }, 'conflict');
  }
  const shelf = onShelf(stockOf(w.db, item));
  if (input.quantity > shelf) throw refuse('error.logistics.notEnoughStock', `Only ${shelf} of ${itemName(item)} on the shelf`, { item: itemName(item), onHand: shelf, unit: item.unit ?? '' }, 'conflict');
  return handout(w, { ...input, volunteerId: person, kind: 'issue', condition: null, note: '' });
}

/** Takes things back from a person (some may come back damaged, or be missing); never more than they hold. */
export function takeBack(w: WriteStamp, input: { eventId: string; itemId: string; volunteerId: string; quantity: number; condition: ReturnCondition; note: string }): string {
  loadEventFacts(w.db, input.eventId);
  const item = loadItem(w.db, input.itemId);
  assertHeldHere(w.db, item);
  checkQuantity(item, input.quantity);
  const person = livePerson(w.db, input.volunteerId);
  const held = outFor(w.db, input.eventId, item.id, person);
  if (input.quantity > held) throw refuse('error.logistics.returnBeyondIssued', `The person holds ${held} of ${itemName(item)}`, { item: itemName(item), out: held }, 'conflict');
  return handout(w, { ...input, volunteerId: person, kind: 'return' });
}

/** Who holds what of the event's equipment now (the return sheet), by name. */
export function heldOn(db: ReadDb, eventId: string): HeldRow[] {
  return prepared(
    db,
    `SELECT h.item_id AS itemId, h.volunteer_id AS volunteerId, ${PERSON_NAME_SQL} AS name, v.phone,
       sum(CASE h.kind WHEN 'issue' THEN h.quantity ELSE -h.quantity END) AS out
     FROM handouts h JOIN volunteers v ON v.id = h.volunteer_id
     WHERE h.event_id = ? AND h.deleted = 0 GROUP BY h.item_id, h.volunteer_id HAVING out > 0 ORDER BY v.sort_name, v.id, h.item_id`,
  ).all(eventId) as HeldRow[];
}

/** The event's handouts in the order they happened. */
export function handoutsOf(db: ReadDb, eventId: string): EventLogistics['handouts'] {
  return prepared(
    db,
    `SELECT h.id, h.item_id AS itemId, h.volunteer_id AS volunteerId, ${PERSON_NAME_SQL} AS name, h.kind, h.quantity, h.condition, h.handed_at AS at
     FROM handouts h JOIN volunteers v ON v.id = h.volunteer_id WHERE h.event_id = ? AND h.deleted = 0 ORDER BY h.handed_at, h.id`,
  ).all(eventId) as EventLogistics['handouts'];
}

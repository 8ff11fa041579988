import type { ItemLine } from '../../../shared/contract/logistics';
import { eventPeriod, peakConcurrent, periodsOverlap, type Holding, type Period } from '../../../shared/domain/logistics';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { loadEventFacts, loadShiftFacts } from '../events/shared';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { stockOf, type Stock } from './stock';
import { isLiveEvent } from '../../../shared/domain/events';
import { LIVE_EVENT_SQL, checkQuantity, itemName, loadItem, refuse, tidy, type ItemFacts } from './shared';

/**
 * Stock set aside for events. Reusables are needed at the same moment: what an event may take is
 * what is on hand less the PEAK held by the allocations overlapping its period (two events on
 * different days share tents). Consumables are used up: what is free is on hand less the total
 * still awaited by live events. Cancelled and closed events hold nothing (so cancelling an event
 * releases its allocations at every office, whatever order the bundles come in).
 */

interface AllocationSql {
  event_id: string;
  quantity: number;
  start_date: string;
  end_date: string;
  start_at: string | null;
  end_at: string | null;
}

interface HandoutSums {
  event_id: string;
  start_date: string;
  end_date: string;
  status: string;
  issued: number;
  returned: number;
}

function allocationsOf(db: ReadDb, itemId: string): AllocationSql[] {
  return prepared(
    db,
    `SELECT a.event_id, a.quantity, e.start_date, e.end_date, s.start_at, s.end_at
     FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN shifts s ON s.id = a.shift_id AND s.deleted = 0
     WHERE a.item_id = ? AND a.deleted = 0 AND ${LIVE_EVENT_SQL}`,
  ).all(itemId) as AllocationSql[];
}

function handoutsByEvent(db: ReadDb, itemId: string): HandoutSums[] {
  return prepared(
    db,
    `SELECT h.event_id, e.start_date, e.end_date, e.status,
       COALESCE(sum(CASE WHEN h.kind = 'issue' THEN h.quantity END), 0) AS issued,
       COALESCE(sum(CASE WHEN h.kind = 'return' THEN h.quantity END), 0) AS returned
     FROM handouts h JOIN events e ON e.id = h.event_id WHERE h.item_id = ? AND h.deleted = 0 GROUP BY h.event_id`,
  ).all(itemId) as HandoutSums[];
}

const periodOf = (a: AllocationSql): Period => (a.start_at && a.end_at ? { start: a.start_at, end: a.end_at } : eventPeriod(a.start_date, a.end_date));

export interface Availability {
  /** Set aside in the period (reusables: the peak; consumables: the total awaited). */
  allocated: number;
  /** What may still be allocated in the period; below zero when more was allocated than there is. */
  free: number;
}

/**
 * What is free of an item in `period`. Consumables count what live events ending on or after
 * `fromDate` (today, or the day asked) still await, whatever their days: water set aside for
 * next week's event is not there for the one after it.
 * Reusables out with people for an event outside the period (or a closed one) are not there to give.
 */
export function availability(db: ReadDb, item: ItemFacts, stock: Stock, period: Period, fromDate: string): Availability {
  const allocations = allocationsOf(db, item.id);
  const handouts = handoutsByEvent(db, item.id);
  if (item.kind === 'consumable') {
    const byEvent = new Map<string, number>();
    for (const a of allocations) if (a.end_date >= fromDate) byEvent.set(a.event_id, (byEvent.get(a.event_id) ?? 0) + a.quantity);
    // What an event has been issued (less what came back) came out of its allocation already.
    for (const h of handouts) if (byEvent.has(h.event_id)) byEvent.set(h.event_id, Math.max(0, byEvent.get(h.event_id)! - (h.issued - h.returned)));
    const allocated = tidy([...byEvent.values()].reduce((s, q) => s + q, 0));
    return { allocated, free: tidy(stock.onHand - allocated) };
  }
  const holdings: Holding[] = allocations.map((a) => ({ ...periodOf(a), quantity: a.quantity }));
  const allocatedTo = new Map<string, number>();
  for (const a of allocations) allocatedTo.set(a.event_id, (allocatedTo.get(a.event_id) ?? 0) + a.quantity);
  let outElsewhere = 0;
  for (const h of handouts) {
    const out = h.issued - h.returned;
    if (out <= 0) continue;
    const own = eventPeriod(h.start_date, h.end_date);
    // Things handed out beyond an event's allocation are held over its period too; after it (or
    // for a closed event) they are simply not on the shelf until they come back.
    if (isLiveEvent(h.status) && periodsOverlap(own, period)) holdings.push({ ...own, quantity: Math.max(0, out - (allocatedTo.get(h.event_id) ?? 0)) });
    else outElsewhere += out;
  }
  const allocated = peakConcurrent(holdings, period);
  return { allocated, free: tidy(stock.onHand - allocated - outElsewhere) };
}

/** The period an allocation holds: its shift's, else its event's days. */
function allocationPeriod(db: ReadDb, eventId: string, shiftId: string | undefined): Period {
  const event = loadEventFacts(db, eventId);
  if (!shiftId) return eventPeriod(event.start_date, event.end_date);
  const shift = loadShiftFacts(db, shiftId);
  if (shift.event_id !== eventId) throw refuse('error.events.unknownShift', `Shift ${shiftId} is not on event ${eventId}`, { id: shiftId }, 'notFound');
  return { start: shift.start_at, end: shift.end_at };
}

function assertEventOpen(db: ReadDb, eventId: string): void {
  const event = loadEventFacts(db, eventId);
  if (!isLiveEvent(event.status)) throw refuse('error.events.eventClosed', 'The event is cancelled or closed', undefined, 'conflict');
}

/** Sets aside `quantity` for the event; refused beyond what is free in its period, naming how many are. */
export function allocate(w: WriteStamp, input: { eventId: string; itemId: string; quantity: number; shiftId?: string }, today: string): { id: string; free: number } {
  assertEventOpen(w.db, input.eventId);
  const item = loadItem(w.db, input.itemId);
  checkQuantity(item, input.quantity);
  const period = allocationPeriod(w.db, input.eventId, input.shiftId);
  const { free } = availability(w.db, item, stockOf(w.db, item), period, today);
  if (input.quantity > free) {
    const left = Math.max(0, free);
    throw refuse('error.logistics.shortage', `Only ${left} of ${itemName(item)} free for that period`, { item: itemName(item), free: left, asked: input.quantity, unit: item.unit ?? '' }, 'conflict');
  }
  const id = newId();
  const values = { event_id: input.eventId, shift_id: input.shiftId ?? null, item_id: item.id, quantity: input.quantity, deleted: 0 };
  assertMayChange(w.db, 'allocations', id, values);
  insertReplicated(w, 'allocations', id, values);
  return { id, free: tidy(free - input.quantity) };
}

export function release(w: WriteStamp, id: string): void {
  if (!prepared(w.db, 'SELECT 1 FROM allocations WHERE id = ? AND deleted = 0').get(id)) throw refuse('error.logistics.unknownAllocation', `No allocation ${id}`, { id }, 'notFound');
  assertMayChange(w.db, 'allocations', id);
  updateReplicated(w, 'allocations', id, { deleted: 1 });
}

/** The event's planned need of an item (a plan, not a count: the last one set is the need). */
export function request(w: WriteStamp, eventId: string, itemId: string, quantity: number): void {
  assertEventOpen(w.db, eventId);
  const item = loadItem(w.db, itemId);
  if (quantity > 0) checkQuantity(item, quantity);
  const id = `${eventId}:${itemId}`;
  assertMayChange(w.db, 'logistics_requests', id, { event_id: eventId });
  if (prepared(w.db, 'SELECT 1 FROM logistics_requests WHERE id = ?').get(id)) updateReplicated(w, 'logistics_requests', id, { quantity, deleted: 0 });
  else insertReplicated(w, 'logistics_requests', id, { event_id: eventId, item_id: itemId, quantity, deleted: 0 });
}

/** Requested / allocated / issued / returned / used per item for the event, and its shortages. */
export function eventLines(db: ReadDb, eventId: string, today: string): ItemLine[] {
  const event = loadEventFacts(db, eventId);
  const live = isLiveEvent(event.status);
  const itemIds = prepared(
    db,
    `SELECT item_id FROM logistics_requests WHERE event_id = ? AND deleted = 0
     UNION SELECT item_id FROM allocations WHERE event_id = ? AND deleted = 0
     UNION SELECT item_id FROM handouts WHERE event_id = ? AND deleted = 0`,
  ).pluck().all(eventId, eventId, eventId) as string[];
  const lines = itemIds.flatMap((itemId) => {
    const item = prepared(db, 'SELECT * FROM inventory_items WHERE id = ? AND deleted = 0').get(itemId) as ItemFacts | undefined;
    if (!item) return [];
    // Sums of fractional consumables carry binary noise (0.1 + 0.2 l); the line shows what was typed.
    const sum = (sql: string) => tidy((prepared(db, sql).get(eventId, itemId) as { n: number | null }).n ?? 0);
    const requested = sum('SELECT sum(quantity) AS n FROM logistics_requests WHERE event_id = ? AND item_id = ? AND deleted = 0');
    const allocated = live ? sum('SELECT sum(quantity) AS n FROM allocations WHERE event_id = ? AND item_id = ? AND deleted = 0') : 0;
    const issued = sum("SELECT sum(quantity) AS n FROM handouts WHERE event_id = ? AND item_id = ? AND deleted = 0 AND kind = 'issue'");
    const returned = sum("SELECT sum(quantity) AS n FROM handouts WHERE event_id = ? AND item_id = ? AND deleted = 0 AND kind = 'return'");
    const lost = sum("SELECT sum(quantity) AS n FROM handouts WHERE event_id = ? AND item_id = ? AND deleted = 0 AND kind = 'return' AND condition IN ('damaged', 'missing')");
    const { free } = availability(db, item, stockOf(db, item), eventPeriod(event.start_date, event.end_date), today);
    // Beyond what is free: a request not yet covered, or allocations two offices made of the same stock.
    const shortage = live ? tidy(Math.max(0, requested - allocated - Math.max(0, free)) + Math.max(0, -free)) : 0;
    return [{
      itemId, name: { kk: item.name_kk ?? '', ru: item.name_ru ?? '' }, kind: item.kind, unit: item.unit ?? '',
      requested, allocated, issued, returned, used: tidy(item.kind === 'consumable' ? issued - returned : lost), free: Math.max(0, free), shortage,
    }];
  });
  return lines.sort((a, b) => (a.name.ru || a.name.kk).localeCompare(b.name.ru || b.name.kk, 'ru'));
}

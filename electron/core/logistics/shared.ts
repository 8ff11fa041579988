import { CallError } from '../../../shared/contract/errors';
import { CLOSED_EVENT_STATUSES } from '../../../shared/domain/events';
import { isValidQuantity, type ItemKind } from '../../../shared/domain/logistics';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { readOffice } from '../office/identity';
import { refuse } from '../events/shared';

/** What the logistics modules share: the office here, loading an item, checking a count. */

export { refuse };

/** This office's code; null for a database that is not an office's (tests, a fresh file). */
export const officeHere = (db: ReadDb): string | null => readOffice(db)?.code ?? null;

export interface ItemFacts {
  id: string;
  office: string | null;
  name_kk: string | null;
  name_ru: string | null;
  kind: ItemKind;
  unit: string | null;
  inventory_number: string | null;
  storage_place: string | null;
  min_level: number | null;
}

export function loadItem(db: ReadDb, id: string): ItemFacts {
  const row = prepared(db, 'SELECT id, office, name_kk, name_ru, kind, unit, inventory_number, storage_place, min_level FROM inventory_items WHERE id = ? AND deleted = 0').get(id) as ItemFacts | undefined;
  if (!row) throw refuse('error.logistics.unknownItem', `No inventory item ${id}`, { id }, 'notFound');
  return row;
}

/** The item's name for messages and paper: Russian, else Kazakh (the reader's language first when given). */
export function itemName(item: Pick<ItemFacts, 'name_kk' | 'name_ru'>, lang?: string): string {
  const [first, second] = lang === 'kk' ? [item.name_kk, item.name_ru] : [item.name_ru, item.name_kk];
  return first?.trim() || second?.trim() || '';
}

/** Refuses a negative, zero or (for a reusable) fractional count, naming the item. */
export function checkQuantity(item: ItemFacts, quantity: number): void {
  if (!isValidQuantity(item.kind, quantity)) {
    throw refuse(item.kind === 'reusable' ? 'error.logistics.wholeNumber' : 'error.logistics.quantity', `${quantity} is not a valid count of ${itemName(item)}`, { item: itemName(item), quantity });
  }
}

/**
 * Physical stock changes (receipts, write-offs, transfers, issues, returns) are recorded by the
 * office that holds the item, one at a time there, so offline records at two offices can never
 * take the same things twice; plans (allocations) may be made anywhere, and a shortage shows.
 */
export function assertHeldHere(db: ReadDb, item: ItemFacts): void {
  const here = officeHere(db);
  if (here !== null && item.office !== null && item.office !== here) {
    throw new CallError({ code: 'forbidden', key: 'error.logistics.heldElsewhere', params: { item: itemName(item), office: item.office } }, `${itemName(item)} is kept by the ${item.office} office`);
  }
}

/** SQL (on `e`) for events whose plans still hold things: cancelled and closed ones release theirs. */
export const LIVE_EVENT_SQL = `e.deleted = 0 AND e.status NOT IN (${CLOSED_EVENT_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Rounds away binary noise of sums of fractional consumables (litres). */
export const tidy = (n: number) => Math.round(n * 1000) / 1000;

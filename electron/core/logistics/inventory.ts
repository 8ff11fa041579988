import type { z } from 'zod';
import type { StockRow, TransferRow, itemInput } from '../../../shared/contract/logistics';
import { dayPeriod } from '../../../shared/domain/logistics';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { availability } from './allocation';
import { onShelf, stockOf } from './stock';
import { assertHeldHere, checkQuantity, itemName, loadItem, officeHere, refuse, type ItemFacts } from './shared';

/** Items and their stock: every receipt, write-off and transfer is a movement row; stock is their sum. */

type ItemArgs = z.output<typeof itemInput>;

export function addItem(w: WriteStamp, input: ItemArgs): string {
  const id = newId();
  insertReplicated(w, 'inventory_items', id, {
    office: officeHere(w.db), name_kk: input.name.kk.trim(), name_ru: input.name.ru.trim(), kind: input.kind, unit: input.unit.trim() || 'pcs',
    inventory_number: input.inventoryNumber.trim() || null, storage_place: input.storagePlace.trim() || null, min_level: input.minLevel, deleted: 0,
  });
  if (input.quantity > 0) {
    const item = loadItem(w.db, id);
    checkQuantity(item, input.quantity);
    movement(w, item, 'receipt', input.quantity, '');
  }
  return id;
}

function movement(w: WriteStamp, item: ItemFacts, kind: 'receipt' | 'writeOff' | 'transfer', quantity: number, reason: string, extra: Record<string, string | null> = {}): string {
  const id = newId();
  insertReplicated(w, 'stock_movements', id, {
    item_id: item.id, kind, quantity, moved_on: todayInKazakhstan(new Date(w.at)), reason: reason.trim() || null,
    to_office: null, received_at: null, received_by: null, received_item_id: null, transfer_id: null, ...extra, deleted: 0,
  });
  return id;
}

export function receive(w: WriteStamp, itemId: string, quantity: number, reason: string): string {
  const item = loadItem(w.db, itemId);
  assertHeldHere(w.db, item);
  checkQuantity(item, quantity);
  return movement(w, item, 'receipt', quantity, reason);
}

/** Takes stock off the shelf (a write-off or a transfer); never more than is there. */
function takeOff(w: WriteStamp, itemId: string, quantity: number, kind: 'writeOff' | 'transfer', reason: string, extra: Record<string, string | null> = {}): string {
  const item = loadItem(w.db, itemId);
  assertHeldHere(w.db, item);
  checkQuantity(item, quantity);
  const shelf = onShelf(stockOf(w.db, item));
  if (quantity > shelf) throw refuse('error.logistics.notEnoughStock', `Only ${shelf} of ${itemName(item)} on the shelf`, { item: itemName(item), onHand: shelf, unit: item.unit ?? '' }, 'conflict');
  return movement(w, item, kind, quantity, reason, extra);
}

export const writeOff = (w: WriteStamp, itemId: string, quantity: number, reason: string) => takeOff(w, itemId, quantity, 'writeOff', reason);

export function transfer(w: WriteStamp, itemId: string, quantity: number, toOffice: string, reason: string): string {
  if (toOffice === loadItem(w.db, itemId).office) throw refuse('error.logistics.transferToSelf', 'A transfer goes to another office');
  return takeOff(w, itemId, quantity, 'transfer', reason, { to_office: toOffice });
}

interface TransferSql {
  id: string;
  item_id: string;
  quantity: number;
  moved_on: string;
  to_office: string;
  received_at: string | null;
  office: string | null;
  name_kk: string | null;
  name_ru: string | null;
  unit: string | null;
}

const TRANSFER_SELECT = `SELECT m.id, m.item_id, m.quantity, m.moved_on, m.to_office, m.received_at, i.office, i.name_kk, i.name_ru, i.unit
  FROM stock_movements m JOIN inventory_items i ON i.id = m.item_id WHERE m.kind = 'transfer' AND m.deleted = 0`;

const transferOf = (r: TransferSql): TransferRow => ({
  id: r.id, itemId: r.item_id, name: { kk: r.name_kk ?? '', ru: r.name_ru ?? '' }, unit: r.unit ?? '', quantity: r.quantity,
  from: r.office, to: r.to_office, sentOn: r.moved_on, receivedAt: r.received_at,
});

export function transfers(db: ReadDb): { incoming: TransferRow[]; outgoing: TransferRow[] } {
  const here = officeHere(db);
  const incoming = (prepared(db, `${TRANSFER_SELECT} AND m.to_office IS ? AND m.received_at IS NULL ORDER BY m.moved_on, m.id`).all(here) as TransferSql[])
    .filter((t) => !receivedInto(db, t.id));
  const outgoing = prepared(db, `${TRANSFER_SELECT} AND i.office IS ? AND m.received_at IS NULL ORDER BY m.moved_on, m.id`).all(here) as TransferSql[];
  return { incoming: incoming.map(transferOf), outgoing: outgoing.map(transferOf) };
}

const receivedInto = (db: ReadDb, transferId: string) =>
  prepared(db, "SELECT 1 FROM stock_movements WHERE transfer_id = ? AND kind = 'receipt' AND deleted = 0").get(transferId) !== undefined;

/**
 * The receiving office takes a transfer in: a receipt into its own item (a new one like the
 * sender's when none is named), and the transfer marked received. Only the office it was sent to
 * writes these, so the marks never conflict.
 */
export function receiveTransfer(w: WriteStamp, transferId: string, intoItemId: string | undefined): string {
  const t = prepared(w.db, `${TRANSFER_SELECT} AND m.id = ?`).get(transferId) as TransferSql | undefined;
  if (!t) throw refuse('error.logistics.unknownTransfer', `No transfer ${transferId}`, { id: transferId }, 'notFound');
  const here = officeHere(w.db);
  if (here !== null && t.to_office !== here) throw refuse('error.logistics.notForThisOffice', `The transfer is for ${t.to_office}`, { office: t.to_office }, 'conflict');
  // A receipt naming the transfer counts too: the mark on the sender's row may arrive later than
  // the receipt, or be written over by a forged bundle the sender's authority does not cover.
  if (t.received_at || receivedInto(w.db, t.id)) throw refuse('error.logistics.alreadyReceived', 'The transfer was received already', undefined, 'conflict');
  const sent = loadItem(w.db, t.item_id);
  let into: ItemFacts;
  if (intoItemId) {
    into = loadItem(w.db, intoItemId);
    assertHeldHere(w.db, into);
    if (into.kind !== sent.kind) throw refuse('error.logistics.kindMismatch', 'The item is of another kind', { item: itemName(into) });
  } else {
    const id = newId();
    insertReplicated(w, 'inventory_items', id, {
      office: here, name_kk: sent.name_kk, name_ru: sent.name_ru, kind: sent.kind, unit: sent.unit, inventory_number: null, storage_place: null, min_level: 0, deleted: 0,
    });
    into = loadItem(w.db, id);
  }
  movement(w, into, 'receipt', t.quantity, '', { transfer_id: t.id });
  updateReplicated(w, 'stock_movements', t.id, { received_at: w.at, received_by: w.actor, received_item_id: into.id });
  return into.id;
}


export function stockList(db: ReadDb, options: { on?: string; office?: string; now: Date }): StockRow[] {
  const on = options.on ?? todayInKazakhstan(options.now);
  const office = options.office === 'all' ? undefined : (options.office ?? officeHere(db));
  const items = (office === undefined
    ? prepared(db, 'SELECT * FROM inventory_items WHERE deleted = 0 ORDER BY office, name_ru, id').all()
    : prepared(db, 'SELECT * FROM inventory_items WHERE deleted = 0 AND office IS ? ORDER BY name_ru, id').all(office ?? null)) as ItemFacts[];
  return items.map((item) => {
    const stock = stockOf(db, item);
    const a = availability(db, item, stock, dayPeriod(on), on);
    return {
      id: item.id, office: item.office, name: { kk: item.name_kk ?? '', ru: item.name_ru ?? '' }, kind: item.kind, unit: item.unit ?? '',
      inventoryNumber: item.inventory_number ?? '', storagePlace: item.storage_place ?? '', minLevel: item.min_level ?? 0,
      onHand: stock.onHand, out: stock.out, allocated: a.allocated, free: a.free, belowMinimum: stock.onHand < (item.min_level ?? 0),
    };
  });
}

import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { tidy, type ItemFacts } from './shared';

/** Stock on hand, always a sum of the merged rows (movements and handouts), never a stored counter. */

export interface Stock {
  /** Owned here now (see stockRow.onHand). */
  onHand: number;
  /** Reusables issued and not back. */
  out: number;
}

/** Sums of an item's movements and handouts, as merged. */
export function stockOf(db: ReadDb, item: ItemFacts): Stock {
  const m = prepared(
    db,
    `SELECT COALESCE(sum(CASE kind WHEN 'receipt' THEN quantity ELSE -quantity END), 0) AS net
     FROM stock_movements WHERE item_id = ? AND deleted = 0`,
  ).get(item.id) as { net: number };
  const h = prepared(
    db,
    `SELECT COALESCE(sum(CASE WHEN kind = 'issue' THEN quantity END), 0) AS issued,
            COALESCE(sum(CASE WHEN kind = 'return' THEN quantity END), 0) AS returned,
            COALESCE(sum(CASE WHEN kind = 'return' AND condition IN ('damaged', 'missing') THEN quantity END), 0) AS lost
     FROM handouts WHERE item_id = ? AND deleted = 0`,
  ).get(item.id) as { issued: number; returned: number; lost: number };
  // Consumables issued are used up (what comes back returns to the shelf); reusables stay owned
  // while out, and leave the stock only when they come back damaged or not at all.
  if (item.kind === 'consumable') return { onHand: tidy(m.net - (h.issued - h.returned)), out: 0 };
  return { onHand: tidy(m.net - h.lost), out: tidy(h.issued - h.returned) };
}

/** What may leave the shelf now: on hand and not out with someone. */
export const onShelf = (stock: Stock) => tidy(stock.onHand - stock.out);


import type { ReplicatedTable } from './tables';
import { prepared } from '../db/statements';
import { insertReplicated, updateReplicated, type WriteStamp } from './write';

/** One id per unordered pair, so the same pair marked at two offices is one record. */
export const distinctId = (table: string, a: string, b: string) => (a < b ? `${table}:${a}:${b}` : `${table}:${b}:${a}`);

/** A coordinator's "these are two people": replicated, so the pair leaves every office's list. */
export function markDistinct(w: WriteStamp, table: ReplicatedTable, a: string, b: string): void {
  const id = distinctId(table, a, b);
  const [x, y] = a < b ? [a, b] : [b, a];
  const existing = prepared(w.db, 'SELECT deleted FROM distinct_pairs WHERE id = ?').get(id) as { deleted: number } | undefined;
  if (!existing) insertReplicated(w, 'distinct_pairs', id, { tbl: table, a_id: x, b_id: y, deleted: 0 });
  else if (existing.deleted === 1) updateReplicated(w, 'distinct_pairs', id, { deleted: 0 });
}

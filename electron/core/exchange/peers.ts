import type { Db } from '../db/connection';
import { prepared } from '../db/statements';

/**
 * Watermarks between offices, in each sender's own change order (row_clock.seq):
 *
 * - a bundle covers the sender's changes in (since, upTo]; the recipient keeps the ranges it
 *   imported and the contiguous prefix `received` (everything up to it is in);
 * - every bundle carries, for each replica of its recipient, how far this office has received
 *   that replica's changes (`acks`) and whether a later range came before an earlier one (`gap`);
 * - export sends from the last watermark sent to the recipient office (incremental), as full
 *   records anything created after what the recipient acknowledged; a gap reported by the
 *   recipient (a lost or late stick) rewinds the watermark so the missing range is sent again.
 */
interface PeerRow {
  replica: string;
  office: string;
  received_ranges: string;
  received_seq: number;
  gap: number;
  acked_seq: number;
}

function peer(db: Db, replica: string, office: string): PeerRow {
  prepared(db, 'INSERT OR IGNORE INTO exchange_peers (replica, office) VALUES (?, ?)').run(replica, office);
  return prepared(db, 'SELECT * FROM exchange_peers WHERE replica = ?').get(replica) as PeerRow;
}

/** Records that the changes (since, upTo] of a peer replica are in. */
export function recordReceived(db: Db, replica: string, office: string, since: number, upTo: number): void {
  const row = peer(db, replica, office);
  const ranges = [...(JSON.parse(row.received_ranges) as [number, number][]), [since, upTo] as [number, number]].sort((a, b) => a[0] - b[0]);
  let received = row.received_seq;
  const rest: [number, number][] = [];
  for (const [from, to] of ranges) {
    if (from <= received) received = Math.max(received, to);
    else rest.push([from, to]);
  }
  const pending = rest.filter(([, to]) => to > received);
  prepared(db, 'UPDATE exchange_peers SET received_ranges = ?, received_seq = ?, gap = ?, office = ? WHERE replica = ?').run(
    JSON.stringify(pending), received, pending.length > 0 ? 1 : 0, office, replica,
  );
}

/** What a peer says it has of ours; a gap makes the next export to its office start over from there. */
export function recordAck(db: Db, replica: string, office: string, ack: { received: number; gap: boolean } | undefined): void {
  if (!ack) return;
  const row = peer(db, replica, office);
  prepared(db, 'UPDATE exchange_peers SET acked_seq = ? WHERE replica = ?').run(Math.max(row.acked_seq, ack.received), replica);
  if (ack.gap) {
    prepared(db, 'UPDATE exchange_sent SET sent_seq = MIN(sent_seq, ?) WHERE office = ?').run(ack.received, office);
  }
}

/** Acknowledgements to put in a bundle for an office: one per replica of it we have heard from. */
export function acksFor(db: Db, office: string): Record<string, { received: number; gap: boolean }> {
  const rows = prepared(db, 'SELECT replica, received_seq, gap FROM exchange_peers WHERE office = ? ORDER BY replica').all(office) as PeerRow[];
  return Object.fromEntries(rows.map((r) => [r.replica, { received: r.received_seq, gap: r.gap === 1 }]));
}

export function sentWatermark(db: Db, office: string): number {
  const row = prepared(db, 'SELECT sent_seq FROM exchange_sent WHERE office = ?').get(office) as { sent_seq: number } | undefined;
  return row?.sent_seq ?? 0;
}

export function recordSent(db: Db, office: string, upTo: number): void {
  prepared(
    db,
    'INSERT INTO exchange_sent (office, sent_seq, bundles) VALUES (?, ?, 1) ON CONFLICT (office) DO UPDATE SET sent_seq = excluded.sent_seq, bundles = bundles + 1',
  ).run(office, upTo);
}

/** The lowest acknowledgement among the recipient office's replicas (0 when it never answered). */
export function ackedBy(db: Db, office: string, replicas: string[]): number {
  if (replicas.length === 0) return 0;
  let min = Infinity;
  for (const replica of replicas) {
    const row = prepared(db, 'SELECT acked_seq FROM exchange_peers WHERE replica = ? AND office = ?').get(replica, office) as { acked_seq: number } | undefined;
    min = Math.min(min, row?.acked_seq ?? 0);
  }
  return Number.isFinite(min) ? min : 0;
}

/** Records that this database's changes [from, to] were learned from a peer replica's bundle. */
export function recordLearned(db: Db, replica: string, office: string, from: number, to: number): void {
  if (to < from) return;
  prepared(db, 'INSERT INTO exchange_learned (replica, office, from_seq, to_seq) VALUES (?, ?, ?, ?)').run(replica, office, from, to);
}

/**
 * Per-peer knowledge: a test of "this office sent us this change" for the changes (by this
 * database's change order) after `since`. What an office sent it holds (or has superseded since),
 * so it is never sent back to it.
 */
export function learnedFrom(db: Db, office: string, since: number): (seq: number) => boolean {
  const ranges = prepared(db, 'SELECT from_seq, to_seq FROM exchange_learned WHERE office = ? AND to_seq > ? ORDER BY from_seq').all(office, since) as { from_seq: number; to_seq: number }[];
  if (ranges.length === 0) return () => false;
  return (seq) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid]!;
      if (seq < r.from_seq) hi = mid - 1;
      else if (seq > r.to_seq) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

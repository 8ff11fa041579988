import type { Db } from '../db/connection';
import { prepared } from '../replication/write';

export interface HistoryEntry {
  id: number;
  direction: 'export' | 'import';
  bundleId: string;
  peerOffice: string;
  peerReplica: string | null;
  full: boolean;
  sinceSeq: number;
  upToSeq: number;
  rows: number;
  bytes: number;
  sha256: string;
  summary: unknown;
  at: string;
  actor: string;
}

interface HistoryRow {
  id: number;
  direction: 'export' | 'import';
  bundle_id: string;
  peer_office: string;
  peer_replica: string | null;
  full: number;
  since_seq: number;
  up_to_seq: number;
  rows: number;
  bytes: number;
  sha256: string;
  summary: string;
  at: string;
  actor: string;
}

/** Bundles this office exported and imported, newest first. */
export function listHistory(db: Db, options: { limit?: number; offset?: number } = {}): { total: number; items: HistoryEntry[] } {
  const total = prepared(db, 'SELECT count(*) FROM exchange_history').pluck().get() as number;
  const rows = prepared(db, 'SELECT * FROM exchange_history ORDER BY id DESC LIMIT ? OFFSET ?').all(options.limit ?? 100, options.offset ?? 0) as HistoryRow[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, direction: r.direction, bundleId: r.bundle_id, peerOffice: r.peer_office, peerReplica: r.peer_replica, full: r.full === 1,
      sinceSeq: r.since_seq, upToSeq: r.up_to_seq, rows: r.rows, bytes: r.bytes, sha256: r.sha256, summary: JSON.parse(r.summary) as unknown, at: r.at, actor: r.actor,
    })),
  };
}

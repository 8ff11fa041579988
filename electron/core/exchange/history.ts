import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { conflictsOfBundle } from './conflicts';
import type { ReadDb } from '../db/read-only';
import type { ChangeReportView, HistoryDetailView, HistoryEntryView } from '../../../shared/contract/exchange';

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
  report?: string | null;
}

function entryOf(r: HistoryRow): HistoryEntryView {
  return {
    id: r.id, direction: r.direction, bundleId: r.bundle_id, peerOffice: r.peer_office, peerReplica: r.peer_replica, full: r.full === 1,
    sinceSeq: r.since_seq, upToSeq: r.up_to_seq, rows: r.rows, bytes: r.bytes, sha256: r.sha256, summary: JSON.parse(r.summary) as unknown, at: r.at, actor: r.actor,
  };
}

const COLUMNS = 'id, direction, bundle_id, peer_office, peer_replica, full, since_seq, up_to_seq, rows, bytes, sha256, summary, at, actor';

/** Bundles this office exported and imported, newest first (without their reports: those are read one at a time). */
export function listHistory(db: ReadDb, options: { limit?: number; offset?: number } = {}): { total: number; items: HistoryEntryView[] } {
  const total = prepared(db, 'SELECT count(*) FROM exchange_history').pluck().get() as number;
  const rows = prepared(db, `SELECT ${COLUMNS} FROM exchange_history ORDER BY id DESC LIMIT ? OFFSET ?`).all(options.limit ?? 100, options.offset ?? 0) as HistoryRow[];
  return { total, items: rows.map(entryOf) };
}

/** One bundle's row opened: what it did and what was decided about the conflicts it raised. */
export function historyDetail(db: ReadDb, id: number): HistoryDetailView | null {
  const row = prepared(db, `SELECT ${COLUMNS}, report FROM exchange_history WHERE id = ?`).get(id) as HistoryRow | undefined;
  if (!row) return null;
  return {
    entry: entryOf(row),
    report: row.report ? (JSON.parse(row.report) as ChangeReportView) : null,
    conflicts: row.direction === 'import' ? conflictsOfBundle(db, row.bundle_id) : [],
  };
}

/** Keys that name a record or a field, never a person: kept when a record's values are forgotten. */
const STRUCTURAL_KEYS = new Set(['id', 'table', 'kind', 'field', 'conflictKind', 'conflictId']);

/** Blanks, in a stored summary or report, everything said about the given records. */
function forgetIn(value: unknown, ids: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => forgetIn(v, ids));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const about = typeof record.id === 'string' && ids.has(record.id);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (about && key === 'label') out[key] = '';
    else if (about && key === 'changes' && Array.isArray(v)) out[key] = v.map((c: Record<string, unknown>) => ({ field: c.field, from: null, to: null }));
    else if (about && typeof v === 'string' && !STRUCTURAL_KEYS.has(key)) out[key] = '';
    else out[key] = forgetIn(v, ids);
  }
  return out;
}

/**
 * Erasure reaches the exchange history too: the reports and summaries kept with each bundle name
 * people and hold the values an import changed. Entries about the erased records keep their place
 * (what kind of change, which field) and lose every name and value.
 */
export function forgetRecordsInHistory(db: Db, ids: string[]): void {
  if (ids.length === 0) return;
  const wanted = new Set(ids);
  const mentions = ids.map(() => '(summary LIKE ? OR report LIKE ?)').join(' OR ');
  const rows = prepared(db, `SELECT id, summary, report FROM exchange_history WHERE ${mentions}`)
    .all(...ids.flatMap((id) => [`%${id}%`, `%${id}%`])) as { id: number; summary: string; report: string | null }[];
  const update = prepared(db, 'UPDATE exchange_history SET summary = ?, report = ? WHERE id = ?');
  for (const row of rows) {
    const summary = JSON.stringify(forgetIn(JSON.parse(row.summary), wanted));
    const report = row.report === null ? null : JSON.stringify(forgetIn(JSON.parse(row.report), wanted));
    update.run(summary, report, row.id);
  }
}

import { typedFieldValue } from './typed-values';
import { CallError } from '../../../shared/contract/errors';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { erasedValue } from '../../../shared/domain/replicated-table';
import { isReplicatedTable, labelOf, specOf, type ReplicatedTable, type Row, type SqlValue } from '../replication/tables';
import { prepared } from '../db/statements';
import { updateReplicated, type WriteStamp } from '../replication/write';
import { assertMayChange } from './authority';
import { reviewError } from './errors';
import type { ConflictActorView, ConflictFacets, ConflictViewData } from '../../../shared/contract/exchange';

/**
 * The conflict review list: when two offices changed the same field concurrently, the value with
 * the larger clock stamp won everywhere and the other is kept here; a delete concurrent with an
 * edit is kept too. Resolving is an ordinary edit that propagates (and settles the same conflict
 * at every office that holds it).
 */
interface ConflictRow {
  id: number;
  tbl: string;
  row_id: string;
  field: string;
  kind: 'field' | 'delete';
  winner_value: string | null;
  winner_stamp: string;
  winner_actor: string;
  loser_value: string | null;
  loser_stamp: string;
  loser_actor: string;
  detected_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
  label: string | null;
  detail: string | null;
  merged_from: string | null;
}

const stampAt = (s: string) => new Date(Number(s.slice(0, 13))).toISOString();
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** The record's name now, or the name it had when the conflict was found (an erased person has none left). */
function label(db: ReadDb, r: ConflictRow): string | null {
  const row = isReplicatedTable(r.tbl) ? (prepared(db, `SELECT * FROM ${r.tbl} WHERE id = ?`).get(r.row_id) as Row | undefined) : undefined;
  return (row && isReplicatedTable(r.tbl) && labelOf(r.tbl, row)) || r.label || null;
}

const actorView = (a: { actor: string; stamp: string }): ConflictActorView => ({ actor: a.actor, office: a.actor.slice(a.actor.lastIndexOf('@') + 1), at: stampAt(a.stamp) });

function view(db: ReadDb, r: ConflictRow): ConflictViewData {
  const detail = r.detail ? (JSON.parse(r.detail) as { erasedBy: { actor: string; stamp: string }; editedBy: { actor: string; stamp: string }[] }) : null;
  const erasedBy = r.kind === 'delete' ? actorView(detail?.erasedBy ?? { actor: r.winner_actor, stamp: r.winner_stamp }) : null;
  const editedBy = r.kind === 'delete' ? (detail?.editedBy ?? [{ actor: r.loser_actor, stamp: r.loser_stamp }]).map(actorView) : [];
  return {
    id: r.id, table: r.tbl, rowId: r.row_id, label: label(db, r), field: r.field, kind: r.kind,
    winner: { value: parse(r.winner_value), stamp: r.winner_stamp, actor: r.winner_actor, at: stampAt(r.winner_stamp) },
    loser: { value: parse(r.loser_value), stamp: r.loser_stamp, actor: r.loser_actor, at: stampAt(r.loser_stamp) },
    detectedAt: r.detected_at, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by, resolution: r.resolution,
    mergedFrom: r.merged_from, erasedBy, editedBy,
    later: r.loser_stamp > r.winner_stamp ? 'loser' : 'winner',
  };
}

export interface ConflictFilter {
  includeResolved?: boolean;
  /** Either side written at this office. */
  office?: string;
  table?: string;
  field?: string;
  kind?: 'field' | 'delete';
}

const officeOf = (actor: string) => actor.slice(actor.lastIndexOf('@') + 1);

function whereOf(filter: ConflictFilter): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (!filter.includeResolved) parts.push('resolved_at IS NULL');
  if (filter.office) {
    parts.push("(winner_actor LIKE '%@' || ? OR loser_actor LIKE '%@' || ?)");
    params.push(filter.office, filter.office);
  }
  for (const [column, value] of [['tbl', filter.table], ['field', filter.field], ['kind', filter.kind]] as const) {
    if (!value) continue;
    parts.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function listConflicts(
  db: ReadDb,
  options: ConflictFilter & { limit?: number; offset?: number } = {},
): { total: number; items: ConflictViewData[]; facets: ConflictFacets } {
  const { sql, params } = whereOf(options);
  const total = (prepared(db, `SELECT count(*) FROM conflicts ${sql}`).pluck().get(...params) as number) ?? 0;
  const rows = prepared(db, `SELECT * FROM conflicts ${sql} ORDER BY id LIMIT ? OFFSET ?`).all(...params, options.limit ?? 200, options.offset ?? 0) as ConflictRow[];
  return { total, items: rows.map((r) => view(db, r)), facets: facets(db, !!options.includeResolved) };
}

function facets(db: ReadDb, includeResolved: boolean): ConflictFacets {
  const where = includeResolved ? '' : 'WHERE resolved_at IS NULL';
  const actors = prepared(db, `SELECT winner_actor FROM conflicts ${where} UNION SELECT loser_actor FROM conflicts ${where}`).pluck().all() as string[];
  const pairs = prepared(db, `SELECT DISTINCT tbl, field FROM conflicts ${where} ORDER BY tbl, field`).all() as { tbl: string; field: string }[];
  return {
    offices: [...new Set(actors.map(officeOf).filter((o) => o !== ''))].sort(),
    tables: [...new Set(pairs.map((p) => p.tbl))],
    fields: pairs.map((p) => ({ table: p.tbl, field: p.field })),
  };
}

/** The conflicts one import raised, with what was decided since (the history's view of a bundle). */
export function conflictsOfBundle(db: ReadDb, bundleId: string, limit = 1000): ConflictViewData[] {
  const rows = prepared(db, 'SELECT * FROM conflicts WHERE bundle_id = ? ORDER BY id LIMIT ?').all(bundleId, limit) as ConflictRow[];
  return rows.map((r) => view(db, r));
}

/** A value the table declares unique may not be kept while another live record holds it. */
function assertUnique(db: Db, table: ReplicatedTable, field: string, value: unknown, id: string): void {
  const key = (specOf(table).unique as Record<string, string> | undefined)?.[field];
  if (!key || typeof value !== 'string') return;
  const holder = prepared(db, `SELECT id FROM ${table} WHERE ${field} = ? AND deleted = 0 AND id <> ?`).pluck().get(value, id);
  if (holder) throw new CallError({ code: 'conflict', key, params: { name: String(holder) } }, `This ${field} already belongs to another record`);
}

export type Resolution = { choice: 'winner' } | { choice: 'loser' } | { choice: 'value'; value: SqlValue };

function notFound(id: number): CallError {
  return reviewError('conflict.notFound', `No open conflict ${id}`, { id });
}

/**
 * Resolves a conflict with an ordinary edit stamped now: the value kept (or typed) is written
 * again with the losing stamp among its ancestors, so it wins everywhere and the loser never
 * comes back as new. A delete conflict is kept deleted (winner) or restored (loser).
 */
export function resolveConflict(w: WriteStamp, id: number, resolution: Resolution): ConflictViewData {
  const row = prepared(w.db, 'SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
  if (!row || row.resolved_at) throw notFound(id);
  if (!isReplicatedTable(row.tbl)) throw notFound(id);
  const table: ReplicatedTable = row.tbl;
  const exists = prepared(w.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(row.row_id);
  if (!exists) throw notFound(id);
  // Deciding is an edit of the record: an office that may not change it leaves it to its keeper.
  assertMayChange(w.db, table, row.row_id);
  if (row.kind === 'delete') {
    if (resolution.choice === 'value') throw reviewError('conflict.choice', 'A delete conflict is resolved by keeping the delete or restoring');
    const restore = resolution.choice === 'loser';
    const late = parse(row.loser_value) as Record<string, SqlValue>;
    // Restoring gives back what the later edits hold (some may have been blanked by the erasure
    // here), nothing more: the rest of the record was erased where it was erased.
    const values: Record<string, SqlValue> = restore ? { ...late, deleted: 0 } : { deleted: 1 };
    const spec = specOf(table);
    if (!restore && spec.erasure) {
      // Keeping an erasure erases again what the concurrent edit brought back, in the same
      // stamped write as the deletion (so the deletion has seen it all).
      for (const field of Object.keys(late)) values[field] = erasedValue(spec, field);
    }
    updateReplicated(w, table, row.row_id, values, { force: ['deleted'], ancestors: { deleted: [row.loser_stamp] } });
    if (restore) {
      // A restored record that had been merged away is un-merged.
      const merge = prepared(w.db, 'SELECT id FROM merges WHERE tbl = ? AND loser_id = ? AND deleted = 0').pluck().get(table, row.row_id) as string | undefined;
      if (merge) updateReplicated(w, 'merges', merge, { deleted: 1 });
    }
  } else {
    // A typed value meets the same rules as the forms; kept values were valid where they were written.
    const value = resolution.choice === 'winner' ? parse(row.winner_value) : resolution.choice === 'loser' ? parse(row.loser_value) : typedFieldValue(table, row.field, resolution.value);
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new CallError({ code: 'validation', key: 'error.type' });
    assertUnique(w.db, table, row.field, value, row.row_id);
    updateReplicated(w, table, row.row_id, { [row.field]: value as SqlValue }, { force: [row.field], ancestors: { [row.field]: [row.loser_stamp] } });
  }
  prepared(w.db, 'UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?').run(w.at, w.actor, resolution.choice, id);
  return view(w.db, prepared(w.db, 'SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow);
}

export type BulkChoice = { choice: 'winner' } | { choice: 'loser' } | { choice: 'office'; office: string };

export interface BulkResult {
  resolved: number[];
  /** Conflicts left open, each with the reason (a translation key and its params). */
  skipped: { id: number; key: string; params?: Record<string, string | number> }[];
}

/**
 * Decides many conflicts the same way: keep what is in effect, take what was set aside, or take
 * one office's value wherever that office wrote one of the two sides. Each decision is its own
 * savepoint, so one that cannot be made (already settled, an IIN another record holds, a
 * conflict where that office wrote neither side) is skipped and named, and the others still hold.
 */
export function resolveMany(w: WriteStamp, ids: number[], bulk: BulkChoice): BulkResult {
  const result: BulkResult = { resolved: [], skipped: [] };
  const one = w.db.transaction((id: number) => {
    let choice: 'winner' | 'loser';
    if (bulk.choice === 'office') {
      const row = prepared(w.db, 'SELECT winner_actor, loser_actor FROM conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
        | { winner_actor: string; loser_actor: string }
        | undefined;
      if (!row) throw notFound(id);
      if (officeOf(row.winner_actor) === bulk.office) choice = 'winner';
      else if (officeOf(row.loser_actor) === bulk.office) choice = 'loser';
      else throw reviewError('conflict.notFromOffice', `Office ${bulk.office} wrote neither side of conflict ${id}`, { office: bulk.office });
    } else {
      choice = bulk.choice;
    }
    resolveConflict(w, id, { choice });
  });
  w.db.transaction(() => {
    for (const id of [...new Set(ids)]) {
      try {
        one(id);
        result.resolved.push(id);
      } catch (error) {
        if (!(error instanceof CallError)) throw error;
        result.skipped.push({ id, key: error.key, ...(error.params ? { params: error.params } : {}) });
      }
    }
  })();
  return result;
}

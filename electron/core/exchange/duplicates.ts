import { skeletonTokens } from '../../../shared/domain/search-key';
import type { Db } from '../db/connection';
import { MERGEABLE, PAIR_IDS, REFERENCES, REPLICATED_TABLES, type ReplicatedTable, type Row } from '../replication/tables';
import { insertReplicated, prepared, updateReplicated, type WriteStamp } from '../replication/write';

/**
 * One person, one record. The same person registered at two offices is merged into the record
 * with the smaller id, whichever office notices first: every office picks the same survivor.
 * The merge is itself a replicated record (`merges`: loser → survivor), the loser becomes a
 * tombstone, and live references to the loser (memberships, later hours and assignments) are
 * re-pointed at the survivor, so every hour and attendance of both stays with the person.
 */
export const mergeId = (table: string, loser: string) => `${table}:${loser}`;

/** Follows merges from a merged-away id to the record that survives (the id itself otherwise). */
export function resolveSurvivor(db: Db, table: ReplicatedTable, id: string): string {
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    const next = prepared(db, 'SELECT survivor_id FROM merges WHERE tbl = ? AND loser_id = ? AND deleted = 0 ORDER BY survivor_id LIMIT 1').pluck().get(table, current) as
      | string
      | undefined;
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

const isLive = (db: Db, table: ReplicatedTable, id: string) => prepared(db, `SELECT 1 FROM ${table} WHERE id = ? AND deleted = 0`).get(id) !== undefined;

/** Merges `loser` into `survivor` (the caller has chosen survivor = the smaller id). */
export function mergeRecords(w: WriteStamp, table: ReplicatedTable, survivor: string, loser: string): void {
  if (survivor === loser) return;
  const id = mergeId(table, loser);
  const existing = prepared(w.db, 'SELECT survivor_id, deleted FROM merges WHERE id = ?').get(id) as { survivor_id: string; deleted: number } | undefined;
  if (!existing) insertReplicated(w, 'merges', id, { tbl: table, loser_id: loser, survivor_id: survivor, deleted: 0 });
  else if (existing.deleted === 1 || existing.survivor_id !== survivor) updateReplicated(w, 'merges', id, { survivor_id: survivor, deleted: 0 });
  if (isLive(w.db, table, loser)) updateReplicated(w, table, loser, { deleted: 1 });
  repointReferences(w, table, loser, survivor);
}

/** Points live references to `from` at `to`, generically over the declared references. */
export function repointReferences(w: WriteStamp, target: ReplicatedTable, from: string, to: string): number {
  let edits = 0;
  for (const [table, columns] of Object.entries(REFERENCES) as [ReplicatedTable, Record<string, ReplicatedTable>][]) {
    for (const [column, referenced] of Object.entries(columns)) {
      if (referenced !== target) continue;
      const rows = prepared(w.db, `SELECT * FROM ${table} WHERE ${column} = ? AND deleted = 0`).all(from) as Row[];
      for (const row of rows) {
        repointRow(w, table, row, column, to);
        edits++;
      }
    }
  }
  return edits;
}

function repointRow(w: WriteStamp, table: ReplicatedTable, row: Row, column: string, to: string): void {
  const pair = PAIR_IDS[table];
  if (!pair) {
    updateReplicated(w, table, String(row.id), { [column]: to });
    return;
  }
  const values: Row = {};
  for (const f of REPLICATED_TABLES[table]) values[f] = row[f] ?? null;
  values[column] = to;
  values.deleted = 0;
  const newId = pair.map((c) => String(values[c])).join(':');
  const existing = prepared(w.db, `SELECT deleted FROM ${table} WHERE id = ?`).get(newId) as { deleted: number } | undefined;
  if (!existing) insertReplicated(w, table, newId, values);
  else if (existing.deleted === 1) updateReplicated(w, table, newId, { deleted: 0 });
  updateReplicated(w, table, String(row.id), { deleted: 1 });
}

/**
 * Brings the database in line with every merge it holds: merged-away records that are still
 * live become tombstones, and references to them are re-pointed. Run after every import, so a
 * membership added at an office that had not heard of the merge yet still lands on the survivor.
 */
export function applyMerges(w: WriteStamp): number {
  let edits = 0;
  const merges = prepared(w.db, 'SELECT tbl, loser_id FROM merges WHERE deleted = 0 ORDER BY tbl, loser_id').all() as { tbl: string; loser_id: string }[];
  for (const { tbl, loser_id: loser } of merges) {
    if (!(MERGEABLE as readonly string[]).includes(tbl)) continue;
    const table = tbl as ReplicatedTable;
    if (isLive(w.db, table, loser)) {
      updateReplicated(w, table, loser, { deleted: 1 });
      edits++;
    }
    for (const [referencing, columns] of Object.entries(REFERENCES) as [ReplicatedTable, Record<string, ReplicatedTable>][]) {
      for (const [column, referenced] of Object.entries(columns)) {
        if (referenced !== table) continue;
        const rows = prepared(w.db, `SELECT * FROM ${referencing} WHERE ${column} = ? AND deleted = 0 ORDER BY id`).all(loser) as Row[];
        if (rows.length === 0) continue;
        const survivor = resolveSurvivor(w.db, table, loser);
        if (survivor === loser) continue;
        for (const row of rows) {
          repointRow(w, referencing, row, column, survivor);
          edits++;
        }
      }
    }
  }
  return edits;
}

/**
 * Live volunteers sharing an IIN are one person: merged into the smallest id. With `onlyIds`,
 * only the IINs those records hold are looked at (a small import into a large database).
 * Returns the merges made.
 */
export function autoMergeByIin(w: WriteStamp, onlyIds?: Set<string>): number {
  let groups: string[];
  if (onlyIds && onlyIds.size < 20_000) {
    const iins = new Set<string>();
    for (const id of onlyIds) {
      const iin = prepared(w.db, 'SELECT iin FROM volunteers WHERE id = ? AND deleted = 0').pluck().get(id) as string | null | undefined;
      if (iin) iins.add(iin);
    }
    groups = [];
    for (const iin of iins) {
      const ids = prepared(w.db, 'SELECT id FROM volunteers WHERE iin = ? AND deleted = 0').pluck().all(iin) as string[];
      if (ids.length > 1) groups.push(ids.join(','));
    }
  } else {
    groups = prepared(
      w.db,
      "SELECT group_concat(id, ',') AS ids FROM volunteers WHERE deleted = 0 AND iin IS NOT NULL GROUP BY iin HAVING count(*) > 1",
    ).pluck().all() as string[];
  }
  let merged = 0;
  for (const group of groups) {
    const ids = group.split(',').sort();
    for (const loser of ids.slice(1)) {
      mergeRecords(w, 'volunteers', ids[0]!, loser);
      merged++;
    }
  }
  return merged;
}

export interface DuplicateSide {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  phone: string | null;
  hasIin: boolean;
  region: string | null;
}

export interface DuplicatePair {
  table: 'volunteers';
  reason: 'nameBirthDate' | 'namePhone';
  a: DuplicateSide;
  b: DuplicateSide;
}

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  phone: string | null;
  iin: string | null;
  region: string | null;
}

const side = (r: PersonRow): DuplicateSide => ({
  id: r.id, lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, birthDate: r.birth_date, phone: r.phone, hasIin: r.iin !== null, region: r.region,
});

export const distinctId = (table: string, a: string, b: string) => (a < b ? `${table}:${a}:${b}` : `${table}:${b}:${a}`);

/**
 * Likely duplicates the IIN cannot settle: the same name (in any spelling: Cyrillic or Latin,
 * Kazakh letters or not) with the same birth date, or with the same phone, where at most one of
 * the two has an IIN. Pairs a coordinator marked distinct are left out.
 */
export function likelyDuplicates(db: Db, options: { onlyIds?: Set<string>; limit?: number } = {}): DuplicatePair[] {
  const people = prepared(db, 'SELECT id, last_name, first_name, middle_name, birth_date, phone, iin, region FROM volunteers WHERE deleted = 0').all() as PersonRow[];
  const distinct = new Set(prepared(db, "SELECT id FROM distinct_pairs WHERE deleted = 0 AND tbl = 'volunteers'").pluck().all() as string[]);
  const groups = new Map<string, PersonRow[]>();
  const add = (key: string, row: PersonRow) => {
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  };
  for (const p of people) {
    const name = `${skeletonTokens(p.last_name).join('')} ${skeletonTokens(p.first_name).join('')}`;
    if (p.birth_date) add(`b|${name}|${p.birth_date}`, p);
    if (p.phone) add(`p|${name}|${p.phone}`, p);
  }
  const seen = new Set<string>();
  const out: DuplicatePair[] = [];
  const limit = options.limit ?? 500;
  for (const [key, list] of [...groups.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (list.length < 2) continue;
    const members = list.slice(0, 12).sort((x, y) => (x.id < y.id ? -1 : 1));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (a.iin && b.iin) continue;
        if (options.onlyIds && !options.onlyIds.has(a.id) && !options.onlyIds.has(b.id)) continue;
        const pairKey = distinctId('volunteers', a.id, b.id);
        if (distinct.has(pairKey) || seen.has(pairKey)) continue;
        seen.add(pairKey);
        out.push({ table: 'volunteers', reason: key.startsWith('b|') ? 'nameBirthDate' : 'namePhone', a: side(a), b: side(b) });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

/** A coordinator's "these are two people": replicated, so the pair leaves every office's list. */
export function markDistinct(w: WriteStamp, table: ReplicatedTable, a: string, b: string): void {
  const id = distinctId(table, a, b);
  const [x, y] = a < b ? [a, b] : [b, a];
  const existing = prepared(w.db, 'SELECT deleted FROM distinct_pairs WHERE id = ?').get(id) as { deleted: number } | undefined;
  if (!existing) insertReplicated(w, 'distinct_pairs', id, { tbl: table, a_id: x, b_id: y, deleted: 0 });
  else if (existing.deleted === 1) updateReplicated(w, 'distinct_pairs', id, { deleted: 0 });
}

/**
 * A coordinator's merge of two records: the smaller id survives (as for automatic merges, so two
 * offices merging the same pair agree); when the coordinator keeps the other record's values,
 * they are copied onto the survivor first.
 */
export function mergeChosen(w: WriteStamp, table: ReplicatedTable, keepId: string, otherId: string): { survivor: string; loser: string } {
  const survivor = keepId < otherId ? keepId : otherId;
  const loser = survivor === keepId ? otherId : keepId;
  if (keepId !== survivor) {
    const keep = prepared(w.db, `SELECT * FROM ${table} WHERE id = ?`).get(keepId) as Row;
    const values: Row = {};
    for (const f of REPLICATED_TABLES[table]) if (f !== 'deleted') values[f] = keep[f] ?? null;
    updateReplicated(w, table, survivor, values);
  }
  mergeRecords(w, table, survivor, loser);
  return { survivor, loser };
}

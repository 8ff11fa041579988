import type { z } from 'zod';
import type { VolunteerRow, volunteerQuery } from '../../../shared/contract/volunteers';
import { skeletonTokens } from '../../../shared/domain/search-key';
import type { Db } from '../db/connection';
import type { SqlValue } from '../replication/tables';
import { prepared } from '../replication/write';
import { maskIin } from './columns';

type Query = z.output<typeof volunteerQuery>;

/** Orders end on seq, the implicit last column of every roster index, so no sort is needed. */
const BY_NAME = 'v.sort_name';
const ORDER: Record<Query['sort'], string[]> = {
  name: [BY_NAME, 'v.seq'],
  birthDate: ['v.birth_date', 'v.seq'],
  region: ['v.region', BY_NAME, 'v.seq'],
  updatedAt: ['v.updated_at', 'v.seq'],
};

/**
 * Above this many text matches it is cheaper to walk the name index in order and keep the
 * matching rows (the first page fills quickly) than to fetch and sort every match.
 */
const WALK_INDEX_ABOVE = 6000;

/** An FTS5 query where each typed word must prefix some word of the person's keys. */
export function matchExpression(text: string): string | null {
  const tokens = skeletonTokens(text).slice(0, 8);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"*`).join(' ');
}

/**
 * Totals are remembered per query until the database changes: scrolling asks for many pages
 * of one query, and counting 200,000 rows for each page would be waste.
 */
const totals = new WeakMap<Db, { version: string; byQuery: Map<string, number> }>();
function rememberedTotal(db: Db, key: string, count: () => number): number {
  const version = `${db.pragma('data_version', { simple: true })}:${(prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n}`;
  let memo = totals.get(db);
  if (!memo || memo.version !== version) totals.set(db, (memo = { version, byQuery: new Map() }));
  let total = memo.byQuery.get(key);
  if (total === undefined) memo.byQuery.set(key, (total = count()));
  return total;
}

/**
 * One page of the roster: the rows the table shows and the total for its scrollbar.
 * The renderer asks for pages as it scrolls and never holds the whole roster.
 */
export function searchVolunteers(db: Db, q: Query, canReadIin: boolean): { total: number; rows: VolunteerRow[] } {
  const filters: string[] = ['v.deleted = 0'];
  const params: SqlValue[] = [];
  const where = (sql: string, value: SqlValue) => {
    filters.push(sql);
    params.push(value);
  };
  if (q.region) where('v.region = ?', q.region);
  if (q.status) where('v.status = ?', q.status);
  // Arrays are stored as sorted JSON text of quoted enum values, so a quoted match is exact.
  if (q.skill) where('instr(v.skills, ?) > 0', `"${q.skill}"`);
  if (q.area) where('instr(v.areas, ?) > 0', `"${q.area}"`);
  if (q.organisationId) where('v.id IN (SELECT volunteer_id FROM memberships WHERE organisation_id = ? AND deleted = 0)', q.organisationId);
  const onlyText = filters.length === 1;
  const match = matchExpression(q.text);
  if (match) where('v.seq IN (SELECT rowid FROM volunteer_search WHERE volunteer_search MATCH ?)', match);
  const whereSql = filters.join(' AND ');
  const key = JSON.stringify([whereSql, params]);

  const total = rememberedTotal(db, key, () =>
    match && onlyText
      ? // The index holds live rows only, so with no other filter it can count by itself.
        (prepared(db, 'SELECT count(*) AS n FROM volunteer_search WHERE volunteer_search MATCH ?').get(match) as { n: number }).n
      : (prepared(db, `SELECT count(*) AS n FROM volunteers v WHERE ${whereSql}`).get(...params) as { n: number }).n,
  );

  const direction = q.descending ? 'DESC' : 'ASC';
  const orderSql = ORDER[q.sort].map((c) => `${c} ${direction}`).join(', ');
  const walkIndex = match && q.sort === 'name' && total > WALK_INDEX_ABOVE ? 'INDEXED BY volunteers_live_name' : '';
  const rows = prepared(
    db,
    `SELECT v.id, v.last_name, v.first_name, v.middle_name, v.iin, v.birth_date, v.phone, v.region, v.status, v.skills
     FROM volunteers v ${walkIndex} WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
  ).all(...params, q.limit, q.offset) as Record<string, string | null>[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id!,
      lastName: r.last_name!,
      firstName: r.first_name!,
      middleName: r.middle_name ?? null,
      iin: maskIin(r.iin ?? null, canReadIin),
      birthDate: r.birth_date ?? null,
      phone: r.phone ?? null,
      region: r.region ?? null,
      status: r.status as VolunteerRow['status'],
      skills: JSON.parse(r.skills ?? '[]') as string[],
    })),
  };
}

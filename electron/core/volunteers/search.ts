import type { z } from 'zod';
import type { VolunteerRow, volunteerQuery } from '../../../shared/contract/volunteers';
import { isValidIin } from '../../../shared/domain/iin';
import { skeletonTokens } from '../../../shared/domain/search-key';
import type { ReadDb } from '../db/read-only';
import type { SqlValue } from '../replication/tables';
import { prepared } from '../db/statements';
import { maskIin } from './columns';
import { startOfDayInKazakhstan, todayInKazakhstan } from '../../../shared/domain/trainings';
import { VALID_ON_SQL } from '../trainings/qualifications';

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
 * Above this many text matches (or people holding a qualification) it is cheaper to walk the
 * name index in order and keep the matching rows (the first page fills quickly) than to fetch and
 * sort every match: 7,800 first-aid holders of 200,000 take 21 ms walked, 54 ms sorted.
 */
const WALK_INDEX_ABOVE = 6000;

/**
 * The typed words as index tokens. An IIN typed in groups ("900115 300 123") is one number: a
 * person at the desk reads theirs out in pieces.
 */
function queryTokens(text: string): string[] {
  const compact = text.replace(/[\s\u00a0-]/g, '');
  if (/^\d{12}$/.test(compact)) return [compact];
  return skeletonTokens(text).slice(0, 8);
}

const isNumber = (token: string) => /^\d+$/.test(token);

/** An FTS5 query where each typed word must prefix some word of the person's keys. */
function ftsExpression(tokens: string[]): string | null {
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"*`).join(' ');
}

/** The index query a reader of IINs runs for a search text. */
export const matchExpression = (text: string): string | null => ftsExpression(queryTokens(text));

/** The complete, valid IINs in a search text: for staff, the only IIN-shaped words that match anything. */
export function wholeIins(text: string): string[] {
  return queryTokens(text).filter((t) => t.length === 12 && isNumber(t) && isValidIin(t));
}

/**
 * How the typed text filters, for a user who reads IINs or not. Readers match every word by prefix
 * against names, IIN and phone. For staff a number matches a phone by prefix and an IIN only
 * whole: otherwise typing an IIN digit by digit would read it back from the result count.
 */
function textFilter(text: string, canReadIin: boolean): { match: string | null; sql: string[]; params: SqlValue[] } {
  const tokens = queryTokens(text);
  if (canReadIin) return { match: ftsExpression(tokens), sql: [], params: [] };
  const sql: string[] = [];
  const params: SqlValue[] = [];
  const prefixes: string[] = [];
  for (const token of tokens) {
    if (!isNumber(token)) {
      prefixes.push(token);
    } else if (token.length <= 11) {
      // The index narrows (it holds the phone with and without its 7/8 prefix); the phone decides.
      prefixes.push(token);
      sql.push("(substr(v.phone, 3, ?) = ? OR (? IN ('7', '8') AND substr(v.phone, 3, ?) = ?))");
      params.push(token.length, token, token[0]!, token.length - 1, token.slice(1));
    } else if (token.length === 12 && isValidIin(token)) {
      sql.push('v.iin = ?');
      params.push(token);
    } else {
      sql.push('0');
    }
  }
  return { match: ftsExpression(prefixes), sql, params };
}

/**
 * Totals are remembered per query until the database changes: scrolling asks for many pages
 * of one query, and counting 200,000 rows for each page would be waste.
 */
const totals = new WeakMap<ReadDb, { version: string; byQuery: Map<string, number> }>();
function rememberedTotal(db: ReadDb, key: string, count: () => number): number {
  const version = `${prepared(db, 'PRAGMA data_version').pluck().get() as number}:${(prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n}`;
  let memo = totals.get(db);
  if (!memo || memo.version !== version) totals.set(db, (memo = { version, byQuery: new Map() }));
  let total = memo.byQuery.get(key);
  if (total === undefined) memo.byQuery.set(key, (total = count()));
  return total;
}

/**
 * One page of the roster: the rows the table shows and the total for its scrollbar.
 * The renderer asks for pages as it scrolls and never holds the whole roster. A caller who may
 * not read IINs gets them masked and searches them only whole (counted by the caller).
 */
export function searchVolunteers(db: ReadDb, q: Query, canReadIin: boolean): { total: number; rows: VolunteerRow[] } {
  const filters: string[] = ['v.deleted = 0'];
  const params: SqlValue[] = [];
  const where = (sql: string, value?: SqlValue) => {
    filters.push(sql);
    if (value !== undefined) params.push(value);
  };
  if (q.region) where('v.region = ?', q.region);
  if (q.status) where('v.status = ?', q.status);
  if (q.consentMissing) where('v.consent_date IS NULL');
  // A range on the stored instant (not a date() of it), so volunteers_live_created answers it.
  if (q.createdFrom) where('v.created_at >= ?', startOfDayInKazakhstan(q.createdFrom));
  // Arrays are stored as sorted JSON text of quoted enum values, so a quoted match is exact.
  if (q.skill) where('instr(v.skills, ?) > 0', `"${q.skill}"`);
  if (q.area) where('instr(v.areas, ?) > 0', `"${q.area}"`);
  if (q.organisationId) where('v.id IN (SELECT volunteer_id FROM memberships WHERE organisation_id = ? AND deleted = 0)', q.organisationId);
  if (q.qualifiedKind) {
    const on = q.qualifiedOn ?? todayInKazakhstan();
    filters.push(`v.id IN (SELECT q.volunteer_id FROM qualifications q WHERE ${VALID_ON_SQL})`);
    params.push(q.qualifiedKind, on, on);
  }
  const text = textFilter(q.text, canReadIin);
  filters.push(...text.sql);
  params.push(...text.params);
  // With nothing but the index to ask, the index can count by itself.
  const onlyText = filters.length === 1;
  const match = text.match;
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
  const walkIndex = (match || q.qualifiedKind) && q.sort === 'name' && total > WALK_INDEX_ABOVE ? 'INDEXED BY volunteers_live_name' : '';
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

import type { VolunteerRow } from '../../../shared/contract/volunteers';
import type { volunteerQuery } from '../../../shared/contract/volunteers';
import { skeletonTokens } from '../../../shared/domain/search-key';
import type { z } from 'zod';
import type { Db } from '../db/connection';
import type { SqlValue } from '../replication/tables';
import { maskIin } from './columns';

type Query = z.output<typeof volunteerQuery>;

const ORDER: Record<Query['sort'], string[]> = {
  name: ['v.last_name', 'v.first_name', 'v.middle_name', 'v.id'],
  birthDate: ['v.birth_date', 'v.last_name', 'v.id'],
  region: ['v.region', 'v.last_name', 'v.first_name', 'v.id'],
  updatedAt: ['v.updated_at', 'v.id'],
};

/** An FTS5 query where each typed word must prefix some word of the person's keys. */
export function matchExpression(text: string): string | null {
  const tokens = skeletonTokens(text).slice(0, 8);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"*`).join(' ');
}

/**
 * One page of the roster: the rows the table shows and the total for its scrollbar.
 * The renderer asks for pages as it scrolls and never holds the whole roster.
 */
export function searchVolunteers(db: Db, q: Query, canReadIin: boolean): { total: number; rows: VolunteerRow[] } {
  const where = ['v.deleted = 0'];
  const params: SqlValue[] = [];
  const match = matchExpression(q.text);
  if (match) {
    where.push('v.seq IN (SELECT rowid FROM volunteer_search WHERE volunteer_search MATCH ?)');
    params.push(match);
  }
  if (q.region) (where.push('v.region = ?'), params.push(q.region));
  if (q.status) (where.push('v.status = ?'), params.push(q.status));
  // Arrays are stored as sorted JSON text of quoted enum values, so a quoted match is exact.
  if (q.skill) (where.push('instr(v.skills, ?) > 0'), params.push(`"${q.skill}"`));
  if (q.area) (where.push('instr(v.areas, ?) > 0'), params.push(`"${q.area}"`));
  if (q.organisationId) {
    where.push('v.id IN (SELECT volunteer_id FROM memberships WHERE organisation_id = ? AND deleted = 0)');
    params.push(q.organisationId);
  }
  const whereSql = where.join(' AND ');
  const direction = q.descending ? 'DESC' : 'ASC';
  const orderSql = ORDER[q.sort].map((c) => `${c} ${direction}`).join(', ');
  const total = (db.prepare(`SELECT count(*) AS n FROM volunteers v WHERE ${whereSql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT v.id, v.last_name, v.first_name, v.middle_name, v.iin, v.birth_date, v.phone, v.region, v.status, v.skills
       FROM volunteers v WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit, q.offset) as Record<string, string | null>[];
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

import type { z } from 'zod';
import { CallError } from '../../../shared/contract/errors';
import type { ExpiringRow, Qualification, expiringQuery } from '../../../shared/contract/trainings';
import { addDays, daysBetween, passQualificationId, qualificationStatus, validity } from '../../../shared/domain/trainings';
import type { Db } from '../db/connection';
import { newId } from '../replication/ids';
import type { Row, SqlValue } from '../replication/tables';
import { insertReplicated, prepared, updateReplicated, type WriteStamp } from '../replication/write';
import { loadKind, localizedOf } from './catalogue';

/**
 * Qualifications: granted by a pass (id `session:volunteer`, so the same pass entered at two
 * offices is one record) or recorded by hand. The dates are computed once, when granted, from
 * the kind's validity then; expired ones stay listed but count for nothing.
 */

/** SQL: a live qualification of kind ? valid on date ? (twice), for `q` joined to a person. */
export const VALID_ON_SQL = `q.kind_id = ? AND q.deleted = 0 AND q.valid_from <= ? AND (q.valid_until IS NULL OR q.valid_until >= ?)`;

/** The roster filter "valid qualification K on D" as an EXISTS over the volunteer `v`. */
export function qualifiedFilter(kindId: string, on: string): { sql: string; params: SqlValue[] } {
  return {
    sql: `EXISTS (SELECT 1 FROM qualifications q WHERE q.volunteer_id = v.id AND ${VALID_ON_SQL})`,
    params: [kindId, on, on],
  };
}

export function holdsValid(db: Db, volunteerId: string, kindId: string, on: string): boolean {
  return prepared(db, `SELECT 1 FROM qualifications q WHERE q.volunteer_id = ? AND ${VALID_ON_SQL} LIMIT 1`).get(volunteerId, kindId, on, on) !== undefined;
}

function upsert(w: WriteStamp, id: string, values: Row): void {
  const exists = prepared(w.db, 'SELECT 1 FROM qualifications WHERE id = ?').get(id);
  if (exists) updateReplicated(w, 'qualifications', id, { ...values, deleted: 0 });
  else insertReplicated(w, 'qualifications', id, { ...values, deleted: 0 });
}

/** A pass grants the kind from the session's last day. Returns the qualification's id. */
export function grantByPass(w: WriteStamp, sessionId: string, volunteerId: string, kindId: string, from: string): string {
  const kind = loadKind(w.db, kindId);
  const id = passQualificationId(sessionId, volunteerId);
  const v = validity(from, kind.validityMonths, kind.graceMonths);
  upsert(w, id, {
    source_id: sessionId, volunteer_id: volunteerId, kind_id: kindId, session_id: sessionId,
    valid_from: from, valid_until: v.validUntil, grace_until: v.graceUntil, note: null,
  });
  return id;
}

/** A pass taken back (the result changed): the qualification it granted ends. */
export function revokePass(w: WriteStamp, sessionId: string, volunteerId: string): void {
  const id = passQualificationId(sessionId, volunteerId);
  const live = prepared(w.db, 'SELECT 1 FROM qualifications WHERE id = ? AND deleted = 0').get(id);
  if (live) updateReplicated(w, 'qualifications', id, { deleted: 1 });
}

export function addByHand(w: WriteStamp, volunteerId: string, kindId: string, from: string, note: string): string {
  const kind = loadKind(w.db, kindId);
  const source = newId();
  const id = `${source}:${volunteerId}`;
  const v = validity(from, kind.validityMonths, kind.graceMonths);
  insertReplicated(w, 'qualifications', id, {
    source_id: source, volunteer_id: volunteerId, kind_id: kindId, session_id: null,
    valid_from: from, valid_until: v.validUntil, grace_until: v.graceUntil, note: note || null, deleted: 0,
  });
  return id;
}

export function deleteQualification(w: WriteStamp, id: string): void {
  const live = prepared(w.db, 'SELECT 1 FROM qualifications WHERE id = ? AND deleted = 0').get(id);
  if (!live) throw new CallError({ code: 'notFound', key: 'error.notFound' }, `No qualification ${id}`);
  updateReplicated(w, 'qualifications', id, { deleted: 1 });
}

interface QualificationSqlRow {
  id: string;
  volunteer_id: string;
  kind_id: string;
  session_id: string | null;
  valid_from: string;
  valid_until: string | null;
  grace_until: string | null;
  note: string | null;
  name_kk: string | null;
  name_ru: string | null;
  name_en: string | null;
}

export function qualificationsOf(db: Db, volunteerId: string, on: string): Qualification[] {
  const rows = prepared(
    db,
    `SELECT q.*, k.name_kk, k.name_ru, k.name_en FROM qualifications q LEFT JOIN qualification_kinds k ON k.id = q.kind_id
     WHERE q.volunteer_id = ? AND q.deleted = 0 ORDER BY q.valid_from DESC, q.id`,
  ).all(volunteerId) as QualificationSqlRow[];
  return rows.map((r) => ({
    id: r.id,
    volunteerId: r.volunteer_id,
    kindId: r.kind_id,
    kindNames: localizedOf(r as unknown as Record<string, unknown>, 'name'),
    from: r.valid_from,
    validUntil: r.valid_until,
    graceUntil: r.grace_until,
    status: qualificationStatus(r.valid_from, { validUntil: r.valid_until, graceUntil: r.grace_until }, on),
    source: r.session_id ? 'training' : 'manual',
    sessionId: r.session_id,
    note: r.note,
  }));
}

type ExpiringArgs = Omit<z.output<typeof expiringQuery>, 'on' | 'offset' | 'limit'> & { on: string };

/**
 * Qualifications ending within `within` days of `on` (and, with includeGrace, those expired but
 * still in grace), of live people, leaving out anyone who already holds a later one of the kind
 * (renewed people need no refresher). Soonest first.
 */
export function expiring(db: Db, query: ExpiringArgs, page: { offset: number; limit: number } | null): { total: number; rows: ExpiringRow[] } {
  const { on, within, includeGrace, kindId } = query;
  const until = addDays(on, within);
  const where = [
    'q.deleted = 0', 'q.valid_until IS NOT NULL', 'q.valid_from <= ?',
    includeGrace ? '((q.valid_until >= ? AND q.valid_until <= ?) OR (q.valid_until < ? AND q.grace_until >= ?))' : '(q.valid_until >= ? AND q.valid_until <= ?)',
    `NOT EXISTS (SELECT 1 FROM qualifications r WHERE r.volunteer_id = q.volunteer_id AND r.kind_id = q.kind_id AND r.deleted = 0
       AND r.id <> q.id AND (r.valid_until IS NULL OR r.valid_until > q.valid_until))`,
  ];
  const params: SqlValue[] = [on, on, until];
  if (includeGrace) params.push(on, on);
  if (kindId) {
    where.push('q.kind_id = ?');
    params.push(kindId);
  }
  const from = `FROM qualifications q JOIN volunteers v ON v.id = q.volunteer_id AND v.deleted = 0
    LEFT JOIN qualification_kinds k ON k.id = q.kind_id WHERE ${where.join(' AND ')}`;
  const total = (prepared(db, `SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const limit = page ? `LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const rows = prepared(
    db,
    `SELECT q.id, q.volunteer_id, q.kind_id, q.valid_from, q.valid_until, q.grace_until, k.name_kk, k.name_ru, k.name_en,
       v.last_name || ' ' || v.first_name || COALESCE(' ' || v.middle_name, '') AS name, v.phone, v.region
     ${from} ORDER BY q.valid_until, v.sort_name, q.id ${limit}`,
  ).all(...params) as (QualificationSqlRow & { name: string; phone: string | null; region: string | null; valid_until: string; grace_until: string })[];
  return {
    total,
    rows: rows.map((r) => ({
      qualificationId: r.id,
      volunteerId: r.volunteer_id,
      name: r.name,
      phone: r.phone,
      region: r.region,
      kindId: r.kind_id,
      kindNames: localizedOf(r as unknown as Record<string, unknown>, 'name'),
      from: r.valid_from,
      validUntil: r.valid_until,
      graceUntil: r.grace_until ?? r.valid_until,
      status: qualificationStatus(r.valid_from, { validUntil: r.valid_until, graceUntil: r.grace_until }, on),
      daysLeft: daysBetween(on, r.valid_until),
    })),
  };
}

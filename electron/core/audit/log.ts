import type { AuditAction, AuditEntry } from '../../../shared/contract/audit';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';

export interface AuditRecord {
  at: string;
  /** login@OFFICE of who acted. */
  actor: string;
  action: AuditAction;
  /** Whom or what the act concerned: a login. */
  subject: string;
  detail?: Record<string, string>;
}

/** Adds an act to the trail, inside the caller's transaction: a refused or rolled-back act leaves no record. */
export function recordAudit(db: Db, record: AuditRecord): void {
  prepared(db, 'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run(
    record.at,
    record.actor,
    record.action,
    record.subject,
    JSON.stringify(record.detail ?? {}),
  );
}

/** A page of the trail, newest first, optionally only some kinds of act. */
export function auditPage(db: ReadDb, query: { actions?: readonly AuditAction[]; offset: number; limit: number }): { total: number; rows: AuditEntry[] } {
  const actions = query.actions?.length ? JSON.stringify(query.actions) : null;
  const where = 'WHERE (@actions IS NULL OR action IN (SELECT value FROM json_each(@actions)))';
  const { total } = prepared(db, `SELECT count(*) AS total FROM audit_log ${where}`).get({ actions }) as { total: number };
  const rows = (
    prepared(db, `SELECT at, actor, action, subject, detail FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`).all({
      actions,
      limit: query.limit,
      offset: query.offset,
    }) as (Omit<AuditEntry, 'detail'> & { detail: string })[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, string> }));
  return { total, rows };
}

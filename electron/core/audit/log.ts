import type { AuditAction, AuditEntry, AuditQuery } from '../../../shared/contract/audit';
import { instantOf, localDateTimeAt } from '../../../shared/domain/events';
import { translate, type Lang } from '../../../shared/i18n/translate';
import type { CallContext, ReadContext } from '../context';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { noProgress, type Progress } from '../progress';
import type { OutCell } from '../spreadsheet/sheet';
import { writeSheetWithProgress } from '../spreadsheet/write';

export interface AuditRecord {
  at: string;
  /** login@OFFICE of who acted. */
  actor: string;
  action: AuditAction;
  /** Whom or what the act concerned: a login, a record id, an office, a key's fingerprint. */
  subject: string;
  detail?: Record<string, string>;
}

/**
 * Adds an act to the trail, inside the caller's transaction: a refused or rolled-back act leaves
 * no record. Anything that does an act worth auditing (a backup, a restore) can call it with the
 * writable connection it acts in.
 */
export function recordAudit(db: Db, record: AuditRecord): void {
  prepared(db, 'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run(
    record.at,
    record.actor,
    record.action,
    record.subject,
    JSON.stringify(record.detail ?? {}),
  );
}

/** An act of a writing call, by the call's actor, now, in the call's own transaction. */
export function auditAct(ctx: CallContext, action: AuditAction, subject: string, detail?: Record<string, string>): void {
  recordAudit(ctx.db, { at: ctx.now().toISOString(), actor: ctx.actorName(), action, subject, detail });
}

/**
 * An act of a call that only reads (an export of personal data, a sign-in). Such a call has no
 * transaction and, in the worker runtime, may run on the read-only connection, so the record is
 * bookkeeping: written on the writable connection once the act is done (the handler calls this
 * last, after the file is made, so a failed export leaves no record). On the reader, bookkeeping
 * throws NeedsWriter and the call would run twice; the router therefore sends these calls to the
 * writer from the start (WRITER_READS in electron/worker/router.ts), which costs nothing else:
 * a read on the writer still sees the last committed state and holds no lock.
 */
export function auditRead(ctx: ReadContext, action: AuditAction, subject: string, detail?: Record<string, string>, actor = ctx.actorName()): void {
  const at = ctx.now().toISOString();
  ctx.bookkeeping((db) => recordAudit(db, { at, actor, action, subject, detail }));
}

const DAY_MS = 86_400_000;

/** The WHERE clause and parameters of a query: kinds of act, who (actor or subject), Kazakhstan calendar days. */
function whereOf(query: AuditQuery): { where: string; params: Record<string, string | null> } {
  return {
    where: `WHERE (@actions IS NULL OR action IN (SELECT value FROM json_each(@actions)))
      AND (@who IS NULL OR instr(lower(actor), @who) > 0 OR instr(lower(subject), @who) > 0)
      AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`,
    params: {
      actions: query.actions?.length ? JSON.stringify(query.actions) : null,
      who: query.who ? query.who.toLowerCase() : null,
      // A day runs from midnight to midnight in Kazakhstan (UTC+5); `at` is stored in UTC.
      from: query.from ? instantOf(`${query.from}T00:00`).toISOString() : null,
      to: query.to ? new Date(instantOf(`${query.to}T00:00`).getTime() + DAY_MS).toISOString() : null,
    },
  };
}

type StoredEntry = Omit<AuditEntry, 'detail'> & { detail: string };
const parsed = (row: StoredEntry): AuditEntry => ({ ...row, detail: JSON.parse(row.detail) as Record<string, string> });

/** A page of the trail, newest first, filtered. */
export function auditPage(db: ReadDb, query: AuditQuery & { offset: number; limit: number }): { total: number; rows: AuditEntry[] } {
  const { where, params } = whereOf(query);
  const { total } = prepared(db, `SELECT count(*) AS total FROM audit_log ${where}`).get(params) as { total: number };
  const rows = (
    prepared(db, `SELECT at, actor, action, subject, detail FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit: query.limit,
      offset: query.offset,
    }) as StoredEntry[]
  ).map(parsed);
  return { total, rows };
}

/** Every entry a query selects, newest first, one at a time (the export and the command line). */
export function* auditEntries(db: ReadDb, query: AuditQuery): Generator<AuditEntry> {
  const { where, params } = whereOf(query);
  for (const row of prepared(db, `SELECT at, actor, action, subject, detail FROM audit_log ${where} ORDER BY at DESC, id DESC`).iterate(params)) {
    yield parsed(row as StoredEntry);
  }
}

/** The particulars of an act as one line of text, `name: value`, with the names in the user's language. */
const detailText = (detail: Record<string, string>, t: (key: string) => string): string =>
  Object.entries(detail)
    .map(([k, v]) => `${t(`audit.detail.${k}`)}: ${v}`)
    .join('; ');

/** The trail as filtered, as an .xlsx with headers and act names in the user's language. */
export function auditWorkbook(db: ReadDb, query: AuditQuery, lang: Lang, progress: Progress = noProgress): { file: Uint8Array; rows: number } {
  const { total } = auditPage(db, { ...query, offset: 0, limit: 1 });
  const t = (key: string) => translate(lang, key);
  const headers = ['audit.col.at', 'audit.col.actor', 'audit.col.action', 'audit.col.subject', 'audit.col.detail'].map(t);
  function* cells(): Generator<OutCell[]> {
    for (const e of auditEntries(db, query)) {
      yield [{ text: localDateTimeAt(new Date(e.at)).replace('T', ' ') }, { text: e.actor }, { text: t(`audit.action.${e.action}`) }, { text: e.subject }, { text: detailText(e.detail, t) }];
    }
  }
  return { file: writeSheetWithProgress({ name: t('audit.sheetName'), headers, rows: cells(), total }, 'xlsx', progress), rows: total };
}

import { z } from 'zod';
import { call } from './call';
import { generatedFile } from './files';
import { isoDate } from '../domain/text';

/** One exact-IIN lookup by an account that may not read IINs (the IIN itself is not kept). */
export const iinLookup = z.object({
  at: z.string(),
  userId: z.string(),
  login: z.string(),
  call: z.string(),
  hit: z.boolean(),
  /** The same tag is the same IIN asked about (a keyed hash's first characters, not the number). */
  tag: z.string(),
});
export type IinLookup = z.infer<typeof iinLookup>;

/** One user's exact-IIN lookups against the limits. */
const iinLookupUser = z.object({ userId: z.string(), login: z.string(), lastHour: z.number(), lastDay: z.number(), total: z.number(), hits: z.number() });
export type IinLookupUser = z.infer<typeof iinLookupUser>;

/** Changes to accounts (the Users screen lists these). */
export const ACCOUNT_ACTIONS = ['user.added', 'user.roleChanged', 'user.deactivated', 'user.reactivated', 'user.passwordSet'] as const;

/**
 * The acts the audit trail records (audit/log.ts), by group: accounts, sign-ins, exports of
 * personal data, erasures, trust in other offices' keys, the office's own keys, backups.
 */
export const AUDIT_ACTIONS = [
  ...ACCOUNT_ACTIONS,
  'auth.signedIn', 'auth.signInFailed', 'auth.signInThrottled', 'auth.signedOut',
  'export.roster', 'export.hours', 'export.exchange', 'export.certificates', 'export.attendance', 'export.qualifications', 'export.notify',
  'volunteer.erased',
  'trust.added', 'trust.removed', 'trust.confirmed', 'trust.rejected', 'keys.rotated', 'certificateKey.revoked',
  'backup.made', 'backup.restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of act the audit screen filters by: each names the prefix of its actions. */
export const AUDIT_KINDS = ['user', 'auth', 'export', 'volunteer', 'trust', 'keys', 'certificateKey', 'backup'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const actionsOfKind = (kind: AuditKind): AuditAction[] => AUDIT_ACTIONS.filter((a) => a.startsWith(`${kind}.`));

/** What the audit screen, its export and the command line ask for: kinds of act, who, and a date range (inclusive days, YYYY-MM-DD, Kazakhstan time). */
export const auditQuery = z.strictObject({
  actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).optional(),
  /** Part of login@OFFICE of who acted, or of whom it concerned. */
  who: z.string().trim().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** One act: when, who did it (login@OFFICE), what, to whom (a login), and its particulars (e.g. the roles before and after). */
export const auditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  subject: z.string(),
  detail: z.record(z.string(), z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** The kinds of record that keep a field-by-field history (record-history/history.ts). */
export const HISTORY_TABLES = ['volunteers', 'organisations'] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

const fieldValue = z.union([z.string(), z.number(), z.null()]);

/**
 * One write in a record's history: its stamp, when (from the stamp) and who (login@OFFICE) made
 * it, and the fields it changed. `here`: made at this office; `bundle`: arrived in a bundle;
 * `known`: the earliest values the record's clock knows (before its history was kept), `from` null.
 */
export const historyEntry = z.object({
  stamp: z.string(),
  at: z.string(),
  actor: z.string(),
  kind: z.enum(['here', 'bundle', 'known']),
  bundleId: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), from: fieldValue, to: fieldValue })),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const auditCalls = {
  /** A record's history, field by field, newest first, a page at a time. */
  'history.record': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({
      table: z.enum(HISTORY_TABLES),
      id: z.string().min(1).max(64),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    output: z.object({ total: z.number(), entries: z.array(historyEntry) }),
  }),
  /** The audit trail, newest first, a page at a time. */
  'audit.log': call({
    access: 'administrator',
    writes: false,
    input: auditQuery.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ total: z.number(), rows: z.array(auditEntry) }),
  }),
  /** The audit trail as filtered, as an .xlsx file (newest first). */
  'audit.export': call({
    access: 'administrator',
    writes: false,
    long: true,
    input: auditQuery.extend({ lang: z.enum(['kk', 'ru', 'en']) }),
    output: generatedFile.extend({ rows: z.number() }),
  }),
  /** The record of exact-IIN lookups, newest first, with each user's counts against the limits. */
  'audit.iinLookups': call({
    access: 'administrator',
    writes: false,
    input: z.strictObject({ userId: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({
      limits: z.object({ perHour: z.number(), perDay: z.number() }),
      users: z.array(iinLookupUser),
      lookups: z.array(iinLookup),
    }),
  }),
};

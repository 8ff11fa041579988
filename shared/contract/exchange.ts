import { z } from 'zod';
import { OFFICE_CODES } from '../domain/regions';
import { call, ok } from './call';

/**
 * Exchange between offices: bundles out and in, the conflict and duplicate review lists, the
 * trust list and this office's own key fingerprint.
 *
 * Files: the renderer never names a path. In Electron the main process shows the open/save
 * dialog, registers the chosen path with the core and hands over an opaque `token`; in the web
 * host the bundle travels as base64 (up to BUNDLE_BASE64_MAX characters).
 */
export const BUNDLE_BASE64_MAX = 48 * 1024 * 1024;

const token = z.string().min(8).max(100);
export const bundleSource = z.union([
  z.strictObject({ token }),
  z.strictObject({ base64: z.string().min(1).max(BUNDLE_BASE64_MAX) }),
]);

const tableSummary = z.object({
  created: z.number(),
  updated: z.number(),
  /** Records held live here that the bundle erases (merged-away records count as merges). */
  erased: z.number(),
  unchanged: z.number(),
  missing: z.number(),
  conflicts: z.number(),
  merged: z.number(),
  /** Changes not applied: their author's office may not change these records. */
  refused: z.number().default(0),
});
export type TableSummaryView = z.infer<typeof tableSummary>;

export const REPORT_KINDS = ['added', 'changed', 'erased', 'restored', 'merged', 'unmerged', 'conflict'] as const;
const fieldValue = z.union([z.string(), z.number(), z.null()]);
const reportItem = z.object({
  kind: z.enum(REPORT_KINDS),
  table: z.string(),
  id: z.string(),
  label: z.string(),
  /** `changed`: the fields whose values change. */
  changes: z.array(z.object({ field: z.string(), from: fieldValue, to: fieldValue })).optional(),
  /** `merged` / `unmerged`: the record the merged one became part of. */
  into: z.object({ id: z.string(), label: z.string() }).optional(),
  /** `conflict`: the field and kind of the conflict raised, and its id in the conflict list. */
  field: z.string().optional(),
  conflictKind: z.enum(['field', 'delete']).optional(),
  conflictId: z.number().optional(),
});
/** Record by record what an import does: exact counts per kind, the first records of each kind in detail. */
export const changeReport = z.object({
  counts: z.record(z.enum(REPORT_KINDS), z.number()),
  items: z.array(reportItem),
  /** True when some kind had more records than the detail cap (its count is still exact). */
  truncated: z.boolean(),
});
export type ChangeReportView = z.infer<typeof changeReport>;
export type ReportItemView = z.infer<typeof reportItem>;
export type ReportKind = (typeof REPORT_KINDS)[number];

const trustChange = z.object({ change: z.enum(['added', 'pending', 'revoked', 'rotated']), office: z.string(), fingerprint: z.string() });
export type TrustChangeView = z.infer<typeof trustChange>;

export const importSummary = z.object({
  bundleId: z.string(),
  from: z.object({ office: z.string(), replica: z.string(), name: z.string(), fingerprint: z.string() }),
  createdAt: z.string(),
  full: z.boolean(),
  dryRun: z.boolean(),
  alreadyImported: z.boolean(),
  /** True when applying the bundle changed nothing (a repeat, or data already here). */
  nothingChanged: z.boolean(),
  rows: z.number(),
  tables: z.record(z.string(), tableSummary),
  conflicts: z.number(),
  /** `people`: the merges the import brought or made, by name (`absorbedHere`: the merged-away record was registered here). */
  duplicates: z.object({ merged: z.number(), review: z.number(), people: z.array(z.lazy(() => mergeLogEntry)) }),
  trustAdded: z.number(),
  /** Changes to whom this office trusts: keys revoked or rotated, added from the centre's list, or waiting for an administrator. */
  trustChanges: z.array(trustChange),
  /** The bundle's newest stamp is this many minutes ahead of this computer's clock (0: not notably). */
  clockAheadMinutes: z.number(),
  /** Changes not applied because their author's office may not change those records: per office, and the first ones. */
  refused: z.object({
    total: z.number(),
    offices: z.record(z.string(), z.number()),
    changes: z.array(z.object({ table: z.string(), id: z.string(), field: z.string(), office: z.string() })),
  }),
  /** The offices whose keys the centre's trust list added, one entry per key. */
  trustOffices: z.array(z.string()),
  /** Record by record what the import does (capped detail, exact counts). */
  report: changeReport,
});
export type ImportSummaryView = z.infer<typeof importSummary>;

export const exportResult = z.object({
  bundleId: z.string(),
  from: z.string(),
  to: z.string(),
  full: z.boolean(),
  since: z.number(),
  upTo: z.number(),
  rows: z.number(),
  counts: z.record(z.string(), z.number()),
  bytes: z.number(),
  sha256: z.string(),
  /** Suggested file name (the save dialog's default). */
  fileName: z.string(),
  /** The bundle itself when no target token was given (web host download). */
  base64: z.string().optional(),
});
export type ExportResultView = z.infer<typeof exportResult>;

export const mergeLogEntry = z.object({
  id: z.string(),
  table: z.string(),
  survivor: z.object({ id: z.string(), label: z.string() }),
  loser: z.object({ id: z.string(), label: z.string() }),
  at: z.string(),
  by: z.string(),
  office: z.string(),
  undone: z.boolean(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  /** The merged-away record was registered at this office: its people see it under the survivor now. */
  absorbedHere: z.boolean(),
});
export type MergeLogEntryView = z.infer<typeof mergeLogEntry>;

const conflictSide = z.object({ value: z.unknown(), stamp: z.string(), actor: z.string(), at: z.string() });
const conflictActor = z.object({ actor: z.string(), office: z.string(), at: z.string() });
export const conflictView = z.object({
  id: z.number(),
  table: z.string(),
  rowId: z.string(),
  /** The record's name; null when it has none left (an erased person), never a raw id. */
  label: z.string().nullable(),
  field: z.string(),
  kind: z.enum(['field', 'delete']),
  winner: conflictSide,
  loser: conflictSide,
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The merged-away record the losing value came from. */
  mergedFrom: z.string().nullable(),
  /** Delete conflicts: who erased, who edited without knowing; `loser.value` is what restoring gives back. */
  erasedBy: conflictActor.nullable(),
  editedBy: z.array(conflictActor),
  /** Which side was written later (by clock stamp, finer than the seconds shown). */
  later: z.enum(['winner', 'loser']),
});
export type ConflictViewData = z.infer<typeof conflictView>;
export type ConflictActorView = z.infer<typeof conflictActor>;

/** What the conflict list can be narrowed to: the offices, kinds of record and fields among the conflicts shown. */
const conflictFacets = z.object({
  offices: z.array(z.string()),
  tables: z.array(z.string()),
  fields: z.array(z.object({ table: z.string(), field: z.string() })),
});
export type ConflictFacets = z.infer<typeof conflictFacets>;

const duplicateSide = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  hasIin: z.boolean(),
  region: z.string().nullable(),
});
export const duplicatePair = z.object({
  table: z.literal('volunteers'),
  reason: z.enum(['nameBirthDate', 'namePhone']),
  a: duplicateSide,
  b: duplicateSide,
});
export type DuplicatePairView = z.infer<typeof duplicatePair>;

export const trustedKey = z.object({
  office: z.string(),
  replica: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  source: z.enum(['administrator', 'centre']),
  /** `pending`: proposed by the centre's list for an office already known; used only once an administrator confirms it. */
  status: z.enum(['active', 'pending']),
  validFrom: z.string().nullable(),
  /** Set when the key was revoked or rotated out: no bundles go to it, its later signatures are refused. */
  validUntil: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});

const historyEntry = z.object({
  id: z.number(),
  direction: z.enum(['export', 'import']),
  bundleId: z.string(),
  peerOffice: z.string(),
  peerReplica: z.string().nullable(),
  full: z.boolean(),
  sinceSeq: z.number(),
  upToSeq: z.number(),
  rows: z.number(),
  bytes: z.number(),
  sha256: z.string(),
  summary: z.unknown(),
  at: z.string(),
  actor: z.string(),
});
export type HistoryEntryView = z.infer<typeof historyEntry>;

/** What one bundle's history row did: its report and the conflicts it raised with the decisions made since. */
const historyDetail = z.object({
  entry: historyEntry,
  /** Null for exports, and for imports made before reports were kept. */
  report: changeReport.nullable(),
  conflicts: z.array(conflictView),
});
export type HistoryDetailView = z.infer<typeof historyDetail>;

const page = { limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) };
const recordId = z.string().min(1).max(200);

export const exchangeCalls = {
  /** Writes a bundle for one office: to the file behind `target` (Electron, CLI) or returned as base64 (web). */
  'exchange.export': call({
    access: 'coordinator',
    writes: true,
    long: true,
    input: z.strictObject({
      to: z.enum(OFFICE_CODES, { error: 'error.region' }).optional(),
      full: z.boolean().default(false),
      target: z.strictObject({ token }).optional(),
    }),
    output: exportResult,
  }),
  /** What importing would do: created / updated / unchanged / conflicts / duplicates per kind of record. Writes nothing. */
  'exchange.preview': call({ access: 'coordinator', long: true, writes: false, input: z.strictObject({ source: bundleSource }), output: importSummary }),
  /** Verifies and applies a bundle in one transaction. */
  'exchange.import': call({ access: 'coordinator', long: true, writes: true, input: z.strictObject({ source: bundleSource }), output: importSummary }),
  'exchange.history': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject(page),
    output: z.object({ total: z.number(), items: z.array(historyEntry) }),
  }),
  /** What one bundle's history row did: its report and the conflicts it raised with the decisions made since. */
  'exchange.historyEntry': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: historyDetail,
  }),
  'conflicts.list': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject({
      includeResolved: z.boolean().default(false),
      office: z.string().max(10).optional(),
      table: z.string().max(40).optional(),
      field: z.string().max(60).optional(),
      kind: z.enum(['field', 'delete']).optional(),
      ...page,
    }),
    output: z.object({ total: z.number(), items: z.array(conflictView), facets: conflictFacets }),
  }),
  /** Decides many conflicts at once: keep what is in effect, take what was set aside, or take one office's value. */
  'conflicts.resolveMany': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({
      ids: z.array(z.number().int().min(1)).min(1).max(1000),
      choice: z.enum(['winner', 'loser', 'office']),
      office: z.enum(OFFICE_CODES, { error: 'error.region' }).optional(),
    }),
    output: z.object({
      resolved: z.array(z.number()),
      skipped: z.array(z.object({ id: z.number(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
    }),
  }),
  /** Keep the winner, take the loser, or type a value; a delete conflict: keep deleted (winner) or restore (loser). */
  'conflicts.resolve': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({
      id: z.number().int().min(1),
      choice: z.enum(['winner', 'loser', 'value']),
      value: z.union([z.string().max(100_000), z.number(), z.null()]).optional(),
    }),
    output: conflictView,
  }),
  'duplicates.list': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject({ limit: z.number().int().min(1).max(2000).default(200), offset: page.offset }),
    output: z.object({ total: z.number(), items: z.array(duplicatePair) }),
  }),
  /**
   * Merges two records of one person. Per field (volunteer field or column names), whose value is kept:
   * `choices`; a field without a choice keeps `keepId`'s value, or the other's when `keepId` has none.
   */
  'duplicates.merge': call({
    access: 'coordinator',
    writes: true,
    input: z.strictObject({ keepId: recordId, otherId: recordId, choices: z.record(z.string().max(60), z.enum(['keep', 'other'])).default({}) }),
    output: z.object({ survivor: z.string(), loser: z.string() }),
  }),
  /** Every field of both records side by side (stored columns and values, as conflicts show them), for a per-field choice. */
  'duplicates.compare': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject({ a: recordId, b: recordId }),
    output: z.object({ fields: z.array(z.object({ field: z.string(), a: z.unknown(), b: z.unknown() })) }),
  }),
  /** The merge log, newest first. */
  'merges.list': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject(page),
    output: z.object({ total: z.number(), items: z.array(mergeLogEntry) }),
  }),
  /** Undoes a merge: both records as they were, at every office the undo reaches. */
  'merges.undo': call({ access: 'coordinator', writes: true, input: z.strictObject({ id: z.string().min(1).max(300) }), output: z.object({ survivor: z.string(), loser: z.string() }) }),
  'duplicates.markDistinct': call({ access: 'coordinator', writes: true, input: z.strictObject({ a: recordId, b: recordId }), output: ok }),
  'trust.list': call({ access: 'coordinator', writes: false, input: z.strictObject({}), output: z.array(trustedKey) }),
  /** Trusting an office is an administrator's act: the text of its public-key file and the fingerprint the administrator compared. */
  'trust.add': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ keyFile: z.string().min(1).max(16_384), fingerprint: z.string().min(1).max(80) }),
    output: z.object({ added: z.boolean(), office: z.string(), fingerprint: z.string() }),
  }),
  /**
   * Stops trusting a key here, for good (no trust list re-adds it). At the centre, or for a key of
   * this office, it is also a signed revocation that every office applies (`revoked`).
   */
  'trust.remove': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ fingerprint: z.string().max(80) }),
    output: z.object({ ok: z.literal(true), revoked: z.boolean() }),
  }),
  /** A key the centre's list proposed for an office already known: an administrator accepts or rejects it. */
  'trust.confirm': call({ access: 'administrator', writes: true, input: z.strictObject({ fingerprint: z.string().max(80) }), output: ok }),
  'trust.reject': call({ access: 'administrator', writes: true, input: z.strictObject({ fingerprint: z.string().max(80) }), output: ok }),
  /** A new key pair for this workstation, signed by the current one, which is retired; other offices switch over after exchange. */
  'keys.rotate': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({}),
    output: z.object({ office: z.string(), replica: z.string(), fingerprint: z.string(), previous: z.string(), keyFile: z.string() }),
  }),
  /** This office's identity and fingerprint, and its public-key file to hand to other offices. */
  'keys.own': call({
    access: 'coordinator',
    writes: false,
    input: z.strictObject({}),
    output: z.object({ office: z.string(), replica: z.string(), name: z.string(), fingerprint: z.string(), keyFile: z.string() }),
  }),
};

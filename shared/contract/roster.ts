import { z } from 'zod';
import { pastDate } from '../domain/text';
import { CONSENT_BASES } from '../domain/vocabulary';
import { call, ok } from './call';
import { generatedFile } from './files';
import { rosterFilter, volunteerSelection } from './volunteers';

/**
 * Rosters in and out of Excel. The renderer never names a file path: it sends the file's bytes
 * (in chunks, so a large file fits every transport and the user sees progress) and gets a token;
 * later steps name the token, and the core keeps the parsed file in memory for a while.
 */

/** What a spreadsheet column can be mapped to. `fullName` is «Фамилия Имя Отчество» in one cell. */
export const ROSTER_FIELDS = [
  'fullName', 'lastName', 'firstName', 'middleName', 'lastNameLatin', 'firstNameLatin', 'iin', 'birthDate', 'sex',
  'phone', 'email', 'region', 'district', 'locality', 'languages', 'skills', 'drivingCategories', 'areas',
  'availability', 'status', 'consentDate', 'consentBasis', 'guardianName', 'guardianPhone', 'guardianConsentDate',
  'emergencyContactName', 'emergencyContactPhone', 'notes',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Columns an export can carry (every field but the combined name). */
export const EXPORT_COLUMNS = ROSTER_FIELDS.filter((f) => f !== 'fullName') as Exclude<RosterField, 'fullName'>[];
export type ExportColumn = Exclude<RosterField, 'fullName'>;
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = [
  'lastName', 'firstName', 'middleName', 'iin', 'birthDate', 'sex', 'phone', 'email', 'region', 'locality', 'status',
];

export const ROSTER_LIMITS = {
  /** Largest file accepted. */
  fileBytes: 50 * 1024 * 1024,
  /** Most data rows in one sheet. */
  rows: 200_000,
  /** Most columns a mapping may name. */
  columns: 256,
  /** One upload chunk: 8 MiB of bytes as base64. */
  chunkChars: Math.ceil((8 * 1024 * 1024) / 3) * 4,
  /**
   * Bytes an .xlsx may inflate to, counted as they come out (never what the zip declares): room
   * for 200,000 rows of some 27 filled columns (a 200,000-row export of 14 inflates to 133 MB).
   */
  expandedBytes: 400 * 1024 * 1024,
  /** Filled cells in one file, and texts in its shared-strings table. */
  cells: 8_000_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /** Merged ranges in one sheet. */
  merges: 10_000,
  /** Sheets in one workbook. */
  sheets: 1000,
} as const;
export type RosterLimits = Record<keyof typeof ROSTER_LIMITS, number>;

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'error.roster.expired' });
const base64 = z
  .string()
  .max(ROSTER_LIMITS.chunkChars, { error: 'error.roster.tooLarge' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'error.roster.notSpreadsheet' });
const lang = z.enum(['kk', 'ru', 'en']);

export const rosterMapping = z.array(z.enum(ROSTER_FIELDS, { error: 'error.choice' }).nullable()).max(ROSTER_LIMITS.columns);
export type RosterMapping = z.infer<typeof rosterMapping>;

export const fileConsent = z.strictObject({
  basis: z.enum(CONSENT_BASES, { error: 'error.choice' }),
  date: pastDate,
});
export type FileConsent = z.infer<typeof fileConsent>;

/** A sheet of an uploaded file, read with a mapping (one entry per column, null = ignore). */
export const rosterChoice = z.strictObject({
  token,
  sheet: z.number().int().min(0).max(ROSTER_LIMITS.sheets),
  mapping: rosterMapping,
  /** Overrides the detected header row (1-based, as Excel numbers rows). */
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  /**
   * The consent covering the whole file, asked once (paper forms kept at the office, and when):
   * recorded on every imported person with no consent of their own. Absent: they stay without
   * consent, which the roster's "No consent" filter lists for follow-up.
   */
  consent: fileConsent.optional(),
});
export type RosterChoice = z.input<typeof rosterChoice>;

export const rosterColumn = z.object({
  index: z.number(),
  /** Excel's column letter (A, B, … AA). */
  letter: z.string(),
  header: z.string(),
});

export const rosterSheet = z.object({
  index: z.number(),
  name: z.string(),
  hidden: z.boolean(),
  /** Data rows (non-blank rows below the header). */
  rows: z.number(),
  /** 1-based row of the header, null when the sheet is empty. */
  headerRow: z.number().nullable(),
  columns: z.array(rosterColumn),
  /** Erikti's guess, one entry per column. */
  mapping: rosterMapping,
  /** The first data rows as text, one entry per column. */
  sample: z.array(z.array(z.string())),
});
export type RosterSheet = z.infer<typeof rosterSheet>;

export const rosterProblem = z.object({
  /** The row number as the spreadsheet shows it. */
  row: z.number(),
  /** The header of the column at fault, null when the problem is the row as a whole. */
  column: z.string().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RosterProblem = z.infer<typeof rosterProblem>;

export const MATCH_KINDS = ['iin', 'nameBirthDate', 'namePhone', 'name'] as const;

/** What an import will do (preview) or did (import). Each data row is counted once. */
export const rosterReport = z.object({
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejectedRows: z.number(),
  rejected: z.array(rosterProblem),
  /** Rows imported with an optional field that did not fit left empty (a phone «7011234», a region «Марс»), and why. */
  warnedRows: z.number(),
  warnings: z.array(rosterProblem),
  /** Rows that repeat an earlier row of the same file (also rejected). */
  duplicates: z.array(z.object({ row: z.number(), firstRow: z.number() })),
  /** Rows that match someone already registered and change them (the first 1,000). */
  updates: z.array(z.object({
    row: z.number(),
    id: z.string(),
    name: z.string(),
    by: z.enum(MATCH_KINDS),
    fields: z.array(z.string()),
  })),
  /** The people added, by name (the first 1,000). */
  addedPeople: z.array(z.object({ row: z.number(), name: z.string() })),
  /** People added or updated who get the file's consent (`consent`), and who stay without any. */
  consentFromFile: z.number(),
  withoutConsent: z.number(),
});
export type RosterReport = z.infer<typeof rosterReport>;


export const rosterCalls = {
  /** Sends a file (or its next chunk); the first call has no token and gets one. */
  'roster.upload': call({
    access: 'staff',
    writes: false,
    long: true,
    input: z.strictObject({ token: token.optional(), chunk: base64 }),
    output: z.object({ token: z.string(), size: z.number() }),
  }),
  /** Reads the uploaded file: its sheets, each with the detected header, the guessed mapping and a sample. */
  'roster.inspect': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ token, fileName: z.string().max(255) }),
    output: z.object({ format: z.enum(['xlsx', 'csv']), encoding: z.string().nullable(), sheets: z.array(rosterSheet) }),
  }),
  /** What importing the sheet with this mapping would do; writes nothing. */
  'roster.preview': call({ access: 'staff', long: true, writes: false, input: rosterChoice, output: rosterReport }),
  /** Imports the accepted rows in one transaction (all of them or none) and reports as the preview does. */
  'roster.import': call({ access: 'staff', long: true, writes: true, input: rosterChoice, output: rosterReport }),
  /** The rejected rows as an .xlsx with a "problem" column, to fix and bring back. */
  'roster.problemRows': call({
    access: 'staff',
    writes: false,
    input: rosterChoice.extend({ lang }),
    output: generatedFile,
  }),
  /** Forgets an uploaded file. */
  'roster.discard': call({ access: 'staff', writes: false, input: z.strictObject({ token }), output: ok }),
  /**
   * The roster (the same filters as the roster screen) as .xlsx or .csv; with `selection`, only
   * the people selected on the roster (in the query's order when it is "all matching").
   */
  'roster.export': call({
    access: 'staff',
    writes: false,
    long: true,
    input: z.strictObject({
      query: rosterFilter.default({ text: '', sort: 'name', descending: false }),
      selection: volunteerSelection.optional(),
      columns: z.array(z.enum(EXPORT_COLUMNS as [ExportColumn, ...ExportColumn[]], { error: 'error.choice' })).min(1).max(EXPORT_COLUMNS.length).default(DEFAULT_EXPORT_COLUMNS),
      format: z.enum(['xlsx', 'csv']).default('xlsx'),
      lang: lang.default('ru'),
    }),
    output: generatedFile.extend({ rows: z.number() }),
  }),
};

/**
 * The sheet to start from: the first visible sheet whose guessed mapping names the people
 * (a full-name column, or last and first name), else the first sheet with rows.
 */
export function bestSheet(sheets: RosterSheet[]): RosterSheet | undefined {
  const named = (s: RosterSheet) => s.mapping.includes('fullName') || (s.mapping.includes('lastName') && s.mapping.includes('firstName'));
  return (
    sheets.find((s) => !s.hidden && s.rows > 0 && named(s)) ??
    sheets.find((s) => s.rows > 0 && named(s)) ??
    sheets.find((s) => !s.hidden && s.rows > 0) ??
    sheets[0]
  );
}

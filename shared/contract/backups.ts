import { z } from 'zod';
import { call, empty } from './call';

/**
 * Encrypted backups of the office database to a folder the administrator chooses
 * (electron/core/backups). Every call is an administrator's, except the scheduler's tick.
 */
export const BACKUP_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];
/** A backup older than this is warned about (the shell's banner, the dashboard). */
export const BACKUP_WARN_DAYS = 7;
export const MIN_BACKUP_PASSWORD = 10;

/** What a backup holds, counted when it is made: shown before a restore, readable without the password. */
export const backupCounts = z.object({
  volunteers: z.number(),
  organisations: z.number(),
  events: z.number(),
  trainingSessions: z.number(),
  certificates: z.number(),
  users: z.number(),
});
export type BackupCounts = z.infer<typeof backupCounts>;

export const backupSettings = z.object({
  folder: z.string().nullable(),
  keep: z.number().int(),
  frequency: z.enum(BACKUP_FREQUENCIES),
  hasPassword: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettings>;

export const backupStatus = z.object({
  settings: backupSettings,
  /** The last attempt, scheduled or not, and how it ended (an `error.*` key when it failed). */
  lastAt: z.string().nullable(),
  lastOk: z.boolean().nullable(),
  lastError: z.string().nullable(),
  lastFile: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** No successful backup in BACKUP_WARN_DAYS days (or ever). */
  overdue: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupPreview = z.object({
  office: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  schema: z.number(),
  counts: backupCounts,
});
export type BackupPreview = z.infer<typeof backupPreview>;

export const backupFile = z.object({
  name: z.string(),
  size: z.number(),
  /** Null when the file does not read as a backup (damaged, or not one). */
  createdAt: z.string().nullable(),
  officeCode: z.string().nullable(),
  counts: backupCounts.nullable(),
});
export type BackupFile = z.infer<typeof backupFile>;

const fileName = z.string().min(1).max(255);
const password = z.string().min(1).max(500);

export const backupCalls = {
  'backups.status': call({ access: 'administrator', writes: false, input: empty, output: backupStatus }),
  'backups.configure': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({
      folder: z.string().trim().min(1, 'error.required').max(1000),
      keep: z.number().int().min(1).max(100),
      frequency: z.enum(BACKUP_FREQUENCIES),
      /** Set or replace the backup password; absent keeps the one set before. */
      password: z.string().min(MIN_BACKUP_PASSWORD, 'error.backup.weakPassword').max(500).optional(),
    }),
    output: backupSettings,
  }),
  /** Back up now. Runs on the writer (it holds the key to the sealed password) but writes no record but its status. */
  'backups.run': call({
    access: 'administrator',
    writes: false,
    long: true,
    input: empty,
    output: z.object({ name: z.string(), size: z.number(), createdAt: z.string(), counts: backupCounts, keysIncluded: z.boolean(), removed: z.number() }),
  }),
  /**
   * The scheduler's tick (the desktop app and the web host, at start and hourly): backs up only
   * when the schedule says one is due. Public because no one is signed in at startup; it can do
   * nothing the administrator's settings did not ask for.
   */
  'backups.runDue': call({ access: 'public', writes: false, input: empty, output: z.object({ ran: z.boolean() }) }),
  'backups.list': call({ access: 'administrator', writes: false, input: empty, output: z.object({ folder: z.string().nullable(), files: z.array(backupFile) }) }),
  /** Decrypts and checks a backup of the folder, and says what it holds; changes nothing. */
  'backups.preview': call({ access: 'administrator', writes: false, long: true, input: z.strictObject({ name: fileName, password }), output: backupPreview }),
  /**
   * Restores a backup of the folder: checked as the preview is, then swapped in by the runtime (the
   * current database kept aside), and everyone signs in again.
   */
  'backups.restore': call({
    access: 'administrator',
    writes: false,
    long: true,
    input: z.strictObject({ name: fileName, password }),
    output: backupPreview.extend({ keysRestored: z.boolean() }),
  }),
};

import { z } from 'zod';
import { BACKUP_FREQUENCIES, BACKUP_WARN_DAYS, type BackupSettings, type BackupStatus } from '../../../shared/contract/backups';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { readMeta, writeMeta } from '../office/meta';
import { openSecret, sealSecret } from '../office/private-keys';
import { backupError } from './errors';

/**
 * The backup settings and the last result, office-local (`meta`: never replicated, never in a
 * bundle). The password is sealed like the office's private keys (private-keys.ts), so scheduled
 * backups run unattended here, while a copy of the database (or a backup) does not reveal it.
 */
const SETTINGS = 'backup_settings';
const STATUS = 'backup_status';
const PASSWORD = 'backup_password';
export const DEFAULT_KEEP = 10;
const DAY_MS = 24 * 3600_000;
/** After a failed scheduled backup (the stick unplugged), the next try waits this long. */
const RETRY_MS = 3600_000;

const stored = z.object({ folder: z.string().nullable(), keep: z.number().int(), frequency: z.enum(BACKUP_FREQUENCIES) });
const status = z.object({
  lastAt: z.string().nullable(),
  lastOk: z.boolean().nullable(),
  lastError: z.string().nullable(),
  lastFile: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
type StoredStatus = z.infer<typeof status>;
const NO_STATUS: StoredStatus = { lastAt: null, lastOk: null, lastError: null, lastFile: null, lastSuccessAt: null };

function readJson<T>(db: ReadDb, key: string, schema: z.ZodType<T>, fallback: T): T {
  const text = readMeta(db, key);
  if (!text) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function readSettings(db: ReadDb): BackupSettings {
  const settings = readJson(db, SETTINGS, stored, { folder: null, keep: DEFAULT_KEEP, frequency: 'off' as const });
  return { ...settings, hasPassword: readMeta(db, PASSWORD) !== null };
}

export function writeSettings(db: Db, settings: { folder: string; keep: number; frequency: BackupSettings['frequency']; password?: string }): void {
  writeMeta(db, SETTINGS, JSON.stringify({ folder: settings.folder, keep: settings.keep, frequency: settings.frequency }));
  if (settings.password !== undefined) writeMeta(db, PASSWORD, sealSecret(db, PASSWORD, settings.password));
}

/** The backup password, opened with this runtime's key protector. */
export function readPassword(db: Db): string {
  const sealed = readMeta(db, PASSWORD);
  if (!sealed) throw backupError('noPassword', 'No backup password is set: set one in the backup settings');
  return openSecret(db, PASSWORD, sealed);
}

export function recordResult(db: Db, at: Date, result: { ok: true; file: string } | { ok: false; error: string }): void {
  const before = readJson(db, STATUS, status, NO_STATUS);
  const next: StoredStatus = result.ok
    ? { lastAt: at.toISOString(), lastOk: true, lastError: null, lastFile: result.file, lastSuccessAt: at.toISOString() }
    : { ...before, lastAt: at.toISOString(), lastOk: false, lastError: result.error };
  writeMeta(db, STATUS, JSON.stringify(next));
}

export function readStatus(db: ReadDb, now: Date): BackupStatus {
  const last = readJson(db, STATUS, status, NO_STATUS);
  const success = last.lastSuccessAt ? Date.parse(last.lastSuccessAt) : null;
  return { settings: readSettings(db), ...last, overdue: success === null || now.getTime() - success > BACKUP_WARN_DAYS * DAY_MS };
}

/** Whether the schedule asks for a backup now. */
export function isDue(db: ReadDb, now: Date): boolean {
  const { settings, lastAt, lastOk, lastSuccessAt } = readStatus(db, now);
  if (settings.frequency === 'off' || !settings.folder || !settings.hasPassword) return false;
  const period = (settings.frequency === 'daily' ? 1 : 7) * DAY_MS;
  const t = now.getTime();
  if (lastSuccessAt && t - Date.parse(lastSuccessAt) < period) return false;
  return !(lastOk === false && lastAt && t - Date.parse(lastAt) < RETRY_MS);
}

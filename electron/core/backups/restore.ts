import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { registerSqlFunctions } from '../db/functions';
import { SCHEMA_VERSION } from '../db/migrate';
import { syncFolder } from '../files/atomic-file';
import type { KeyProtector } from '../office/key-protection';
import { adoptKek, attachKeyProtector } from '../office/private-keys';
import { readOffice } from '../office/identity';
import type { Progress } from '../progress';
import { backupError } from './errors';
import { decryptBackup, type BackupCounts, type Decrypted } from './format';
import { countsOf, removeScratch, scratchFile } from './snapshot';

/** What a backup holds, read from the decrypted database itself (not from the header's claims). */
export interface BackupPreview {
  office: { code: string; name: string };
  createdAt: string;
  schema: number;
  counts: BackupCounts;
}

/**
 * Decrypts a backup to a scratch file in `dir` and checks it is a sound Erikti database this
 * version can open: the password, every byte (format.ts), SQLite's integrity check, an office, a
 * schema not newer than ours. Returns the scratch file (the caller removes or keeps it) with what
 * it holds; on any failure nothing remains.
 */
function openChecked(backup: string, password: string, dir: string, progress: Progress): { file: string; decrypted: Decrypted; preview: BackupPreview } {
  const file = scratchFile(dir, 'restore');
  try {
    const fd = openSync(file, 'w');
    let decrypted: Decrypted;
    try {
      decrypted = decryptBackup(backup, password, fd, (done, total) => progress('reading', done, total));
    } finally {
      closeSync(fd);
    }
    progress('checking', 0, 1);
    const preview = inspect(file, decrypted.header.createdAt);
    progress('checking', 1, 1);
    return { file, decrypted, preview };
  } catch (error) {
    removeScratch(file);
    throw error;
  }
}

function inspect(file: string, createdAt: string): BackupPreview {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    registerSqlFunctions(db);
  } catch {
    throw backupError('damaged', 'The backup does not hold a database');
  }
  try {
    const schema = db.pragma('user_version', { simple: true }) as number;
    if (schema > SCHEMA_VERSION) throw backupError('newerSchema', 'This backup was made by a newer version of Erikti');
    let sound = false;
    try {
      sound = (db.pragma('integrity_check', { simple: true }) as string) === 'ok';
    } catch {
      // Not a database at all: reported below.
    }
    const office = sound ? readOffice(db) : null;
    if (!office) throw backupError('damaged', 'The backup’s database is damaged');
    return { office: { code: office.code, name: office.name }, createdAt, schema, counts: countsOf(db) };
  } finally {
    db.close();
  }
}

/** Previews a backup: everything a restore checks, and nothing kept. */
export function previewBackup(backup: string, password: string, scratchDir: string, progress: Progress): BackupPreview {
  const { file, preview } = openChecked(backup, password, scratchDir, progress);
  removeScratch(file);
  return preview;
}

/** Where a checked backup waits to become the office database (while no connection has it open). */
export const pendingRestoreFile = (dbFile: string) => `${dbFile}.restore-pending`;

export interface StageOptions {
  /** This runtime's key protector: the office's keys the backup carries are re-protected with it. */
  keyProtector?: KeyProtector;
  progress: Progress;
  /** Written into the restored database before it goes live (the audit record of the restore). */
  record?: (db: Database.Database, preview: BackupPreview) => void;
}

/**
 * Prepares a restore: the backup decrypted and checked beside the office database, brought up to
 * this version's schema, its keys re-protected for this computer, then renamed to the pending
 * name. The live database is untouched; applyPendingRestore swaps it in once nobody has it open.
 */
export function stageRestore(dbFile: string, backup: string, password: string, options: StageOptions): BackupPreview & { keysRestored: boolean } {
  const { file, decrypted, preview } = openChecked(backup, password, path.dirname(dbFile), options.progress);
  try {
    const db = openDatabase(file); // applies this version's migrations to an older backup
    let keysRestored = false;
    try {
      if (decrypted.kek && options.keyProtector) {
        attachKeyProtector(db, options.keyProtector);
        adoptKek(db, decrypted.kek);
        keysRestored = true;
      }
      options.record?.(db, preview);
    } finally {
      db.close(); // the last connection: the WAL goes into the file
    }
    renameSync(file, pendingRestoreFile(dbFile));
    syncFolder(path.dirname(dbFile));
    return { ...preview, schema: SCHEMA_VERSION, keysRestored };
  } catch (error) {
    removeScratch(file);
    throw error;
  }
}

/**
 * Swaps a pending restore in. Call only while no connection has the database open (the worker
 * runtime between closing and reopening its workers, the CLI, startup). The current database is
 * kept beside it as `<db>.before-restore-<time>`, with its WAL if one was left; nothing is
 * overwritten. Returns that name, or null when no restore was pending.
 */
export function applyPendingRestore(dbFile: string, now: Date): string | null {
  const pending = pendingRestoreFile(dbFile);
  if (!existsSync(pending)) return null;
  let aside: string | null = null;
  if (existsSync(dbFile)) {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    aside = `${dbFile}.before-restore-${stamp}`;
    for (let n = 2; existsSync(aside); n += 1) aside = `${dbFile}.before-restore-${stamp}-${n}`;
    renameSync(dbFile, aside);
    for (const suffix of ['-wal', '-shm']) {
      const side = `${dbFile}${suffix}`;
      if (!existsSync(side)) continue;
      if (suffix === '-wal' && statSync(side).size > 0) renameSync(side, `${aside}${suffix}`);
      else rmSync(side, { force: true });
    }
  }
  renameSync(pending, dbFile);
  syncFolder(path.dirname(dbFile));
  return aside;
}

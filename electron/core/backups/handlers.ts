import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { CallName, CallResult } from '../../../shared/contract';
import { CallError } from '../../../shared/contract/errors';
import { recordAudit } from '../audit/log';
import type { CallContext, HandlerMap, ReadContext } from '../context';
import type { Db } from '../db/connection';
import { keyProtectorOf } from '../office/private-keys';
import { backupError, folderError } from './errors';
import { backupInFolder, checkFolder, listBackups } from './folder';
import { previewBackup, stageRestore } from './restore';
import { isDue, readPassword, readSettings, readStatus, recordResult, writeSettings } from './settings';
import { takeBackup } from './take';

type BackupCall = Extract<CallName, `backups.${string}`>;

/** The folder and password a backup needs, or why there are none. */
function configured(db: Db): { folder: string; keep: number; password: string } {
  const settings = readSettings(db);
  if (!settings.folder) throw backupError('notConfigured', 'Choose a backup folder first');
  return { folder: settings.folder, keep: settings.keep, password: readPassword(db) };
}

/**
 * Runs a backup and records how it went (the status, and the audit trail when it worked). It
 * writes only those records, as bookkeeping: the snapshot reads on its own connection, so the
 * backup is not one long write transaction that would hold everyone's edits up.
 */
function backUp(ctx: ReadContext): CallResult<'backups.run'> {
  const made: { value?: CallResult<'backups.run'> } = {};
  ctx.bookkeeping((db) => {
    const at = ctx.now();
    try {
      const { folder, keep, password } = configured(db);
      const result = takeBackup(db, { folder, keep, password, now: at, progress: ctx.progress });
      recordResult(db, at, { ok: true, file: result.name });
      recordAudit(db, { at: at.toISOString(), actor: ctx.actorName(), action: 'backup.made', subject: result.name, detail: { folder, size: String(result.size) } });
      made.value = { name: result.name, size: result.size, createdAt: result.facts.createdAt, counts: result.facts.counts, keysIncluded: result.keysIncluded, removed: result.removed.length };
    } catch (error) {
      const failure = error instanceof CallError ? error : folderError(error, readSettings(db).folder ?? '');
      if (!(failure instanceof CallError && failure.code === 'cancelled')) {
        recordResult(db, at, { ok: false, error: failure instanceof CallError ? failure.key : 'error.internal' });
      }
      throw failure;
    }
  });
  return made.value!;
}

function folderOf(ctx: ReadContext): string {
  const { folder } = readSettings(ctx.db);
  if (!folder) throw backupError('notConfigured', 'Choose a backup folder first');
  return folder;
}

export const backupHandlers: HandlerMap<BackupCall> = {
  'backups.status': (_args, ctx) => readStatus(ctx.db, ctx.now()),

  'backups.configure': (args, ctx: CallContext) => {
    const folder = path.resolve(args.folder);
    checkFolder(folder);
    try {
      accessSync(folder, constants.W_OK);
    } catch (error) {
      throw folderError(error, folder);
    }
    writeSettings(ctx.db, { ...args, folder });
    return readSettings(ctx.db);
  },

  'backups.run': (_args, ctx) => backUp(ctx),

  'backups.runDue': (_args, ctx) => {
    if (!isDue(ctx.db, ctx.now())) return { ran: false };
    try {
      backUp(ctx);
    } catch {
      // Recorded in the status, which the administrators' banner shows.
    }
    return { ran: true };
  },

  'backups.list': (_args, ctx) => {
    const { folder } = readSettings(ctx.db);
    if (!folder) return { folder: null, files: [] };
    const files = listBackups(folder).map((file) => ({
      name: file.name,
      size: file.size,
      createdAt: file.header?.createdAt ?? null,
      officeCode: file.header?.office.code ?? null,
      counts: file.header?.counts ?? null,
    }));
    return { folder, files };
  },

  'backups.preview': (args, ctx) => previewBackup(backupInFolder(folderOf(ctx), args.name), args.password, path.dirname(ctx.db.name), ctx.progress),

  /** Stages the restore; the worker runtime swaps it in (router.ts), the CLI does it itself. */
  'backups.restore': (args, ctx) => {
    const backup = backupInFolder(folderOf(ctx), args.name);
    const staged: { value?: CallResult<'backups.restore'> } = {};
    ctx.bookkeeping((db) => {
      staged.value = stageRestore(db.name, backup, args.password, {
        keyProtector: keyProtectorOf(db),
        progress: ctx.progress,
        // The restored database's own trail says it was restored, by whom, from which backup.
        record: (restored, preview) =>
          recordAudit(restored, { at: ctx.now().toISOString(), actor: ctx.actorName(), action: 'backup.restored', subject: args.name, detail: { createdAt: preview.createdAt } }),
      });
    });
    return staged.value!;
  },
};

import { CallError, type ErrorCode } from '../../../shared/contract/errors';

/** Why a backup or a restore could not be done; each has a message under `error.backup.*`. */
export type BackupProblem =
  | 'notConfigured'
  | 'noPassword'
  | 'weakPassword'
  | 'folderMissing'
  | 'folderUnwritable'
  | 'diskFull'
  | 'notBackup'
  | 'newerFormat'
  | 'newerSchema'
  | 'wrongPassword'
  | 'damaged'
  | 'notFound'
  | 'inMemory';

const CODES: Record<BackupProblem, ErrorCode> = {
  notConfigured: 'unavailable',
  noPassword: 'unavailable',
  weakPassword: 'validation',
  folderMissing: 'unavailable',
  folderUnwritable: 'unavailable',
  diskFull: 'unavailable',
  notBackup: 'validation',
  newerFormat: 'validation',
  newerSchema: 'validation',
  wrongPassword: 'validation',
  damaged: 'validation',
  notFound: 'notFound',
  inMemory: 'unavailable',
};

export function backupError(problem: BackupProblem, message: string, params?: Record<string, string | number>): CallError {
  return new CallError({ code: CODES[problem], key: `error.backup.${problem}`, ...(params ? { params } : {}) }, message);
}

/** Every key above, for the i18n check (the keys are built, so a scan for literals cannot find them). */
export const BACKUP_ERROR_KEYS: readonly string[] = (Object.keys(CODES) as BackupProblem[]).map((p) => `error.backup.${p}`);

/** A file-system failure while writing a backup, in words the administrator can act on. */
export function folderError(error: unknown, folder: string): Error {
  if (error instanceof CallError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return backupError('diskFull', `There is no room left in ${folder}`, { folder });
  if (code === 'ENOENT' || code === 'ENOTDIR') return backupError('folderMissing', `There is no folder ${folder}`, { folder });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY') return backupError('folderUnwritable', `Erikti may not write in ${folder}`, { folder });
  return error instanceof Error ? error : new Error(String(error));
}

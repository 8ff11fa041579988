import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../files/atomic-file';
import { BACKUP_EXTENSION, readBackupHeader, type BackupHeader } from './format';
import { backupError, folderError } from './errors';

/**
 * The backup folder the administrator chose (a USB stick, a network share): files appear in it
 * whole or not at all (written under a temporary name, flushed, renamed), and only Erikti's own
 * backups of this office are ever counted or deleted there.
 */
export function checkFolder(folder: string): void {
  let stat;
  try {
    stat = statSync(folder);
  } catch (error) {
    throw folderError(error, folder);
  }
  if (!stat.isDirectory()) throw backupError('folderMissing', `There is no folder ${folder}`, { folder });
}

/** `erikti-KZ-75-20261128-010203.erikti-backup`: sorts by time, says which office. */
export function backupName(officeCode: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `erikti-${officeCode}-${stamp}${BACKUP_EXTENSION}`;
}

/** Makes a backup file by `write(fd)` in `folder`: nothing under `name` until it is complete and on disk. */
export function writeBackupFile(folder: string, name: string, write: (fd: number) => void): string {
  const target = path.join(folder, name);
  try {
    writeAtomically(target, (file) => write(file.fd), 0o600);
    return target;
  } catch (error) {
    throw folderError(error, folder);
  }
}

export interface BackupFile {
  name: string;
  size: number;
  /** From the header; null when the file does not read as a backup. */
  header: BackupHeader | null;
}

/** Backups in the folder, newest first by name (names carry the time). */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw folderError(error, folder);
  }
  return names
    .filter((name) => name.endsWith(BACKUP_EXTENSION) && !name.startsWith('.'))
    .sort()
    .reverse()
    .map((name) => {
      const file = path.join(folder, name);
      let header: BackupHeader | null = null;
      try {
        header = readBackupHeader(file);
      } catch {
        // Listed as unreadable: the administrator should see it is there.
      }
      return { name, size: statSync(file).size, header };
    });
}

/** Keeps the newest `keep` backups of this office; called only after a new one is complete. */
export function pruneBackups(folder: string, officeCode: string, keep: number): string[] {
  const ours = listBackups(folder).filter((file) => file.name.startsWith(`erikti-${officeCode}-`) && file.header?.office.code === officeCode);
  const removed = ours.slice(keep).map((file) => file.name);
  for (const name of removed) rmSync(path.join(folder, name), { force: true });
  return removed;
}

/** A backup named in the folder: a bare name, never a path (the list is what can be chosen). */
export function backupInFolder(folder: string, name: string): string {
  if (name !== path.basename(name) || !name.endsWith(BACKUP_EXTENSION) || name.startsWith('.')) {
    throw backupError('notFound', `No backup ${name} in ${folder}`, { name });
  }
  const file = path.join(folder, name);
  try {
    if (statSync(file).isFile()) return file;
  } catch {
    // Reported below.
  }
  throw backupError('notFound', `No backup ${name} in ${folder}`, { name });
}

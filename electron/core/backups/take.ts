import { statSync } from 'node:fs';
import path from 'node:path';
import type { ScryptCost } from '../auth/passwords';
import type { Db } from '../db/connection';
import { exportKek } from '../office/private-keys';
import type { Progress } from '../progress';
import { folderError } from './errors';
import { encryptBackup, type HeaderFacts } from './format';
import { backupName, checkFolder, pruneBackups, writeBackupFile } from './folder';
import { removeScratch, factsOf, scratchFile, snapshotInto } from './snapshot';
import { CallError } from '../../../shared/contract/errors';

export interface BackupRequest {
  folder: string;
  keep: number;
  password: string;
  now: Date;
  progress: Progress;
  /** Tests only. */
  cost?: ScryptCost;
}

export interface BackupMade {
  name: string;
  size: number;
  facts: HeaderFacts;
  /** Whether the office's key-encryption key went in (it cannot when the keys are locked here). */
  keysIncluded: boolean;
  removed: string[];
}

/**
 * One backup: a snapshot (snapshot.ts), encrypted into the folder atomically (folder.ts), then the
 * oldest beyond `keep` removed — only now, so a failed backup never costs an older one.
 */
export function takeBackup(db: Db, request: BackupRequest): BackupMade {
  const { folder, progress } = request;
  checkFolder(folder);
  const kek = keyEncryptionKey(db);
  const scratchDir = path.dirname(db.name);
  let snapshot: string | null = null;
  try {
    progress('collecting', 0, 1);
    try {
      snapshot = scratchFile(scratchDir, 'snapshot');
      snapshotInto(db.name, snapshot);
    } catch (error) {
      // The snapshot is written beside the database: a full disk there is that disk's, not the backup folder's.
      throw folderError(error, scratchDir);
    }
    progress('collecting', 1, 1);
    const plain = snapshot;
    const facts = factsOf(plain, request.now);
    const name = backupName(facts.office.code, request.now);
    const file = writeBackupFile(folder, name, (fd) =>
      encryptBackup(plain, fd, {
        password: request.password,
        facts,
        kek,
        cost: request.cost,
        onBytes: (done, total) => progress('writing', done, total),
      }),
    );
    const removed = pruneBackups(folder, facts.office.code, request.keep);
    return { name, size: statSync(file).size, facts, keysIncluded: kek !== null, removed };
  } finally {
    if (snapshot) removeScratch(snapshot);
  }
}

/** The KEK when this runtime can open it; a backup without it still holds all the data. */
function keyEncryptionKey(db: Db): Buffer | null {
  try {
    return exportKek(db);
  } catch (error) {
    if (error instanceof CallError) return null;
    throw error;
  }
}

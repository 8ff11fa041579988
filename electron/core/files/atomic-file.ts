import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The one way Erikti writes a file a person will open or carry away (a CLI `--out`, a file saved
 * from the app, a bundle, a backup): it appears whole or not at all. The bytes go to a temporary
 * name beside the target, created exclusively (so never through a link someone placed under that
 * name), are flushed to disk, and only then renamed into place, the folder flushed after: a full
 * disk, a crash or a power cut leaves the file that was there as it was, never half of a new one.
 * Failures are thrown as the file system gave them; each caller words them for its reader.
 */

export interface AtomicFile {
  /** The temporary file's descriptor, for writers that stream into it (encryption, zip). */
  readonly fd: number;
  write(bytes: Uint8Array): void;
  /** Flushes, closes and renames into place. */
  commit(): void;
  /** Closes and removes the temporary file; the target is untouched. Safe to call twice. */
  abort(): void;
}

/**
 * Starts a file at `target`. `mode` is the new file's permission bits before the umask (the
 * default is what any saved file gets; backups pass 0o600).
 */
export function createAtomically(target: string, mode = 0o666): AtomicFile {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  let fd: number | null = openSync(temp, 'wx', mode);
  const open = () => {
    if (fd === null) throw new Error(`${temp} is already closed`);
    return fd;
  };
  return {
    fd,
    write(bytes) {
      const to = open();
      for (let done = 0; done < bytes.length; ) done += writeSync(to, bytes, done, bytes.length - done);
    },
    commit() {
      const to = open();
      fsyncSync(to);
      closeSync(to);
      fd = null;
      renameSync(temp, target);
      syncFolder(folder);
    },
    abort() {
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(temp, { force: true });
    },
  };
}

/** Writes `target` by `fill` whole or not at all. */
export function writeAtomically(target: string, fill: (file: AtomicFile) => void, mode?: number): void {
  const file = createAtomically(target, mode);
  try {
    fill(file);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** The rename itself reaches the disk only when the folder is flushed (where the system allows it). */
export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for flushing; its rename is already durable enough there.
  }
}

import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './helpers';

/**
 * The file a command writes to `--out`. Its folder is checked before any work is done (a missing
 * folder after a long report is a wasted minute), and the file is written beside its name and
 * renamed into place once complete: a full disk or a size limit half-way leaves the old file as
 * it was, never half of the new one under the name a user will open.
 */

/** The absolute path of `--out`, refused when its folder does not exist or it names a folder. */
export function outPath(out: string): string {
  const target = path.resolve(out);
  const folder = path.dirname(target);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out: there is no folder ${folder}`);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out: ${target} is a folder`);
  return target;
}

/** Writes `bytes` to `target` whole or not at all. */
export function writeOutFile(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'w', 0o644);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw new Error(`cannot write ${target} (${(error as Error).message}); the file there, if any, was left as it was`, { cause: error });
  }
}

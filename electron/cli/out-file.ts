import { statSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../core/files/atomic-file';
import { UsageError } from './helpers';

/**
 * The file a command writes to `--out`. Its folder is checked before any work is done (a missing
 * folder after a long report is a wasted minute), and the file appears whole or not at all
 * (`core/files/atomic-file.ts`).
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
  try {
    writeAtomically(target, (file) => file.write(bytes));
  } catch (error) {
    throw new Error(`cannot write ${target} (${(error as Error).message}); the file there, if any, was left as it was`, { cause: error });
  }
}

import { CallError } from '../../../shared/contract/errors';

/**
 * SQLite's own failures that have a plain meaning for the user ("the disk is full", "another
 * process is writing") reach them as that, not as "something went wrong". Extended result codes
 * (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DIRECTORY, ...) mean the same as their primary code.
 */
const MEANINGS: [prefix: string, key: string, message: string][] = [
  ['SQLITE_FULL', 'error.diskFull', 'The disk is full'],
  ['SQLITE_BUSY', 'error.busy', 'The database is busy'],
  ['SQLITE_LOCKED', 'error.busy', 'The database is busy'],
  ['SQLITE_READONLY', 'error.readOnly', 'The database is read-only'],
  ['SQLITE_CANTOPEN', 'error.cannotOpen', 'The database file cannot be opened or created there'],
];

/** The CallError an unknown failure stands for; null when it is not one SQLite explains. */
export function databaseError(error: unknown): CallError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const meaning = MEANINGS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  return meaning ? new CallError({ code: 'unavailable', key: meaning[1] }, meaning[2]) : null;
}

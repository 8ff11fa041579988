import type Database from 'better-sqlite3';
import { matchName, skeletonTokens, sortKey } from '../../../shared/domain/search-key';

/**
 * The search index's keys for one volunteer: skeletons of every name (Cyrillic and Latin spellings
 * meet), the IIN, and the phone number with and without its country prefix.
 * The index deletes a row by recomputing its keys (migration 0006): any change to what this
 * returns (or to skeletonTokens) needs a migration that rebuilds volunteer_search.
 */
export function volunteerSearchKeys(names: (string | null)[], iin: string | null, phone: string | null): string {
  const tokens = new Set<string>();
  for (const name of names) if (name) for (const t of skeletonTokens(name)) tokens.add(t);
  if (iin) tokens.add(iin);
  if (phone) {
    const national = phone.replace(/\D/g, '').slice(1);
    tokens.add(national);
    tokens.add(`7${national}`);
    tokens.add(`8${national}`);
  }
  return [...tokens].join(' ');
}

/** SQL functions the schema's triggers and indexes rely on; every connection registers them. */
export function registerSqlFunctions(db: Database.Database): void {
  // The roster's alphabetical order (an expression index uses it, so it must stay deterministic).
  db.function('erikti_sort_key', { deterministic: true, varargs: true }, (...parts: unknown[]) =>
    sortKey(parts.map((p) => (typeof p === 'string' ? p : '')).join(' ')),
  );
  // The likely-duplicate name key, indexed with the birth date and with the phone (migration 0020).
  db.function('erikti_match_name', { deterministic: true }, (last: unknown, first: unknown) =>
    matchName(typeof last === 'string' ? last : '', typeof first === 'string' ? first : ''),
  );
  db.function(
    'erikti_volunteer_keys',
    { deterministic: true, varargs: false },
    (last: unknown, first: unknown, middle: unknown, lastLatin: unknown, firstLatin: unknown, iin: unknown, phone: unknown) =>
      volunteerSearchKeys(
        [last, first, middle, lastLatin, firstLatin].map((v) => (typeof v === 'string' ? v : null)),
        typeof iin === 'string' ? iin : null,
        typeof phone === 'string' ? phone : null,
      ),
  );
}

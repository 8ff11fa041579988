import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';

/** The `meta` table: this database's own settings and identity, never replicated nor dumped. */
export function readMeta(db: ReadDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

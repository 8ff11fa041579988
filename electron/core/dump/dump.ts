import type { Db } from '../db/connection';
import { REPLICATED_TABLES, type ReplicatedTable, type SqlValue } from '../replication/tables';

/**
 * Canonical JSON of the replicated domain data: tables by name, rows by id, fields by name.
 * Never the office's settings, users, keys, trust list or exchange history, so two offices
 * holding the same data print the same bytes. Tombstones are data too and appear as such.
 */
export function dump(db: Db): string {
  const tables: Record<string, Record<string, SqlValue>[]> = {};
  for (const table of (Object.keys(REPLICATED_TABLES) as ReplicatedTable[]).sort()) {
    const fields = [...REPLICATED_TABLES[table]].sort();
    const rows = db.prepare(`SELECT id, ${fields.join(', ')} FROM ${table} ORDER BY id`).all() as Record<string, SqlValue>[];
    tables[table] = rows.map((row) => {
      const ordered: Record<string, SqlValue> = { id: row.id ?? null };
      for (const f of fields) ordered[f] = row[f] ?? null;
      return ordered;
    });
  }
  const lines = ['{'];
  const names = Object.keys(tables);
  names.forEach((name, t) => {
    const rows = tables[name]!;
    lines.push(`"${name}": [`);
    rows.forEach((row, i) => lines.push(JSON.stringify(row) + (i < rows.length - 1 ? ',' : '')));
    lines.push(`]${t < names.length - 1 ? ',' : ''}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

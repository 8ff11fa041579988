import type { Freshness, ReportNote } from '../../../shared/contract/reports';
import { OFFICE_CODES } from '../../../shared/domain/regions';
import { STALE_AFTER_DAYS } from '../../../shared/domain/reports';
import { daysBetween, todayInKazakhstan } from '../../../shared/domain/trainings';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';

/**
 * How fresh each region's figures are at this office: when its last bundle arrived (the exchange
 * history), how many records it carried per table, and whether it has been silent longer than
 * STALE_AFTER_DAYS. A region that never sent one is stale. Only the centre gathers every region,
 * so only the centre's national figures carry a note about stale regions.
 */

export const REGION_CODES = OFFICE_CODES.filter((c) => c !== 'KZ');
export const isCentre = (office: string | null | undefined) => office === 'KZ';

interface LastImport {
  peer_office: string;
  at: string;
  rows: number;
  summary: string;
}

/** Records a bundle carried per table: what it created, updated or erased here (unchanged ones carried nothing new). */
function carriedOf(summary: string): Record<string, number> {
  const parsed = JSON.parse(summary) as { tables?: Record<string, { created?: number; updated?: number; erased?: number; merged?: number }> };
  const carried: Record<string, number> = {};
  for (const [table, t] of Object.entries(parsed.tables ?? {})) {
    const n = (t.created ?? 0) + (t.updated ?? 0) + (t.erased ?? 0) + (t.merged ?? 0);
    if (n > 0) carried[table] = n;
  }
  return carried;
}

export function regionFreshness(db: ReadDb, now: Date): Freshness[] {
  const today = todayInKazakhstan(now);
  const last = prepared(
    db,
    `SELECT h.peer_office, h.at, h.rows, h.summary FROM exchange_history h
     WHERE h.direction = 'import' AND h.id = (SELECT max(x.id) FROM exchange_history x WHERE x.direction = 'import' AND x.peer_office = h.peer_office)`,
  ).all() as LastImport[];
  const byRegion = new Map(last.map((l) => [l.peer_office, l]));
  return REGION_CODES.map((region) => {
    const l = byRegion.get(region);
    if (!l) return { region, lastBundleAt: null, rows: 0, carried: {}, daysSilent: null, stale: true };
    const daysSilent = daysBetween(todayInKazakhstan(new Date(l.at)), today);
    return { region, lastBundleAt: l.at, rows: l.rows, carried: carriedOf(l.summary), daysSilent, stale: daysSilent > STALE_AFTER_DAYS };
  });
}

/**
 * The note a figure carries at the centre when it includes regions whose last bundle is stale
 * (all regions for a national figure, one for a figure filtered to a region).
 */
export function staleNote(db: ReadDb, office: string | null, region: string | null, now: Date): ReportNote[] {
  if (!isCentre(office)) return [];
  const stale = regionFreshness(db, now).filter((f) => f.stale && (region === null || f.region === region)).map((f) => f.region);
  if (stale.length === 0) return [];
  return [{ key: 'reports.note.staleRegions', params: { count: stale.length, regions: stale.join(', '), days: STALE_AFTER_DAYS } }];
}

import type { ReportQuery, ReportResult } from '../../../shared/contract/reports';
import type { ReadDb } from '../db/read-only';
import { readOffice } from '../office/identity';
import { staleNote } from './freshness';
import { REPORTS } from './registry';
import { periodOf, type Viewer } from './report';

/** Runs a report by name for a period and region; a figure at the centre that includes stale regions says so. */
export function runReport(db: ReadDb, query: ReportQuery, viewer: Viewer, now: Date): ReportResult {
  const period = periodOf(query, now);
  const report = REPORTS[query.name];
  const counted = report.count(db, period, viewer);
  return {
    name: query.name,
    from: period.from,
    to: period.to,
    region: period.region,
    columns: report.columns(viewer),
    rows: counted.rows,
    totals: counted.totals,
    notes: [...(counted.notes ?? []), ...staleNote(db, readOffice(db)?.code ?? null, period.region, now)],
  };
}

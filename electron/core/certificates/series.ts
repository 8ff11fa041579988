import { CallError } from '../../../shared/contract/errors';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { readMeta, readOffice, replicaId, writeMeta } from '../office/identity';

/**
 * Certificate numbers never repeat, even between workstations of one office issuing offline.
 * An office may run several workstations, each its own database ("replicas", README: keys), and
 * the number `KZ-75-2026-000123` has only the office, the year and six digits. So the first of
 * the six digits is the workstation's **series**: the serial is series × 100,000 + a count of its
 * own (99,999 certificates a year per workstation). An office's first workstation keeps series 0
 * (000001, 000002 …, as before); another workstation numbers in another series.
 *
 * A workstation's series is chosen at its first certificate and kept (meta `certificate_series`):
 * - never a series another workstation of the office has used (the register received here shows
 *   who issued what: the creating replica is in each record's clock stamp);
 * - 0 for a workstation that knows of no other of its office (the office's first);
 * - else 1 + its rank (by replica id) among the office's workstations it knows of (its own and
 *   those of its office it trusts: a second workstation trusts the first to exchange with it), so
 *   two workstations that know of each other start apart before exchanging a single certificate,
 *   and neither takes the first workstation's 0.
 * Should two workstations still meet in one series (each issued before it knew of the other),
 * whichever sees the other's certificates in its series chooses again, away from every series
 * used by another; numbers issued meanwhile are one record in conflict in the register.
 */
export const SERIES_SIZE = 100_000;
const SERIES_COUNT = 10;
const SERIES_KEY = 'certificate_series';

/**
 * Which workstations issued certificates of this office, in which series (each pair once, in the
 * order of their latest certificate). The creating replica is the end of the record's clock stamp
 * (`<13-digit ms>.<6 hex>.<replica>`: 21 characters before it), read in SQL so the register is
 * scanned once without a row per certificate.
 */
function issuers(db: ReadDb, office: string): { replica: string; series: number }[] {
  return prepared(
    db,
    `SELECT substr(r.base, 22) AS replica, c.serial / ${SERIES_SIZE} AS series FROM certificates c
     JOIN row_clock r ON r.tbl = 'certificates' AND r.row_id = c.id
     WHERE c.office = ? AND c.deleted = 0 GROUP BY 1, 2 ORDER BY max(r.base)`,
  ).all(office) as { replica: string; series: number }[];
}

/** The series to take: as the rules above say, skipping every series another workstation used. */
function choose(db: ReadDb, office: string, mine: string, issued: { replica: string; series: number }[], taken: Set<number>): number {
  const known = prepared(db, 'SELECT DISTINCT replica FROM trusted_keys WHERE office = ?').pluck().all(office) as string[];
  const workstations = [...new Set([mine, ...known, ...issued.map((i) => i.replica)])].sort();
  const preferred = workstations.length === 1 ? 0 : 1 + workstations.indexOf(mine);
  const free = [preferred, ...Array.from({ length: SERIES_COUNT - 1 }, (_, s) => s + 1), 0].find((s) => s < SERIES_COUNT && !taken.has(s));
  if (free === undefined) throw new CallError({ code: 'conflict', key: 'error.certificates.noSeries' }, 'Every series of certificate numbers is taken by a workstation of this office');
  return free;
}

/** This workstation's series: chosen (and kept) at its first certificate, chosen again when another workstation turns out to use it. */
export function workstationSeries(db: Db): number {
  const office = readOffice(db)!.code;
  const mine = replicaId(db);
  const issued = issuers(db, office);
  const taken = new Set(issued.filter((i) => i.replica !== mine).map((i) => i.series));
  const stored = readMeta(db, SERIES_KEY);
  // A database that issued before series existed keeps numbering where it did.
  const current = stored !== null ? Number(stored) : (issued.filter((i) => i.replica === mine).pop()?.series ?? null);
  const series = current !== null && !taken.has(current) ? current : choose(db, office, mine, issued, taken);
  if (stored !== String(series)) writeMeta(db, SERIES_KEY, String(series));
  return series;
}

/** The serials a series holds (first, last). */
export const seriesRange = (series: number): [number, number] => [series * SERIES_SIZE + 1, series * SERIES_SIZE + SERIES_SIZE - 1];

import { SOCIAL_CREDIT } from '../../../shared/domain/reports';
import type { ReportColumn } from '../../../shared/contract/reports';
import { prepared } from '../db/statements';
import { COUNTED_SQL } from '../events/ledger';
import { PERSON_NAME_SQL } from '../events/shared';
import { ERASED_SQL, periodFilter, round2, type Period, type ReportModule, type Viewer } from './report';

/**
 * The reports with a row per person: students' social credit and the register of volunteer
 * activity. Both count verified hours of the period and belong to the person's region. An erased
 * person keeps their row (their hours count) without name or IIN; the IIN is there only for
 * roles that may read it.
 */

interface PersonHours {
  volunteerId: string;
  name: string | null;
  iin: string | null;
  erased: number;
  organisation: string | null;
  activities: string | null;
  firstDate: string;
  lastDate: string;
  verifiedHours: number;
}

function verifiedByPerson(db: Parameters<ReportModule['count']>[0], period: Period): PersonHours[] {
  const where = periodFilter(period, 'h.entry_date', 'v.region');
  return prepared(
    db,
    `WITH per AS (
       SELECT h.volunteer_id AS id, sum(h.hours) AS hours, min(h.entry_date) AS first_date, max(h.entry_date) AS last_date,
         group_concat(DISTINCT COALESCE(h.category, e.category)) AS activities
       FROM hour_entries h LEFT JOIN events e ON e.id = h.event_id
       WHERE h.verified_at IS NOT NULL${where.dates} AND ${COUNTED_SQL}
       GROUP BY h.volunteer_id)
     SELECT per.id AS volunteerId, CASE WHEN v.deleted = 0 THEN ${PERSON_NAME_SQL} END AS name, CASE WHEN v.deleted = 0 THEN v.iin END AS iin,
       ${ERASED_SQL} AS erased, per.activities AS activities, per.first_date AS firstDate, per.last_date AS lastDate, per.hours AS verifiedHours,
       (SELECT group_concat(o.name, ', ') FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id AND o.deleted = 0
          WHERE ms.volunteer_id = per.id AND ms.deleted = 0) AS organisation
     FROM per LEFT JOIN volunteers v ON v.id = per.id
     WHERE 1 = 1${where.region}
     ORDER BY per.hours DESC, name, per.id`,
  ).all(...where.params) as PersonHours[];
}

const iinColumn = (viewer: Viewer): ReportColumn[] => (viewer.readsIin ? [{ key: 'iin', type: 'iin' }] : []);

/** 50 or 20 when the person reached it, else null. */
export function creditThreshold(verifiedHours: number): 50 | 20 | null {
  return (SOCIAL_CREDIT.thresholds.find((t) => verifiedHours >= t) ?? null) as 50 | 20 | null;
}

/** `social-credit`: verified hours per person in the period (a calendar year), counted up to 70. */
export const socialCreditReport: ReportModule = {
  columns: (viewer) => [
    ...iinColumn(viewer), { key: 'name', type: 'text' }, { key: 'organisation', type: 'text' },
    { key: 'verifiedHours', type: 'hours' }, { key: 'countedHours', type: 'hours' }, { key: 'threshold', type: 'number' },
  ],
  count(db, period, viewer) {
    const people = verifiedByPerson(db, period);
    const rows = people.map((p) => {
      const verifiedHours = round2(p.verifiedHours);
      return {
        volunteerId: p.volunteerId,
        ...(viewer.readsIin ? { iin: p.iin } : {}),
        name: p.name,
        erased: p.erased === 1 ? 1 : 0,
        organisation: p.organisation,
        verifiedHours,
        countedHours: Math.min(verifiedHours, SOCIAL_CREDIT.cap),
        threshold: creditThreshold(verifiedHours),
      };
    });
    return {
      rows,
      totals: {
        volunteers: rows.length,
        atLeast50: rows.filter((r) => r.threshold === 50).length,
        atLeast20: rows.filter((r) => r.threshold !== null).length,
        verifiedHours: round2(rows.reduce((s, r) => s + r.verifiedHours, 0)),
        countedHours: round2(rows.reduce((s, r) => s + r.countedHours, 0)),
      },
    };
  },
};

/**
 * `activity-register`: the register of volunteer activity the Law on volunteer activity provides
 * for: per person IIN, name, organisation, the kinds of activity (event categories), the period
 * they were active in, and verified hours.
 */
export const activityRegisterReport: ReportModule = {
  columns: (viewer) => [
    ...iinColumn(viewer), { key: 'name', type: 'text' }, { key: 'organisation', type: 'text' }, { key: 'activities', type: 'categories' },
    { key: 'firstDate', type: 'date' }, { key: 'lastDate', type: 'date' }, { key: 'verifiedHours', type: 'hours' },
  ],
  count(db, period, viewer) {
    const rows = verifiedByPerson(db, period).map((p) => ({
      volunteerId: p.volunteerId,
      ...(viewer.readsIin ? { iin: p.iin } : {}),
      name: p.name,
      erased: p.erased === 1 ? 1 : 0,
      organisation: p.organisation,
      activities: p.activities,
      firstDate: p.firstDate,
      lastDate: p.lastDate,
      verifiedHours: round2(p.verifiedHours),
    }));
    return { rows, totals: { volunteers: rows.length, verifiedHours: round2(rows.reduce((s, r) => s + r.verifiedHours, 0)) } };
  },
};

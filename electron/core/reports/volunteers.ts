import { AGE_GROUPS } from '../../../shared/domain/reports';
import type { ColumnType } from '../../../shared/domain/reports';
import { prepared } from '../db/statements';
import { ERASED_SQL, instantsOf, namedRegionFilter, type ReportModule } from './report';

/**
 * The roster counted by one dimension: region, age group (on the period's last day), sex, area
 * of interest (a person in several areas counts in each; totals count people once) or
 * organisation (likewise, and people in none form a row of their own). Counted: live records
 * registered by the period's end; `active` those with status active; `new` those registered in
 * the period. Erased people are no longer on the roster: the totals say how many there are.
 */

/** SQL: whole years of age of `v` on the date parameter @on (birthdays on 29 February fall on 1 March). */
const AGE_SQL = `(CAST(substr(@on, 1, 4) AS INTEGER) - CAST(substr(v.birth_date, 1, 4) AS INTEGER) - (substr(@on, 6, 5) < substr(v.birth_date, 6, 5)))`;
const AGE_GROUP_SQL = `CASE WHEN v.birth_date IS NULL OR v.birth_date > @on THEN 'unknown' ${AGE_GROUPS.map((g) => `WHEN ${AGE_SQL} <= ${g.to} THEN '${g.key}'`).join(' ')} END`;

interface Dimension {
  key: string;
  type: ColumnType;
  /** The group's key for `v`; `join` adds rows per group where one person may be in several. */
  group: string;
  join?: string;
  /** Orders rows in the dimension's own order where it has one. */
  order?: string;
}

const DIMENSIONS = {
  region: { key: 'region', type: 'region', group: 'v.region' },
  age: {
    key: 'ageGroup', type: 'ageGroup', group: AGE_GROUP_SQL,
    order: `CASE g ${AGE_GROUPS.map((a, i) => `WHEN '${a.key}' THEN ${i}`).join(' ')} ELSE 99 END`,
  },
  sex: { key: 'sex', type: 'sex', group: 'v.sex' },
  area: { key: 'area', type: 'area', group: 'a.value', join: "LEFT JOIN json_each(CASE WHEN json_valid(v.areas) THEN v.areas ELSE '[]' END) a" },
  organisation: {
    key: 'organisation', type: 'group', group: 'o.name',
    join: 'LEFT JOIN memberships ms ON ms.volunteer_id = v.id AND ms.deleted = 0 LEFT JOIN organisations o ON o.id = ms.organisation_id AND o.deleted = 0',
  },
} satisfies Record<string, Dimension>;

interface GroupRow {
  g: string | null;
  volunteers: number;
  active: number;
  new: number;
}

function volunteersBy(dimension: Dimension): ReportModule {
  return {
    columns: () => [{ key: dimension.key, type: dimension.type }, { key: 'volunteers', type: 'number' }, { key: 'active', type: 'number' }, { key: 'new', type: 'number' }],
    count(db, period) {
      const { start, end } = instantsOf(period);
      const region = namedRegionFilter('v.region', period);
      const params = { on: period.to, start, end, ...region.params };
      const live = `v.deleted = 0 AND v.created_at < @end${region.sql}`;
      const rows = prepared(
        db,
        `SELECT ${dimension.group} AS g, count(DISTINCT v.id) AS volunteers, count(DISTINCT CASE WHEN v.status = 'active' THEN v.id END) AS active,
           count(DISTINCT CASE WHEN v.created_at >= @start THEN v.id END) AS new
         FROM volunteers v ${dimension.join ?? ''}
         WHERE ${live}
         GROUP BY 1 ORDER BY ${dimension.order ?? 'g IS NULL, g'}`,
      ).all(params) as GroupRow[];
      const totals = prepared(
        db,
        `SELECT count(*) AS volunteers, sum(v.status = 'active') AS active, sum(v.created_at >= @start) AS new
         FROM volunteers v WHERE ${live}`,
      ).get(params) as { volunteers: number; active: number | null; new: number | null };
      // Erased people have no region left, so they are counted only without a region filter.
      const erased = period.region === null
        ? (prepared(db, `SELECT count(*) FROM volunteers v WHERE ${ERASED_SQL}`).pluck().get() as number)
        : null;
      return {
        rows: rows.map((r) => ({ [dimension.key]: r.g, volunteers: r.volunteers, active: r.active, new: r.new })),
        totals: { volunteers: totals.volunteers, active: totals.active ?? 0, new: totals.new ?? 0, erased },
      };
    },
  };
}

export const volunteersByRegion = volunteersBy(DIMENSIONS.region);
export const volunteersByAge = volunteersBy(DIMENSIONS.age);
export const volunteersBySex = volunteersBy(DIMENSIONS.sex);
export const volunteersByArea = volunteersBy(DIMENSIONS.area);
export const volunteersByOrganisation = volunteersBy(DIMENSIONS.organisation);

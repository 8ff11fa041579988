import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { namedRegionFilter, periodFilter, rate, type Period } from '../../../../electron/core/reports/report';
import { cellText } from '../../../../shared/domain/report-format';

/** Records with a single date and records spanning days, in two regions. */
function records() {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE r (name TEXT, day TEXT, first TEXT, last TEXT, region TEXT);
    INSERT INTO r VALUES ('before', '2026-02-28', '2026-02-20', '2026-02-28', 'KZ-19'),
      ('first day', '2026-03-01', '2026-02-27', '2026-03-01', 'KZ-19'),
      ('last day', '2026-03-31', '2026-03-31', '2026-04-02', 'KZ-19'),
      ('across', '2026-04-01', '2026-02-01', '2026-05-01', 'KZ-75'),
      ('after', '2026-04-01', '2026-04-01', '2026-04-03', 'KZ-19');`);
  return db;
}
const march = (region: string | null): Period => ({ from: '2026-03-01', to: '2026-03-31', region });

describe('report filters', () => {
  it('take a dated record within the period, both ends included, in the region when one is named', () => {
    const db = records();
    const names = (period: Period) => {
      const where = periodFilter(period, 'day', 'region');
      return db.prepare(`SELECT name FROM r WHERE 1 = 1${where.dates}${where.region} ORDER BY name`).pluck().all(...where.params);
    };
    expect(names(march(null))).toEqual(['first day', 'last day']);
    expect(names(march('KZ-75'))).toEqual([]);
  });

  it('take a record spanning days when its days overlap the period', () => {
    const db = records();
    const names = (period: Period) => {
      const where = periodFilter(period, { start: 'first', end: 'last' }, 'region');
      return db.prepare(`SELECT name FROM r WHERE 1 = 1${where.dates}${where.region} ORDER BY name`).pluck().all(...where.params);
    };
    expect(names(march(null))).toEqual(['across', 'first day', 'last day']);
    expect(names(march('KZ-75'))).toEqual(['across']);
  });

  it('name the region parameter for queries that name theirs, and add nothing without a region', () => {
    const db = records();
    const count = (period: Period) => {
      const region = namedRegionFilter('region', period);
      return db.prepare(`SELECT count(*) FROM r WHERE day >= @from${region.sql}`).pluck().get({ from: period.from, ...region.params });
    };
    expect(count(march(null))).toBe(4);
    expect(count(march('KZ-19'))).toBe(3);
  });

  it('round a share once, to the tenth of a percent shown: 184 of 470 is 39.1 %, not 39.2 % by rounding twice', () => {
    expect(rate(184, 470)).toBe(0.391);
    expect(cellText({ key: 'fillRate', type: 'rate' }, rate(184, 470), 'en')).toBe('39.1 %');
    expect(rate(1, 3)).toBe(0.333);
    expect([rate(0, 0), rate(5, 4), rate(-1, 4)]).toEqual([null, 1, 0]);
  });
});

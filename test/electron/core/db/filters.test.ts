import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { optionalFilters } from '../../../../electron/core/db/filters';

describe('optional filters', () => {
  it('keep the filters given, with their values in the same order, and leave out the undefined ones', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE e (title TEXT, category TEXT, day TEXT);
      INSERT INTO e VALUES ('a', 'fire', '2026-03-01'), ('b', 'fire', '2026-04-01'), ('c', 'flood', '2026-03-02');`);
    const titles = (category: string | undefined, from: string | undefined) => {
      const { conditions, params } = optionalFilters([['category = ?', category], ['day >= ?', from], ['day <= ?', undefined]]);
      return db.prepare(`SELECT title FROM e WHERE ${['1 = 1', ...conditions].join(' AND ')} ORDER BY title`).pluck().all(...params);
    };
    expect(titles(undefined, undefined)).toEqual(['a', 'b', 'c']);
    expect(titles('fire', undefined)).toEqual(['a', 'b']);
    expect(titles('fire', '2026-03-15')).toEqual(['b']);
    // An empty string and null are values: only undefined means "not asked".
    expect(optionalFilters([['title = ?', ''], ['category IS ?', null]]).params).toEqual(['', null]);
  });
});

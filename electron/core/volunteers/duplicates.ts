import { matchName } from '../../../shared/domain/search-key';
import { distinctId } from '../replication/distinct-pairs';
import { mergeRecords, type MergeWork } from '../replication/merges';
import { prepared } from '../db/statements';
import type { WriteStamp } from '../replication/write';
import type { ReadDb } from '../db/read-only';
import type { DuplicatePairView } from '../../../shared/contract/exchange';

/**
 * Live volunteers sharing an IIN are one person: merged into the smallest id. With `onlyIds`,
 * only the IINs those records hold are looked at (a small import into a large database).
 * Returns the merges made.
 */
export function autoMergeByIin(w: WriteStamp, onlyIds?: Set<string>, work?: MergeWork): number {
  let groups: string[];
  if (onlyIds && onlyIds.size < 20_000) {
    const iins = new Set<string>();
    for (const id of onlyIds) {
      const iin = prepared(w.db, 'SELECT iin FROM volunteers WHERE id = ? AND deleted = 0').pluck().get(id) as string | null | undefined;
      if (iin) iins.add(iin);
    }
    groups = [];
    for (const iin of iins) {
      const ids = prepared(w.db, 'SELECT id FROM volunteers WHERE iin = ? AND deleted = 0').pluck().all(iin) as string[];
      if (ids.length > 1) groups.push(ids.join(','));
    }
  } else {
    groups = prepared(
      w.db,
      "SELECT group_concat(id, ',') AS ids FROM volunteers WHERE deleted = 0 AND iin IS NOT NULL GROUP BY iin HAVING count(*) > 1",
    ).pluck().all() as string[];
  }
  let merged = 0;
  for (const group of groups) {
    const ids = group.split(',').sort();
    for (const loser of ids.slice(1)) if (mergeRecords(w, 'volunteers', ids[0]!, loser, { auto: true, work })) merged++;
  }
  return merged;
}

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  phone: string | null;
  iin: string | null;
  region: string | null;
}

const side = (r: PersonRow): DuplicatePairView['a'] => ({
  id: r.id, lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, birthDate: r.birth_date, phone: r.phone, hasIin: r.iin !== null, region: r.region,
});

/** How often the scan calls its `tick` (people and groups): a long call's cancel is heard during a national scan. */
const TICK_EVERY = 2000;

/**
 * Likely duplicates the IIN cannot settle: the same name (in any spelling: Cyrillic or Latin,
 * Kazakh letters or not) with the same birth date, or with the same phone, where at most one of
 * the two has an IIN. Pairs a coordinator marked distinct are left out. `tick` is called every
 * TICK_EVERY steps of the scan.
 */
export function likelyDuplicates(db: ReadDb, options: { onlyIds?: Set<string>; limit?: number; tick?: () => void } = {}): DuplicatePairView[] {
  return duplicatePairs(db, options.onlyIds, options.limit ?? 500, options.tick);
}

/**
 * One page of likely duplicates and how many there are in all. The pairs come from matching
 * name spellings in code (not SQL), in a fixed order (by match key, then ids), so pages neither
 * skip nor repeat a pair while nothing changes.
 */
export function pageOfDuplicates(db: ReadDb, page: { limit: number; offset: number }): { total: number; items: DuplicatePairView[] } {
  const all = duplicatePairs(db, undefined, Infinity);
  return { total: all.length, items: all.slice(page.offset, page.offset + page.limit) };
}

const PEOPLE = 'SELECT id, last_name, first_name, middle_name, birth_date, phone, iin, region FROM volunteers';
/** Up to this many people asked about, the scan starts from them (through the indexes) rather than from everyone. */
const NARROW_UP_TO = 5000;

/**
 * The people a likely pair with one of `ids` can come from: a pair shares a birth date or a
 * phone, so only people sharing one with them can be in one. A bundle of nine records is then
 * checked among a few dozen people, not among all 200,000, whose name keys take a second to make.
 */
function sharingBirthDateOrPhone(db: ReadDb, ids: Set<string>): PersonRow[] {
  const asked = JSON.stringify([...ids]);
  return prepared(
    db,
    `${PEOPLE} WHERE deleted = 0 AND (
       birth_date IN (SELECT birth_date FROM volunteers WHERE id IN (SELECT value FROM json_each(@asked)) AND birth_date IS NOT NULL)
       OR phone IN (SELECT phone FROM volunteers WHERE id IN (SELECT value FROM json_each(@asked)) AND phone IS NOT NULL))`,
  ).all({ asked }) as PersonRow[];
}

/**
 * Everyone who shares a name key and a birth date, or a name key and a phone, with someone else:
 * the only people a pair can come from, read from the indexes of migration 0020 (at national
 * scale a few hundred people, not 200,000). In table order, as a scan of everyone would meet them,
 * so a group of more than twelve keeps the same twelve.
 */
function sharingNameAndBirthDateOrPhone(db: ReadDb): PersonRow[] {
  // The expression as the indexes declare it, so SQLite reads it from them rather than computing it.
  const key = (alias: string) => `erikti_match_name(${alias}.last_name, ${alias}.first_name)`;
  return prepared(
    db,
    `WITH same_birth AS (
       SELECT ${key('w')} AS name, w.birth_date FROM volunteers w INDEXED BY volunteers_live_match_birth
       WHERE w.deleted = 0 AND w.birth_date IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1),
     same_phone AS (
       SELECT ${key('w')} AS name, w.phone FROM volunteers w INDEXED BY volunteers_live_match_phone
       WHERE w.deleted = 0 AND w.phone IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1),
     ids AS (
       SELECT v.seq FROM same_birth t JOIN volunteers v INDEXED BY volunteers_live_match_birth
         ON ${key('v')} = t.name AND v.birth_date = t.birth_date AND v.deleted = 0 AND v.birth_date IS NOT NULL
       UNION
       SELECT v.seq FROM same_phone t JOIN volunteers v INDEXED BY volunteers_live_match_phone
         ON ${key('v')} = t.name AND v.phone = t.phone AND v.deleted = 0 AND v.phone IS NOT NULL)
     ${PEOPLE} WHERE seq IN (SELECT seq FROM ids) ORDER BY seq`,
  ).all() as PersonRow[];
}

function duplicatePairs(db: ReadDb, onlyIds: Set<string> | undefined, limit: number, tick?: () => void): DuplicatePairView[] {
  let steps = 0;
  const step = () => {
    if (++steps % TICK_EVERY === 0) tick?.();
  };
  const people = onlyIds && onlyIds.size <= NARROW_UP_TO ? sharingBirthDateOrPhone(db, onlyIds) : sharingNameAndBirthDateOrPhone(db);
  const distinct = new Set(prepared(db, "SELECT id FROM distinct_pairs WHERE deleted = 0 AND tbl = 'volunteers'").pluck().all() as string[]);
  const groups = new Map<string, PersonRow[]>();
  const add = (key: string, row: PersonRow) => {
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  };
  for (const p of people) {
    step();
    const name = matchName(p.last_name, p.first_name);
    if (p.birth_date) add(`b|${name}|${p.birth_date}`, p);
    if (p.phone) add(`p|${name}|${p.phone}`, p);
  }
  const seen = new Set<string>();
  const out: DuplicatePairView[] = [];
  for (const [key, list] of [...groups.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    step();
    if (list.length < 2) continue;
    const members = list.slice(0, 12).sort((x, y) => (x.id < y.id ? -1 : 1));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (a.iin && b.iin) continue;
        if (onlyIds && !onlyIds.has(a.id) && !onlyIds.has(b.id)) continue;
        const pairKey = distinctId('volunteers', a.id, b.id);
        if (distinct.has(pairKey) || seen.has(pairKey)) continue;
        seen.add(pairKey);
        out.push({ table: 'volunteers', reason: key.startsWith('b|') ? 'nameBirthDate' : 'namePhone', a: side(a), b: side(b) });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

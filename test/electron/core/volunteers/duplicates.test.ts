import { describe, expect, it } from 'vitest';
import { likelyDuplicates } from '../../../../electron/core/volunteers/duplicates';
import { ADMIN, officeCore } from '../../../helpers/temp-db';

const LAST = ['Оспанов', 'Ospanov', 'Ахметов', 'Akhmetov', 'Сейітов'];
const FIRST = ['Ерлан', 'Erlan', 'Нұрлан', 'Nurlan'];
const BIRTH = ['1990-03-08', '1991-04-12', null];
const PHONE = ['+77011112233', '+77012223344', null];

describe('likely duplicates of a few people (an exchange preview)', () => {
  it('are exactly the pairs of the whole scan that touch them, found from them alone', () => {
    const core = officeCore();
    const ids: string[] = [];
    // Every combination once, some twice: namesakes in two spellings sharing a birth date or a phone.
    let n = 0;
    for (const lastName of LAST) {
      for (const firstName of FIRST) {
        for (const birthDate of BIRTH) {
          const phone = PHONE[n++ % PHONE.length]!;
          ids.push(core.callAs(ADMIN, 'volunteers.create', { lastName, firstName, ...(birthDate ? { birthDate } : {}), ...(phone ? { phone } : {}) }).id);
        }
      }
    }
    const all = likelyDuplicates(core.db, { limit: 100_000 });
    expect(all.length).toBeGreaterThan(20);
    for (let start = 0; start < ids.length; start += 7) {
      const asked = new Set(ids.slice(start, start + 3));
      const expected = all.filter((p) => asked.has(p.a.id) || asked.has(p.b.id));
      expect(likelyDuplicates(core.db, { onlyIds: asked, limit: 100_000 })).toEqual(expected);
    }
  });
});

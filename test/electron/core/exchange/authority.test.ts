import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { ownKeys } from '../../../../electron/core/exchange/keys';
import { ADMIN } from '../../../helpers/temp-db';
import { craft, exportTo, importInto, offices, person, previewIn } from './helpers';

const ELEVEN_MONTHS = 335 * 86_400_000;

/** A change line as the rogue's bundle would carry it: the record's real creation, the rogue's stamps. */
function rogueLine(core: Core, id: string, values: Record<string, string | number | null>, stamp: string): string {
  const clock = core.db.prepare("SELECT base, actor FROM row_clock WHERE tbl = 'volunteers' AND row_id = ?").get(id) as { base: string; actor: string };
  const c = Object.fromEntries(Object.keys(values).map((f) => [f, [stamp, 'rogue@KZ-75', [clock.base]]]));
  return `${JSON.stringify({ t: 'volunteers', id, b: clock.base, a: clock.actor, v: values, c })}\n`;
}

describe('which records an office may change', () => {
  it('a rogue region with stamps 11 months ahead changes only its own people; the rest is refused everywhere and honest later edits win', () => {
    const [almaty, astana, centre] = offices('KZ-75', 'KZ-71', 'KZ');
    const own = almaty!.callAs(ADMIN, 'volunteers.create', person('Өз', 'Адам'));
    const theirs = astana!.callAs(ADMIN, 'volunteers.create', person('Астаналық', 'Адам', { phone: '87010000001' }));
    const national = centre!.callAs(ADMIN, 'volunteers.create', person('Орталық', 'Адам'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(centre!, exportTo(astana!, 'KZ'));
    importInto(astana!, exportTo(centre!, 'KZ-71'));

    const stamp = `${Date.now() + ELEVEN_MONTHS}.000000.${ownKeys(almaty!.db)!.replica}`;
    const lines =
      rogueLine(centre!, own.id, { notes: 'өзгертілді' }, stamp) +
      rogueLine(centre!, theirs.id, { deleted: 1, last_name: null, phone: null }, stamp) +
      rogueLine(centre!, national.id, { notes: 'басып алынды' }, stamp);
    const bundle = craft(almaty!, 'KZ', lines);
    const preview = previewIn(centre!, bundle);
    expect(preview.refused).toMatchObject({ total: 4, offices: { 'KZ-75': 4 } });
    expect(preview.tables.volunteers).toMatchObject({ updated: 1, erased: 0, refused: 4 });
    importInto(centre!, bundle);
    const s = importInto(astana!, exportTo(centre!, 'KZ-71'));
    expect(s.refused.total).toBe(0);

    for (const core of [centre!, astana!]) {
      const notes = (id: string) => core.db.prepare('SELECT notes, deleted, last_name FROM volunteers WHERE id = ?').get(id);
      expect(notes(own.id)).toMatchObject({ notes: 'өзгертілді' });
      expect(notes(theirs.id)).toEqual({ notes: null, deleted: 0, last_name: 'Астаналық' });
      expect(notes(national.id)).toMatchObject({ notes: null });
    }
    // The same bundle sent straight to Astana is refused there too.
    const direct = craft(almaty!, 'KZ-71', lines);
    expect(previewIn(astana!, direct).refused.offices).toEqual({ 'KZ-75': 4 });

    // Honest edits made afterwards win, even over the rogue's own-person edit stamped 11 months ahead.
    astana!.callAs(ADMIN, 'volunteers.update', { id: theirs.id, patch: { notes: 'тексерілді' } });
    centre!.callAs(ADMIN, 'volunteers.update', { id: own.id, patch: { notes: 'түзетілді' } });
    importInto(centre!, exportTo(astana!, 'KZ'));
    importInto(astana!, exportTo(centre!, 'KZ-71'));
    for (const core of [centre!, astana!]) {
      expect(core.db.prepare('SELECT notes FROM volunteers WHERE id = ?').pluck().get(theirs.id)).toBe('тексерілді');
      expect(core.db.prepare('SELECT notes FROM volunteers WHERE id = ?').pluck().get(own.id)).toBe('түзетілді');
    }
    expect(dump(centre!.db)).toBe(dump(astana!.db));
  });
});

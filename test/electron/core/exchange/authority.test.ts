import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { ownKeys } from '../../../../electron/core/office/keys';
import { ADMIN } from '../../../helpers/temp-db';
import { CallError } from '../../../../shared/contract/errors';
import { iinFor, importRoster, xlsx } from '../roster/fixtures';
import { craft, exportTo, importInto, offices, person, previewIn, snapshot } from './helpers';

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

/** The call's refusal: its key and the office it names; fails when the call goes through. */
function refusal(fn: () => unknown): { key: string; params?: Record<string, string | number> } {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallError) return { key: error.key, ...(error.params ? { params: error.params } : {}) };
    throw error;
  }
  throw new Error('The call was not refused');
}

describe('an office changes only the records it may change, refused at once', () => {
  it('a region cannot edit, deactivate, erase, merge or decide conflicts of people and organisations another office keeps; nothing is written; the centre can', () => {
    const [almaty, astana, centre] = offices('KZ-75', 'KZ-71', 'KZ');
    const theirs = astana!.callAs(ADMIN, 'volunteers.create', person('Астаналық', 'Адам', { phone: '87010000001' }));
    const theirOrg = astana!.callAs(ADMIN, 'organisations.create', { name: 'Астана еріктілері', type: 'association' });
    const own = almaty!.callAs(ADMIN, 'volunteers.create', person('Астаналык', 'Адам', { phone: '87010000001' }));
    const ownOrg = almaty!.callAs(ADMIN, 'organisations.create', { name: 'Алматы еріктілері', type: 'association' });
    importInto(centre!, exportTo(astana!, 'KZ'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    importInto(astana!, exportTo(centre!, 'KZ-71'));
    // A conflict at Almaty on Astana's person: the centre's edit relayed, Astana's concurrent one sent straight.
    centre!.callAs(ADMIN, 'volunteers.update', { id: theirs.id, patch: { notes: 'орталықтан' } });
    astana!.callAs(ADMIN, 'volunteers.update', { id: theirs.id, patch: { notes: 'Астанадан' } });
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    importInto(almaty!, exportTo(astana!, 'KZ-75'));
    const [conflict] = almaty!.callAs(ADMIN, 'conflicts.list', {}).items;
    expect(conflict).toMatchObject({ rowId: theirs.id });

    expect(almaty!.callAs(ADMIN, 'volunteers.get', { id: theirs.id })).toMatchObject({ keptBy: 'KZ-71', mayChange: false });
    expect(almaty!.callAs(ADMIN, 'organisations.get', { id: theirOrg.id })).toMatchObject({ keptBy: 'KZ-71', mayChange: false });
    expect(almaty!.callAs(ADMIN, 'volunteers.get', { id: own.id })).toMatchObject({ keptBy: 'KZ-75', mayChange: true });
    expect(centre!.callAs(ADMIN, 'volunteers.get', { id: theirs.id })).toMatchObject({ keptBy: 'KZ-71', mayChange: true });

    const before = snapshot(almaty!);
    const person71 = { key: 'error.personKeptElsewhere', params: { office: 'KZ-71' } };
    const org71 = { key: 'error.organisationKeptElsewhere', params: { office: 'KZ-71' } };
    expect(refusal(() => almaty!.callAs(ADMIN, 'volunteers.update', { id: theirs.id, patch: { notes: 'біздікі' } }))).toEqual(person71);
    expect(refusal(() => almaty!.callAs(ADMIN, 'volunteers.setStatus', { id: theirs.id, status: 'inactive' }))).toEqual(person71);
    expect(refusal(() => almaty!.callAs(ADMIN, 'volunteers.delete', { id: theirs.id }))).toEqual(person71);
    expect(refusal(() => almaty!.callAs(ADMIN, 'organisations.update', { id: theirOrg.id, patch: { notes: 'біздікі' } }))).toEqual(org71);
    expect(refusal(() => almaty!.callAs(ADMIN, 'organisations.delete', { id: theirOrg.id }))).toEqual(org71);
    expect(refusal(() => almaty!.callAs(ADMIN, 'organisations.addMember', { organisationId: theirOrg.id, volunteerId: theirs.id }))).toEqual(person71);
    expect(refusal(() => almaty!.callAs(ADMIN, 'conflicts.resolve', { id: conflict!.id, choice: 'loser' }))).toEqual(person71);
    expect(almaty!.callAs(ADMIN, 'conflicts.resolveMany', { ids: [conflict!.id], choice: 'winner' })).toEqual({ resolved: [], skipped: [{ id: conflict!.id, ...person71 }] });
    expect(refusal(() => almaty!.callAs(ADMIN, 'duplicates.merge', { keepId: own.id, otherId: theirs.id, choices: {} }))).toEqual(person71);
    expect(snapshot(almaty!)).toEqual(before);

    // A membership is the person's and the organisation's: either keeper may make it.
    almaty!.callAs(ADMIN, 'organisations.addMember', { organisationId: ownOrg.id, volunteerId: theirs.id });
    almaty!.callAs(ADMIN, 'organisations.addMember', { organisationId: theirOrg.id, volunteerId: own.id });
    almaty!.callAs(ADMIN, 'volunteers.update', { id: own.id, patch: { notes: 'өзіміздікі' } });
    // The centre may change everything, a merge of two offices' people included.
    centre!.callAs(ADMIN, 'organisations.update', { id: theirOrg.id, patch: { notes: 'орталық' } });
    centre!.callAs(ADMIN, 'duplicates.merge', { keepId: theirs.id, otherId: own.id, choices: {} });

    // Nothing any office wrote is refused anywhere, and everyone ends with the same data.
    const imports = [
      importInto(centre!, exportTo(almaty!, 'KZ')), importInto(centre!, exportTo(astana!, 'KZ')),
      importInto(almaty!, exportTo(centre!, 'KZ-75')), importInto(astana!, exportTo(centre!, 'KZ-71')),
    ];
    for (const s of imports) expect(s.refused.total).toBe(0);
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
    expect(dump(astana!.db)).toBe(dump(centre!.db));
    // Merged, the two records are one person: both offices keep it now.
    const survivor = almaty!.callAs(ADMIN, 'volunteers.get', { id: own.id });
    expect(survivor.mayChange).toBe(true);
    expect(astana!.callAs(ADMIN, 'volunteers.get', { id: own.id }).mayChange).toBe(true);
  });
});

describe('a roster file does not change people another office keeps', () => {
  it('the row matching a person Astana keeps is rejected with the keeping office named; the rest is imported', async () => {
    const [almaty, astana, centre] = offices('KZ-75', 'KZ-71', 'KZ');
    const iin = iinFor('1990-05-17', 'F', 41);
    const theirs = astana!.callAs(ADMIN, 'volunteers.create', person('Серікова', 'Айгерім', { iin }));
    importInto(centre!, exportTo(astana!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    const file = await xlsx({ rows: [['Фамилия', 'Имя', 'ИИН', 'Телефон'], ['Серікова', 'Айгерім', iin, '87011112233'], ['Жаңа', 'Адам', null, '87020000000']] });
    const report = importRoster(almaty!, file);
    expect(report).toMatchObject({ added: 1, updated: 0, rejectedRows: 1, rejected: [{ row: 2, column: null, key: 'error.personKeptElsewhere', params: { office: 'KZ-71' } }] });
    expect(almaty!.db.prepare('SELECT phone FROM volunteers WHERE id = ?').pluck().get(theirs.id)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { makeIin } from '../../../../shared/domain/iin';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices, person, previewIn, snapshot } from './helpers';

describe('exchange between offices', () => {
  it('a region sends its work to the centre, which relays it to another region', () => {
    const [almaty, centre, astana] = offices('KZ-75', 'KZ', 'KZ-71');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Сейітов', 'Асқар', { phone: '87011234567' }));
    const s1 = importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(s1.tables.volunteers).toMatchObject({ created: 1 });
    expect(centre!.callAs(ADMIN, 'volunteers.get', { id }).lastName).toBe('Сейітов');
    const s2 = importInto(astana!, exportTo(centre!, 'KZ-71'));
    expect(s2.tables.volunteers).toMatchObject({ created: 1 });
    expect(dump(astana!.db)).toBe(dump(almaty!.db));
  });

  it('is idempotent: importing the same bundle again changes nothing and says so', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    almaty!.callAs(ADMIN, 'volunteers.create', person('Иванов', 'Иван'));
    const bundle = exportTo(almaty!, 'KZ');
    expect(importInto(centre!, bundle).nothingChanged).toBe(false);
    const before = snapshot(centre!);
    const again = importInto(centre!, bundle);
    expect(again).toMatchObject({ alreadyImported: true, nothingChanged: true });
    expect(snapshot(centre!).dump).toBe(before.dump);
    // The same data in a new bundle (a full export) is recognised record by record.
    const full = importInto(centre!, exportTo(almaty!, 'KZ', true));
    expect(full.alreadyImported).toBe(false);
    expect(full.nothingChanged).toBe(true);
    expect(full.tables.volunteers).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('a dry run previews exactly and writes nothing', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Петров', 'Пётр'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'p@mail.kz' } });
    centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'q@mail.kz' } });
    almaty!.callAs(ADMIN, 'volunteers.create', person('Новый', 'Человек'));
    const bundle = exportTo(almaty!, 'KZ');
    const before = snapshot(centre!);
    const preview = previewIn(centre!, bundle);
    expect(snapshot(centre!)).toEqual(before);
    expect(preview.dryRun).toBe(true);
    expect(preview.tables.volunteers).toMatchObject({ created: 1, conflicts: 1 });
    const real = importInto(centre!, bundle);
    expect({ ...real, dryRun: true }).toEqual(preview);
  });

  it('edits to different fields of one record both survive; concurrent edits of one field keep the loser', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметов', 'Ерлан'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'a@mail.kz', notes: 'from Almaty' } });
    centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { phone: '87770001122', notes: 'from the centre' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
    const v = centre!.callAs(ADMIN, 'volunteers.get', { id });
    expect(v.email).toBe('a@mail.kz');
    expect(v.phone).toBe('+77770001122');
    expect(v.notes).toBe('from the centre'); // the later write wins everywhere
    for (const core of [almaty!, centre!]) {
      const { items } = core.callAs(ADMIN, 'conflicts.list', {});
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ field: 'notes', kind: 'field', winner: { value: 'from the centre' }, loser: { value: 'from Almaty' } });
      expect(items[0]!.winner.actor).toMatch(/@KZ$/);
      expect(items[0]!.loser.actor).toMatch(/@KZ-75$/);
    }
  });

  it('a resolution is an ordinary edit that propagates and settles the conflict at the other office', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметов', 'Ерлан'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'A' } });
    centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'B' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    const [conflict] = centre!.callAs(ADMIN, 'conflicts.list', {}).items;
    centre!.callAs(ADMIN, 'conflicts.resolve', { id: conflict!.id, choice: 'loser' });
    expect(centre!.callAs(ADMIN, 'conflicts.list', {}).total).toBe(0);
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    expect(almaty!.callAs(ADMIN, 'conflicts.list', {}).total).toBe(0);
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
    expect(almaty!.callAs(ADMIN, 'volunteers.get', { id }).notes).toBe(conflict!.loser.value);
  });

  it('a typed resolution meets the same rules as the form: refused when invalid, normalised when valid', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметов', 'Ерлан'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { phone: '87010000001' } });
    centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { phone: '87010000002' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    const [conflict] = centre!.callAs(ADMIN, 'conflicts.list', {}).items;
    expect(() => centre!.callAs(ADMIN, 'conflicts.resolve', { id: conflict!.id, choice: 'value', value: '<b>12</b>' })).toThrow(
      expect.objectContaining({ code: 'validation', fields: [expect.objectContaining({ path: 'phone', key: 'error.phone' })] }),
    );
    expect(centre!.callAs(ADMIN, 'conflicts.list', {}).total).toBe(1);
    centre!.callAs(ADMIN, 'conflicts.resolve', { id: conflict!.id, choice: 'value', value: '8 (702) 555 66 77' });
    expect(centre!.callAs(ADMIN, 'volunteers.get', { id }).phone).toBe('+77025556677');
  });

  it('deletes propagate as tombstones; a delete concurrent with an edit is a conflict', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const org = almaty!.callAs(ADMIN, 'organisations.create', { name: 'Жасыл ел', type: 'association' });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    almaty!.callAs(ADMIN, 'organisations.delete', { id: org.id });
    centre!.callAs(ADMIN, 'organisations.update', { id: org.id, patch: { phone: '87015556677' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
    for (const core of [almaty!, centre!]) {
      const { items } = core.callAs(ADMIN, 'conflicts.list', {});
      expect(items).toEqual([expect.objectContaining({ kind: 'delete', field: 'deleted', loser: expect.objectContaining({ value: { phone: '+77015556677' } }) })]);
    }
    // Restoring at one office restores everywhere.
    const [c] = centre!.callAs(ADMIN, 'conflicts.list', {}).items;
    centre!.callAs(ADMIN, 'conflicts.resolve', { id: c!.id, choice: 'loser' });
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    expect(almaty!.callAs(ADMIN, 'organisations.get', { id: org.id }).phone).toBe('+77015556677');
    expect(almaty!.callAs(ADMIN, 'conflicts.list', {}).total).toBe(0);
  });

  it('keeping an erasure against a concurrent edit erases the edit everywhere', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Удалов', 'Иван', { phone: '87010000001' }));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    almaty!.callAs(ADMIN, 'volunteers.delete', { id });
    centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'late@mail.kz' } });
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    const conflicts = centre!.callAs(ADMIN, 'conflicts.list', {}).items;
    const deletion = conflicts.find((c) => c.kind === 'delete')!;
    expect(deletion.loser.value).toEqual({ email: 'late@mail.kz' });
    centre!.callAs(ADMIN, 'conflicts.resolve', { id: deletion.id, choice: 'winner' });
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    for (const core of [almaty!, centre!]) {
      const row = core.db.prepare('SELECT email, phone, deleted FROM volunteers WHERE id = ?').get(id);
      expect(row).toEqual({ email: null, phone: null, deleted: 1 });
      expect(core.callAs(ADMIN, 'conflicts.list', {}).items.filter((c) => c.kind === 'delete')).toEqual([]);
    }
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
  });

  it('the same IIN at two offices is one person: merged to the same survivor everywhere, references re-pointed', () => {
    const [almaty, astana, centre] = offices('KZ-75', 'KZ-71', 'KZ');
    const iin = makeIin('1990-05-17', 'F', 1234)!;
    const a = almaty!.callAs(ADMIN, 'volunteers.create', person('Серікова', 'Айгерім', { iin, email: 'a@mail.kz' }));
    const b = astana!.callAs(ADMIN, 'volunteers.create', person('Серикова', 'Айгерим', { iin, phone: '87011112233' }));
    const org = astana!.callAs(ADMIN, 'organisations.create', { name: 'Көмек', type: 'association' });
    astana!.callAs(ADMIN, 'organisations.addMember', { organisationId: org.id, volunteerId: b.id });
    const [survivor, loser] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const s = importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(s.duplicates.merged).toBe(0);
    const s2 = importInto(centre!, exportTo(astana!, 'KZ'));
    expect(s2.duplicates.merged).toBe(1);
    // Both regions get the merge from the centre, and the two ids resolve to the survivor everywhere.
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    importInto(astana!, exportTo(centre!, 'KZ-71'));
    for (const core of [almaty!, astana!, centre!]) {
      expect(core.callAs(ADMIN, 'volunteers.get', { id: loser }).id).toBe(survivor);
      expect(core.callAs(ADMIN, 'volunteers.search', { text: iin }).total).toBe(1);
      expect(core.callAs(ADMIN, 'organisations.get', { id: org.id }).members.map((m) => m.volunteerId)).toEqual([survivor]);
    }
    importInto(centre!, exportTo(almaty!, 'KZ'));
    importInto(centre!, exportTo(astana!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    importInto(astana!, exportTo(centre!, 'KZ-71'));
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
    expect(dump(astana!.db)).toBe(dump(centre!.db));
    // An update through the merged-away id lands on the survivor.
    astana!.callAs(ADMIN, 'volunteers.update', { id: loser, patch: { notes: 'через старый id' } });
    expect(astana!.callAs(ADMIN, 'volunteers.get', { id: survivor }).notes).toBe('через старый id');
  });

  it('likely duplicates without an IIN go to a review list; merge and mark distinct replicate', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const a = almaty!.callAs(ADMIN, 'volunteers.create', person('Жұмабеков', 'Нұрлан', { birthDate: '1991-03-02' }));
    const b = centre!.callAs(ADMIN, 'volunteers.create', person('Zhumabekov', 'Nurlan', { birthDate: '1991-03-02' }));
    const c = almaty!.callAs(ADMIN, 'volunteers.create', person('Ким', 'Ольга', { phone: '87015550000' }));
    const d = centre!.callAs(ADMIN, 'volunteers.create', person('Kim', 'Olga', { phone: '+7 701 555 00 00' }));
    const preview = previewIn(centre!, exportTo(almaty!, 'KZ'));
    expect(preview.duplicates.review).toBe(2);
    importInto(centre!, exportTo(almaty!, 'KZ', true));
    const pairs = centre!.callAs(ADMIN, 'duplicates.list', {}).items;
    expect(pairs.map((p) => [p.reason, [p.a.id, p.b.id].sort()])).toEqual(
      expect.arrayContaining([
        ['nameBirthDate', [a.id, b.id].sort()],
        ['namePhone', [c.id, d.id].sort()],
      ]),
    );
    centre!.callAs(ADMIN, 'duplicates.markDistinct', { a: c.id, b: d.id });
    const merged = centre!.callAs(ADMIN, 'duplicates.merge', { keepId: b.id, otherId: a.id });
    expect(merged.survivor).toBe([a.id, b.id].sort()[0]);
    expect(centre!.callAs(ADMIN, 'volunteers.get', { id: merged.survivor }).lastName).toBe('Zhumabekov');
    expect(centre!.callAs(ADMIN, 'duplicates.list', {})).toEqual({ total: 0, items: [] });
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    expect(almaty!.callAs(ADMIN, 'duplicates.list', {})).toEqual({ total: 0, items: [] });
    expect(dump(almaty!.db)).toBe(dump(centre!.db));
  });
});

import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices, person } from './helpers';

/** Five people known at both offices, each then given different notes at each: five conflicts at the centre. */
function fiveConflicts(): { almaty: Core; centre: Core; ids: string[] } {
  const [almaty, centre] = offices('KZ-75', 'KZ');
  const ids = ['Аман', 'Бек', 'Гүл', 'Дана', 'Ерік'].map((name) => almaty!.callAs(ADMIN, 'volunteers.create', person('Оспанов', name)).id);
  importInto(centre!, exportTo(almaty!, 'KZ'));
  for (const id of ids) {
    centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'centre' } });
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'almaty', email: `${id.slice(-6)}@mail.kz` } });
  }
  centre!.callAs(ADMIN, 'volunteers.update', { id: ids[0], patch: { email: 'c@mail.kz' } });
  importInto(centre!, exportTo(almaty!, 'KZ'));
  return { almaty: almaty!, centre: centre!, ids };
}

describe('the conflict review list', () => {
  it('says which side was written later, filters by office, field and kind, and pages through all', () => {
    const { centre } = fiveConflicts();
    const all = centre.callAs(ADMIN, 'conflicts.list', {});
    expect(all.total).toBe(6);
    for (const c of all.items) expect(c.later).toBe(c.winner.stamp > c.loser.stamp ? 'winner' : 'loser');
    expect(all.facets.offices).toEqual(['KZ', 'KZ-75']);
    expect(all.facets.fields).toEqual([{ table: 'volunteers', field: 'email' }, { table: 'volunteers', field: 'notes' }]);
    expect(centre.callAs(ADMIN, 'conflicts.list', { field: 'email' }).total).toBe(1);
    expect(centre.callAs(ADMIN, 'conflicts.list', { office: 'KZ-75', field: 'notes' }).total).toBe(5);
    expect(centre.callAs(ADMIN, 'conflicts.list', { office: 'KZ-71' }).total).toBe(0);
    expect(centre.callAs(ADMIN, 'conflicts.list', { kind: 'delete' }).total).toBe(0);
    expect(centre.callAs(ADMIN, 'conflicts.list', { table: 'organisations' }).total).toBe(0);
    const page2 = centre.callAs(ADMIN, 'conflicts.list', { limit: 4, offset: 4 });
    expect(page2.items.map((c) => c.id)).toEqual(all.items.slice(4).map((c) => c.id));
  });

  it('takes one office’s value for many conflicts at once, and the decision travels', () => {
    const { almaty, centre, ids } = fiveConflicts();
    const notes = centre.callAs(ADMIN, 'conflicts.list', { field: 'notes' }).items;
    expect(notes).toHaveLength(5);
    const result = centre.callAs(ADMIN, 'conflicts.resolveMany', { ids: notes.map((c) => c.id), choice: 'office', office: 'KZ-75' });
    expect(result.resolved).toHaveLength(5);
    expect(result.skipped).toEqual([]);
    for (const id of ids) expect(centre.callAs(ADMIN, 'volunteers.get', { id }).notes).toBe('almaty');
    expect(centre.callAs(ADMIN, 'conflicts.list', {}).total).toBe(1);
    // Almaty receives the decisions as ordinary edits: nothing left to decide there either.
    importInto(almaty, exportTo(centre, 'KZ-75'));
    for (const id of ids) expect(almaty.callAs(ADMIN, 'volunteers.get', { id }).notes).toBe('almaty');
  });

  it('skips, and names, what cannot be decided that way; the rest still holds', () => {
    const { centre } = fiveConflicts();
    const open = centre.callAs(ADMIN, 'conflicts.list', {}).items;
    const first = open[0]!;
    centre.callAs(ADMIN, 'conflicts.resolve', { id: first.id, choice: 'winner' });
    const result = centre.callAs(ADMIN, 'conflicts.resolveMany', { ids: open.map((c) => c.id), choice: 'office', office: 'KZ-71' });
    expect(result.resolved).toEqual([]);
    expect(result.skipped.map((s) => s.key).sort()).toEqual(['error.conflict.notFound', ...Array(5).fill('error.conflict.notFromOffice')].sort());
    const kept = centre.callAs(ADMIN, 'conflicts.resolveMany', { ids: open.map((c) => c.id), choice: 'winner' });
    expect(kept.resolved).toHaveLength(5);
    expect(kept.skipped).toEqual([{ id: first.id, key: 'error.conflict.notFound', params: { id: first.id } }]);
    expect(centre.callAs(ADMIN, 'conflicts.list', {}).total).toBe(0);
  });

  it('a bundle’s history entry lists the conflicts it raised with the decisions made since', () => {
    const { centre } = fiveConflicts();
    const entry = centre.callAs(ADMIN, 'exchange.history', {}).items.find((h) => h.direction === 'import')!;
    const open = centre.callAs(ADMIN, 'conflicts.list', { field: 'notes' }).items;
    centre.callAs(ADMIN, 'conflicts.resolveMany', { ids: open.map((c) => c.id), choice: 'loser' });
    const detail = centre.callAs(ADMIN, 'exchange.historyEntry', { id: entry.id });
    expect(detail.conflicts).toHaveLength(6);
    expect(detail.conflicts.filter((c) => c.resolution === 'loser')).toHaveLength(5);
    expect(detail.report!.counts.conflict).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices, person } from './helpers';

/** Every page of a list, `size` at a time, until a page comes back short. */
function allPages<T>(size: number, page: (offset: number) => { total: number; items: T[] }): { totals: number[]; items: T[] } {
  const totals: number[] = [];
  const items: T[] = [];
  for (let offset = 0; ; offset += size) {
    const answer = page(offset);
    totals.push(answer.total);
    items.push(...answer.items);
    if (answer.items.length < size) return { totals, items };
  }
}

const key = (p: { a: { id: string }; b: { id: string } }) => `${p.a.id}:${p.b.id}`;

describe('long lists page instead of stopping at the first hundred', () => {
  it('pages through every likely duplicate, each once, with the total on every page', () => {
    const [office] = offices('KZ');
    // Seven people each entered twice: same name, same birth date, no IIN to tell them apart.
    for (let i = 0; i < 7; i++) {
      const birthDate = `1990-01-${String(i + 1).padStart(2, '0')}`;
      office!.callAs(ADMIN, 'volunteers.create', person('Сәрсенов', `Ерлан${'а'.repeat(i)}`, { birthDate }));
      office!.callAs(ADMIN, 'volunteers.create', person('Sarsenov', `Erlan${'a'.repeat(i)}`, { birthDate }));
    }
    const everything = office!.callAs(ADMIN, 'duplicates.list', { limit: 100 });
    expect(everything.total).toBe(7);
    const paged = allPages(3, (offset) => office!.callAs(ADMIN, 'duplicates.list', { limit: 3, offset }));
    expect(paged.totals).toEqual([7, 7, 7]);
    expect(paged.items.map(key)).toEqual(everything.items.map(key));
    expect(new Set(paged.items.map(key)).size).toBe(7);
    expect(office!.callAs(ADMIN, 'duplicates.list', { limit: 3, offset: 50 })).toEqual({ total: 7, items: [] });
  });

  it('pages through the exchange history newest first, with the total', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    for (let i = 0; i < 5; i++) {
      almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметов', `Бауыржан${'а'.repeat(i)}`));
      importInto(centre!, exportTo(almaty!, 'KZ'));
    }
    const everything = centre!.callAs(ADMIN, 'exchange.history', { limit: 1000 });
    expect(everything.total).toBe(5);
    const paged = allPages(2, (offset) => centre!.callAs(ADMIN, 'exchange.history', { limit: 2, offset }));
    expect(paged.totals).toEqual([5, 5, 5]);
    expect(paged.items.map((h) => h.id)).toEqual(everything.items.map((h) => h.id));
    expect(paged.items.map((h) => h.id)).toEqual([...paged.items.map((h) => h.id)].sort((a, b) => b - a));
  });

  it('pages through conflicts within a filter, the total counting the filter’s matches only', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const ids = ['Аман', 'Бек', 'Гүл', 'Дана', 'Ерік'].map((name) => almaty!.callAs(ADMIN, 'volunteers.create', person('Оспанов', name)).id);
    importInto(centre!, exportTo(almaty!, 'KZ'));
    for (const id of ids) {
      centre!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'centre', email: `c${id.slice(-6)}@mail.kz` } });
      almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'almaty', email: `a${id.slice(-6)}@mail.kz` } });
    }
    importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(centre!.callAs(ADMIN, 'conflicts.list', {}).total).toBe(10);
    const notes = allPages(2, (offset) => centre!.callAs(ADMIN, 'conflicts.list', { field: 'notes', limit: 2, offset }));
    expect(notes.totals).toEqual([5, 5, 5]);
    expect(notes.items.map((c) => c.field)).toEqual(Array(5).fill('notes'));
    expect(new Set(notes.items.map((c) => c.id)).size).toBe(5);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erikti, eriktiJson } from '../../helpers/cli';
import { pdfPages } from '../../helpers/pdf';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('erikti inventory, events allocate and events roster', () => {
  it('adds stock, lists it on a day, allocates (a shortage exits 1 with the free count) and prints the roster', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-19');
    const tents = eriktiJson<{ id: string }>(['inventory', 'add', '--db', db, '--json', JSON.stringify({ name: { ru: 'Палатка', kk: 'Шатыр' }, kind: 'reusable', unit: 'pcs', quantity: 10 })]);
    expect(Object.keys(tents)).toEqual(['id']);
    const event = (start: string, end: string) =>
      eriktiJson<{ id: string }>(['events', 'add', '--db', db, '--json', JSON.stringify({ title: 'Паводок', category: 'flood', start, end, region: 'KZ-19', place: 'Атырау' })]).id;
    const first = event('2026-04-01', '2026-04-03');
    const second = event('2026-04-03', '2026-04-05');
    expect(eriktiJson(['events', 'allocate', '--db', db, first, tents.id, '--quantity', '7'])).toMatchObject({ free: 3 });
    const refused = erikti(['events', 'allocate', '--db', db, second, tents.id, '--quantity', '4']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ reason: 'shortage', free: 3 });
    expect(refused.stderr).toMatch(/^erikti: Not enough Палатка: only 3 free for this period, 4 asked/);
    const fractional = erikti(['events', 'allocate', '--db', db, second, tents.id, '--quantity', '1.5']);
    expect(fractional.status).toBe(1);
    expect(fractional.stderr).toMatch(/whole pieces/);
    expect(eriktiJson(['inventory', '--db', db, '--on', '2026-04-02'])).toEqual([expect.objectContaining({ id: tents.id, onHand: 10, allocated: 7, free: 3 })]);
    expect(eriktiJson(['inventory', '--db', db, '--on', '2026-04-05'])).toEqual([expect.objectContaining({ onHand: 10, allocated: 0, free: 10 })]);
    const out = path.join(tempDir(), 'roster.pdf');
    expect(eriktiJson(['events', 'roster', '--db', db, first, '--out', out, '--lang', 'kk'])).toEqual({ out, pages: 2 });
    const pages = pdfPages(readFileSync(out));
    expect(pages[0]).toContain('Іс-шара тізімі');
    expect(pages[0]).toContain('Шатыр');
    expect(pages[1]).toContain('Жабдықты қайтару ведомосы');
    expect(erikti(['events', 'roster', '--db', db, first, '--out', out, '--lang', 'de']).status).toBe(2);
  });
});

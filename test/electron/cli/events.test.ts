import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('erikti events and hours', () => {
  it('plans an event and a shift, suggests, assigns (a refusal exits 1 with its code), checks in and out, verifies and totals hours', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-19');
    const person = (lastName: string, birthDate: string) =>
      eriktiJson<{ id: string }>(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName, firstName: 'Айгерім', birthDate, status: 'active', region: 'KZ-19' })]).id;
    const adult = person('Ахметова', '1990-01-01');
    const minor = person('Жас', '2010-01-01');
    const event = eriktiJson<{ id: string }>(['events', 'add', '--db', db, '--json', JSON.stringify({ title: 'Паводок', category: 'flood', start: '2026-04-01', end: '2026-04-03', region: 'KZ-19', place: 'Талгар' })]).id;
    const shift = eriktiJson<{ id: string }>(['events', 'shift', 'add', '--db', db, event, '--json', JSON.stringify({ title: 'Ночь', start: '2026-04-01T22:00', end: '2026-04-02T06:00', needed: 2 })]).id;
    expect(eriktiJson<{ volunteerId: string }[]>(['events', 'suggest', '--db', db, shift]).map((s) => s.volunteerId)).toEqual([adult]);
    const refused = erikti(['events', 'assign', '--db', db, shift, minor]);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ reason: 'minorEmergency' });
    expect(refused.stderr).toMatch(/^erikti: Minors do not work on emergency events/);
    expect(eriktiJson(['events', 'assign', '--db', db, shift, adult])).toEqual({ assigned: adult });
    eriktiJson(['events', 'checkin', '--db', db, shift, adult, '--at', '2026-04-01T22:05']);
    const { entryId, hours } = eriktiJson<{ entryId: string; hours: number }>(['events', 'checkout', '--db', db, shift, adult, '--at', '2026-04-02T06:00']);
    expect(hours).toBe(8);
    eriktiJson(['hours', 'verify', '--db', db, entryId]);
    eriktiJson(['hours', 'add', '--db', db, '--volunteer', adult, '--date', '2026-04-10', '--hours', '2.5', '--category', 'animals', '--note', 'Приют']);
    expect(erikti(['hours', 'add', '--db', db, '--volunteer', adult, '--date', '2026-04-10', '--hours=-1']).status).toBe(1);
    expect(eriktiJson(['hours', 'total', '--db', db, '--volunteer', adult, '--from', '2026-04-01', '--to', '2026-04-30'])).toMatchObject({ hours: 10.5, verified: 8, unverified: 2.5 });
    expect(eriktiJson(['hours', 'total', '--db', db, '--volunteer', adult, '--verified'])).toMatchObject({ hours: 8 });
    expect(eriktiJson<{ notify: unknown[] }>(['events', 'cancel', '--db', db, event]).notify).toHaveLength(1);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erikti, eriktiJson } from '../../helpers/cli';
import { pdfPages } from '../../helpers/pdf';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('erikti trainings and qualifications', () => {
  it('adds a kind, a program and a session, enrols over capacity, withdraws, enters a pass and lists the qualification', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-75');
    const kind = eriktiJson<{ id: string }>(['trainings', 'kind', 'add', '--db', db, '--json', JSON.stringify({ names: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, validityMonths: 24, graceMonths: 3 })]).id;
    expect(eriktiJson(['trainings', 'kinds', '--db', db])).toEqual([
      { id: kind, names: { kk: 'Алғашқы көмек', ru: 'Первая помощь', en: null }, validityMonths: 24, graceMonths: 3, office: 'KZ-75', mayChange: true },
    ]);
    const program = eriktiJson<{ id: string }>(['trainings', 'program', 'add', '--db', db, '--json', JSON.stringify({ title: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, hours: 8, passMark: 70, grants: kind, minAge: 16 })]).id;
    const session = eriktiJson<{ id: string }>(['trainings', 'session', 'add', '--db', db, '--json', JSON.stringify({ programId: program, start: '2025-08-30', end: '2025-08-31', place: 'Алматы', capacity: 1 })]).id;
    const [a, b, young] = [['Ахметова', '1990-01-01'], ['Бекова', '1991-01-01'], ['Жас', '2012-01-01']].map(([lastName, birthDate]) =>
      eriktiJson<{ id: string }>(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName, firstName: 'Айгерім', birthDate })]).id);

    expect(eriktiJson(['trainings', 'enrol', '--db', db, session, a!])).toEqual({ status: 'enrolled', position: null });
    expect(eriktiJson(['trainings', 'enrol', '--db', db, session, b!])).toEqual({ status: 'waitlisted', position: 1 });
    const refused = erikti(['trainings', 'enrol', '--db', db, session, young!]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('erikti: Younger than 16 on the first day of the session.\n');
    expect(eriktiJson(['trainings', 'withdraw', '--db', db, session, a!])).toEqual({ promoted: b });
    // The sheet lists who holds a place (Бекова, promoted), in Kazakh.
    const out = path.join(tempDir(), 'sheet.pdf');
    expect(eriktiJson(['trainings', 'sheet', '--db', db, session, '--out', out, '--lang', 'kk'])).toMatchObject({ out, suggestedName: expect.stringMatching(/\.pdf$/) });
    const text = pdfPages(readFileSync(out)).join('\n');
    expect(text).toContain('Бекова Айгерім');
    expect(text).toContain('Алғашқы көмек');
    expect(text).not.toContain('Ахметова');

    expect(erikti(['trainings', 'result', '--db', db, session, b!, '--passed', '--failed']).status).toBe(2);
    expect(eriktiJson(['trainings', 'result', '--db', db, session, b!, '--passed', '--score', '88'])).toEqual({ qualificationId: `${session}:${b}` });
    // Granted 31 Aug 2025 for 24 months: valid through 31 Aug 2027, grace through 30 Nov 2027.
    expect(eriktiJson(['qualifications', '--db', db, b!, '--on', '2027-09-01'])).toEqual([
      { kind, kindNames: { kk: 'Алғашқы көмек', ru: 'Первая помощь', en: null }, from: '2025-08-31', until: '2027-08-31', graceUntil: '2027-11-30', status: 'grace', source: 'training', note: null },
    ]);
    const expiring = eriktiJson<{ volunteerId: string; daysLeft: number }[]>(['qualifications', 'expiring', '--db', db, '--within', '30', '--on', '2027-08-15']);
    expect(expiring.map((r) => [r.volunteerId, r.daysLeft])).toEqual([[b, 16]]);
    expect(eriktiJson(['qualifications', 'expiring', '--db', db, '--within', '10', '--on', '2027-08-15'])).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_NAMES } from '../../../shared/domain/reports';
import { CLI_PATH, cliEnv, erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('erikti reports and report', () => {
  it('lists the report names; prints hours and social credit as JSON; writes .xlsx and PDF; refuses a bad name or --out', () => {
    const dir = tempDir();
    const db = initOfficeFile(path.join(dir, 'office.sqlite'), 'KZ-19');
    expect(eriktiJson(['reports', '--db', db])).toEqual([...REPORT_NAMES]);
    const person = eriktiJson<{ id: string }>(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Ахметова', firstName: 'Айгерім', birthDate: '2004-05-01', region: 'KZ-19' })]).id;
    for (const [day, hours] of [[1, 24], [2, 24], [3, 24], [4, 8]] as const) {
      eriktiJson(['hours', 'add', '--db', db, '--volunteer', person, '--date', `2026-04-0${day}`, '--hours', String(hours), '--category', 'animals', '--verified']);
    }
    eriktiJson(['hours', 'add', '--db', db, '--volunteer', person, '--date', '2026-05-02', '--hours', '3', '--category', 'animals']);
    const period = ['--from', '2026-01-01', '--to', '2026-12-31'];

    const hours = eriktiJson<Record<string, unknown>>(['report', 'hours', '--db', db, ...period]);
    expect(hours).toEqual({
      name: 'hours', from: '2026-01-01', to: '2026-12-31', region: null, notes: [],
      rows: [
        { month: '2026-04', region: 'KZ-19', category: 'animals', hours: 80, verifiedHours: 80, entries: 4 },
        { month: '2026-05', region: 'KZ-19', category: 'animals', hours: 3, verifiedHours: 0, entries: 1 },
      ],
      totals: { hours: 83, verifiedHours: 80, entries: 5 },
    });
    expect(eriktiJson<{ totals: { hours: number } }>(['report', 'hours', '--db', db, ...period, '--region', 'KZ-75']).totals.hours).toBe(0);

    const credit = eriktiJson<{ rows: Record<string, unknown>[] }>(['report', 'social-credit', '--db', db, ...period]);
    // The command line acts as the administrator, who may read IINs (this person has none).
    expect(credit.rows).toEqual([expect.objectContaining({ volunteerId: person, verifiedHours: 80, countedHours: 70, threshold: 50, iin: null })]);

    const xlsx = path.join(dir, 'hours.xlsx');
    expect(eriktiJson(['report', 'hours', '--db', db, ...period, '--out', xlsx, '--lang', 'en'])).toEqual({ out: xlsx, format: 'xlsx', rows: 2 });
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(dir, 'credit.pdf');
    eriktiJson(['report', 'social-credit', '--db', db, ...period, '--out', pdf]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    expect(erikti(['report', 'nope', '--db', db]).status).toBe(1);
    expect(erikti(['report', 'hours', '--db', db, '--out', path.join(dir, 'x.csv')]).status).toBe(2);
    expect(existsSync(path.join(dir, 'x.csv'))).toBe(false);
  }, 240_000);

  it('takes a region typed in lower case; refuses --out in a missing folder before counting; never leaves half a file under the name', () => {
    const dir = tempDir();
    const db = initOfficeFile(path.join(dir, 'office.sqlite'), 'KZ');
    eriktiJson(['seed', '--db', db, '--volunteers', '300']);
    const period = ['--from', '2025-01-01', '--to', '2025-12-31'];
    const upper = eriktiJson<{ region: string; totals: unknown }>(['report', 'hours', '--db', db, ...period, '--region', 'KZ-19']);
    expect(eriktiJson(['report', 'hours', '--db', db, ...period, '--region', ' kz-19 '])).toEqual(upper);

    const missing = erikti(['report', 'hours', '--db', db, '--out', path.join(dir, 'no-such-folder', 'x.pdf')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`there is no folder ${path.join(dir, 'no-such-folder')}`);

    // A file size limit (as a full disk would) stops the write half-way: the old file stays whole, nothing else is left.
    const target = path.join(dir, 'register.pdf');
    const old = Buffer.alloc(200_000, 'old report ');
    writeFileSync(target, old);
    const limited = spawnSync('bash', ['-c', 'ulimit -f 64 && exec "$@"', 'bash', process.execPath, CLI_PATH, 'report', 'activity-register', '--db', db, ...period, '--out', target], { encoding: 'utf8', env: cliEnv() });
    expect(limited.stderr).toContain(`cannot write ${target}`);
    expect(limited.status).toBe(1);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('register'))).toEqual(['register.pdf']);
    // Without the limit it is replaced by the whole report.
    eriktiJson(['report', 'activity-register', '--db', db, ...period, '--out', target]);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(target).length).toBeGreaterThan(64 * 1024);
  }, 240_000);
});

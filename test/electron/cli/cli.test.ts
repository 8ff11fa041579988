import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../../shared/domain/iin';
import { CLI_PATH, cliEnv, erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

const iin = makeIin('1988-02-29', 'F', 4321) ?? makeIin('1988-02-29', 'F', 4322)!;

describe('erikti command-line tool', () => {
  it('init, add, update, search, delete and dump an office database', () => {
    const db = path.join(tempDir(), 'almaty.sqlite');
    expect(eriktiJson(['init', '--db', db, '--office', 'KZ-75', '--name', 'Алматы'])).toMatchObject({ office: 'KZ-75', name: 'Алматы' });
    const { id } = eriktiJson<{ id: string }>(['volunteers', 'add', '--db', db, '--json', JSON.stringify({
      lastName: 'Сәрсенбаева', firstName: 'Әсел', iin, phone: '87071234567', email: 'asel@mail.kz', region: 'KZ-75', status: 'active',
    })]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    eriktiJson(['volunteers', 'update', '--db', db, id, '--json', '{"email":"asel@post.kz"}']);
    const found = eriktiJson<{ id: string; phone: string }[]>(['volunteers', 'search', '--db', db, 'sarsenbaeva']);
    expect(found).toEqual([expect.objectContaining({ id, phone: '+77071234567', birthDate: '1988-02-29' })]);
    const dumped = JSON.parse(erikti(['dump', '--db', db]).stdout) as { volunteers: { email: string }[] };
    expect(dumped.volunteers[0]!.email).toBe('asel@post.kz');
    eriktiJson(['volunteers', 'delete', '--db', db, id]);
    expect(eriktiJson(['volunteers', 'search', '--db', db, 'sarsenbaeva'])).toEqual([]);
  });

  it('needs the administrator passphrase for the private keys, and says so clearly', () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    // No ERIKTI_PASSPHRASE and no terminal to ask on: init refuses before creating anything.
    const none = erikti(['init', '--db', db, '--office', 'KZ-75'], '', cliEnv(null));
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/private keys are locked.*ERIKTI_PASSPHRASE/);
    expect(existsSync(db)).toBe(false);
    expect(erikti(['init', '--db', db, '--office', 'KZ-75'], '', cliEnv('too short')).stderr).toMatch(/at least 10 characters/);

    eriktiJson(['init', '--db', db, '--office', 'KZ-75'], '', cliEnv('the right passphrase'));
    initOfficeFile(path.join(dir, 'centre.sqlite'), 'KZ');
    const centre = eriktiJson<{ fingerprint: string }>(['keys', 'export', '--db', path.join(dir, 'centre.sqlite'), '--out', path.join(dir, 'centre.pub')]);
    // Public-key work needs no passphrase.
    eriktiJson(['keys', 'trust', '--db', db, '--fingerprint', centre.fingerprint, path.join(dir, 'centre.pub')], '', cliEnv(null));
    const out = path.join(dir, 'b.erikti');
    const wrong = erikti(['export', '--db', db, '--out', out], '', cliEnv('a wrong passphrase'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect(erikti(['export', '--db', db, '--out', out], '', cliEnv(null)).stderr).toMatch(/locked/);
    expect(eriktiJson(['export', '--db', db, '--out', out], '', cliEnv('the right passphrase'))).toMatchObject({ to: 'KZ' });
  });

  it('fails with a one-line reason on stderr and a non-zero exit', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    eriktiJson(['init', '--db', db, '--office', 'KZ-71']);
    const bad = erikti(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Иванов', firstName: 'Иван', iin: `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}` })]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/iin/i);
    expect(erikti(['init', '--db', path.join(tempDir(), 'y.sqlite'), '--office', 'KZ-99']).status).not.toBe(0);
    expect(erikti(['volunteers', 'search', '--db', path.join(tempDir(), 'missing.sqlite'), 'x']).stderr).toMatch(/no database/);
    expect(erikti(['frobnicate']).status).toBe(2);
  });

  it('says a number is out of range in numbers, not characters', () => {
    const db = path.join(tempDir(), 'limits.sqlite');
    eriktiJson(['init', '--db', db, '--office', 'KZ-71']);
    const big = erikti(['volunteers', 'search', '--db', db, 'x', '--limit', '100000']);
    expect(big.status).not.toBe(0);
    expect(big.stderr).toMatch(/limit: Too large: at most 500\./);
    expect(big.stderr).not.toMatch(/character/);
    expect(erikti(['volunteers', 'search', '--db', db, 'x', '--limit', '0']).stderr).toMatch(/limit: Too small: at least 1\./);
  });

  it('adds users with the password on standard input; the app then signs them in', () => {
    const db = path.join(tempDir(), 'u.sqlite');
    eriktiJson(['init', '--db', db, '--office', 'KZ']);
    const user = eriktiJson(['users', 'add', '--db', db, '--login', 'coord', '--role', 'coordinator'], 'a long password\n');
    expect(user).toMatchObject({ login: 'coord', role: 'coordinator', active: true });
    expect(erikti(['users', 'add', '--db', db, '--login', 'short', '--role', 'staff'], 'abc\n').status).not.toBe(0);
  });

  it('seeds the same data for the same seed', () => {
    const a = path.join(tempDir(), 'a.sqlite');
    const b = path.join(tempDir(), 'b.sqlite');
    for (const db of [a, b]) {
      eriktiJson(['init', '--db', db, '--office', 'KZ-35']);
      const seeded = eriktiJson(['seed', '--db', db, '--volunteers', '500', '--seed', '9', '--hours', '2000']) as { volunteers: number; hours: number; events: { events: number; shifts: number } };
      expect(seeded.volunteers).toBe(500);
      expect(seeded.hours).toBeGreaterThan(1900);
      expect(seeded.events.shifts).toBeGreaterThan(seeded.events.events);
    }
    const text = erikti(['dump', '--db', a]).stdout;
    expect(text).toBe(erikti(['dump', '--db', b]).stdout);
    const dumped = JSON.parse(text) as Record<string, unknown[]>;
    for (const table of ['events', 'shifts', 'assignments']) expect(dumped[table]!.length).toBeGreaterThan(0);
    expect(dumped.hour_entries!.length).toBeGreaterThan(1900);
  });

  it('takes relative paths from where the user ran npm (INIT_CWD), not the repository root', () => {
    const dir = tempDir();
    const run = spawnSync(process.execPath, [CLI_PATH, 'init', '--db', 'here.sqlite', '--office', 'KZ-79'], {
      encoding: 'utf8',
      env: { ...cliEnv(), INIT_CWD: dir },
    });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'here.sqlite'))).toBe(true);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erikti, eriktiJson } from '../../helpers/cli';
import { pdfPages } from '../../helpers/pdf';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

const thisYear = new Date().getFullYear();

describe('erikti certificates', () => {
  it('issues a batch of service certificates into one PDF, lists, verifies, revokes and verifies again; a failed batch writes nothing', () => {
    const dir = tempDir();
    const db = initOfficeFile(path.join(dir, 'office.sqlite'), 'KZ-75');
    const add = (lastName: string, firstName: string) => eriktiJson<{ id: string }>(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName, firstName })]).id;
    const [a, b, c] = [add('Жұмабеков', 'Нұрсұлтан'), add('Иванова', 'Мария'), add('Ветров', 'Олег')];
    const date = `${thisYear}-01-15`;
    for (const [who, h] of [[a, '20'], [b, '21'], [c, '5']] as const) erikti(['hours', 'add', '--db', db, '--volunteer', who, '--date', date, '--hours', h, '--verified']);
    // Unverified hours do not count.
    erikti(['hours', 'add', '--db', db, '--volunteer', c, '--date', `${thisYear}-01-16`, '--hours', '20']);

    const out = path.join(dir, 'batch.pdf');
    const batch = eriktiJson<{ number: string; code: string; qr: string; volunteerId: string }[]>([
      'certificates', 'batch', '--db', db, '--kind', 'service', '--min-hours', '20', '--year', String(thisYear), '--out', out,
    ]);
    expect(batch.map((x) => x.volunteerId).sort()).toEqual([a, b].sort());
    expect(batch.map((x) => x.number).sort()).toEqual([`KZ-75-${thisYear}-000001`, `KZ-75-${thisYear}-000002`]);
    const pages = pdfPages(readFileSync(out));
    expect(pages).toHaveLength(2);
    expect(pages.join('\n')).toContain('Жұмабеков Нұрсұлтан');

    expect(eriktiJson<unknown[]>(['certificates', 'list', '--db', db, '--volunteer', a])).toHaveLength(1);
    const one = batch[0]!;
    const valid = erikti(['certificates', 'verify', '--db', db, one.code]);
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ status: 'valid', number: one.number, inRegister: true, asOf: null });
    expect(JSON.parse(erikti(['certificates', 'verify', '--db', db, one.qr]).stdout).status).toBe('valid');
    // The same again: the same number (a re-issue is a re-print).
    expect(eriktiJson(['certificates', 'issue', '--db', db, '--kind', 'service', '--volunteer', one.volunteerId])).toMatchObject({ number: one.number, again: true });

    expect(eriktiJson(['certificates', 'revoke', '--db', db, one.number, '--reason', 'Ошибка в часах'])).toEqual({ ok: true });
    const revoked = erikti(['certificates', 'verify', '--db', db, one.code]);
    expect(revoked.status).toBe(1);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ status: 'revoked', revokeReason: 'Ошибка в часах' });
    expect(revoked.stderr).toBe('erikti: the certificate is revoked\n');

    const typo = erikti(['certificates', 'verify', '--db', db, one.code.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))]);
    expect(typo.status).toBe(1);
    expect(JSON.parse(typo.stdout)).toMatchObject({ status: 'unknown', reason: 'checkMismatch' });

    // Refused (a session that does not exist; a person without verified hours): no file written, no number used.
    const failed = path.join(dir, 'failed.pdf');
    expect(erikti(['certificates', 'batch', '--db', db, '--kind', 'training', '--session', 'nope', '--out', failed]).status).toBe(1);
    expect(existsSync(failed)).toBe(false);
    const refused = erikti(['certificates', 'issue', '--db', db, '--kind', 'service', '--volunteer', add('Пустов', 'Иван'), '--out', failed]);
    expect(refused.stderr).toContain('no verified hours');
    expect(existsSync(failed)).toBe(false);
    expect(eriktiJson<unknown[]>(['certificates', 'list', '--db', db]).length).toBe(2);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('erikti exchange commands', () => {
  it('keys, export, import with a dry run, conflicts: two offices converge', () => {
    const dir = tempDir();
    const almaty = path.join(dir, 'almaty.sqlite');
    const centre = path.join(dir, 'centre.sqlite');
    initOfficeFile(almaty, 'KZ-75');
    initOfficeFile(centre, 'KZ');
    const keys = eriktiJson<{ fingerprint: string; out: string }>(['keys', 'export', '--db', almaty, '--out', path.join(dir, 'almaty.pub')]);
    expect(keys.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(JSON.parse(readFileSync(keys.out, 'utf8'))).toMatchObject({ office: 'KZ-75', fingerprint: keys.fingerprint });
    const centreKeys = eriktiJson<{ fingerprint: string }>(['keys', 'export', '--db', centre, '--out', path.join(dir, 'centre.pub')]);

    const { id } = eriktiJson<{ id: string }>(['volunteers', 'add', '--db', almaty, '--json', JSON.stringify({ lastName: 'Сейітова', firstName: 'Әсел' })]);
    // Nobody trusts anybody yet: the export has no recipient key.
    const untrusted = erikti(['export', '--db', almaty, '--out', path.join(dir, 'b0.erikti')]);
    expect(untrusted.status).not.toBe(0);
    expect(untrusted.stderr.trim().split('\n')).toHaveLength(1);
    expect(untrusted.stderr).toMatch(/recipientUnknown/);

    // Trusting needs the fingerprint the other office read out; a wrong one is refused.
    const unread = erikti(['keys', 'trust', '--db', almaty, path.join(dir, 'centre.pub')]);
    expect(unread.status).toBe(2);
    expect(unread.stderr).toMatch(/--fingerprint/);
    expect(erikti(['keys', 'trust', '--db', almaty, '--fingerprint', keys.fingerprint, path.join(dir, 'centre.pub')]).stderr).toMatch(/error\.keys\.fingerprint/);
    expect(eriktiJson(['keys', 'trust', '--db', almaty, '--fingerprint', centreKeys.fingerprint, path.join(dir, 'centre.pub')])).toMatchObject({ added: true, office: 'KZ' });
    const bundle = path.join(dir, 'b1.erikti');
    expect(eriktiJson(['export', '--db', almaty, '--out', bundle])).toMatchObject({ to: 'KZ', rows: 1, counts: { volunteers: 1 } });

    // The centre does not trust Almaty yet: refused, naming the cause.
    const refused = erikti(['import', '--db', centre, bundle]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/unknownSigner/);

    eriktiJson(['keys', 'trust', '--db', centre, '--fingerprint', keys.fingerprint, path.join(dir, 'almaty.pub')]);
    const before = erikti(['dump', '--db', centre]).stdout;
    const preview = eriktiJson<{ dryRun: boolean; tables: Record<string, { created: number }> }>(['import', '--db', centre, bundle, '--dry-run']);
    expect(preview).toMatchObject({ dryRun: true, tables: { volunteers: { created: 1 } } });
    expect(erikti(['dump', '--db', centre]).stdout).toBe(before);
    expect(eriktiJson(['import', '--db', centre, bundle])).toMatchObject({ dryRun: false, nothingChanged: false, tables: { volunteers: { created: 1 } } });
    expect(eriktiJson(['import', '--db', centre, bundle])).toMatchObject({ alreadyImported: true, nothingChanged: true });

    // Concurrent edits of one field: one wins everywhere, the other is listed.
    eriktiJson(['volunteers', 'update', '--db', almaty, id, '--json', '{"notes":"Алматы"}']);
    eriktiJson(['volunteers', 'update', '--db', centre, id, '--json', '{"notes":"Астана"}']);
    eriktiJson(['export', '--db', almaty, '--out', path.join(dir, 'b2.erikti')]);
    expect(erikti(['export', '--db', centre, '--out', path.join(dir, 'x.erikti')]).stderr).toMatch(/--to/);
    eriktiJson(['export', '--db', centre, '--out', path.join(dir, 'b3.erikti'), '--to', 'KZ-75']);
    eriktiJson(['import', '--db', centre, path.join(dir, 'b2.erikti')]);
    eriktiJson(['import', '--db', almaty, path.join(dir, 'b3.erikti')]);
    expect(erikti(['dump', '--db', almaty]).stdout).toBe(erikti(['dump', '--db', centre]).stdout);
    const conflicts = eriktiJson<{ field: string; winner: { value: string }; loser: { value: string } }[]>(['conflicts', '--db', centre]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ field: 'notes', winner: { value: 'Астана' }, loser: { value: 'Алматы' } });
    expect(eriktiJson<unknown[]>(['history', '--db', centre]).length).toBe(3);

    // A damaged file: one line on stderr naming the cause, non-zero exit.
    const damaged = path.join(dir, 'damaged.erikti');
    const bytes = readFileSync(path.join(dir, 'b2.erikti'));
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 30));
    const cut = erikti(['import', '--db', centre, damaged]);
    expect(cut.status).not.toBe(0);
    expect(cut.stderr.trim().split('\n')).toHaveLength(1);
    expect(cut.stderr).toMatch(/cut short.*truncated/);
  });
});

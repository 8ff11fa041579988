import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/run';
import { TEST_PASSPHRASE } from '../../helpers/core-options';
import { tempDir } from '../../helpers/temp-db';
import { badChecksum, iinFor, readBack, xlsx } from '../core/roster/fixtures';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), readStdin: async () => '', passphrase: async () => TEST_PASSPHRASE };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

async function office(): Promise<string> {
  const db = path.join(tempDir(), 'office.sqlite');
  expect((await cli(['init', '--db', db, '--office', 'KZ-35'])).code).toBe(0);
  return db;
}

describe('erikti roster', () => {
  it('imports with the guessed mapping, prints a JSON report with row, column and English reason, and a dry run writes nothing', async () => {
    const db = await office();
    const dir = tempDir();
    const good = iinFor('1990-06-01', 'M');
    const file = path.join(dir, 'roster.xlsx');
    writeFileSync(file, await xlsx({
      rows: [
        ['Волонтёры Карагандинской области'],
        ['Ф.И.О.', 'ИИН', 'Дата рождения', 'Телефон'],
        ['Абенов Марат', Number(good), '01.06.1990', '8 701 123 45 67'],
        ['Бекова Айгерим', badChecksum(iinFor('1992-07-02', 'F')), null, null],
        ['Жуков Антон', null, '05.05.1985', '+7 700 000 00 00'],
      ],
      merges: ['A1:D1'],
    }));

    const dry = await cli(['roster', 'import', '--db', db, file, '--dry-run']);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout);
    expect(preview).toMatchObject({
      added: 2, updated: 0, unchanged: 0, dryRun: true,
      rejected: [{ row: 4, column: 'ИИН', reason: 'Invalid IIN: the check digit does not match.' }],
    });
    expect(JSON.parse((await cli(['volunteers', 'search', '--db', db, ''])).stdout)).toEqual([]);

    const real = JSON.parse((await cli(['roster', 'import', '--db', db, file])).stdout);
    expect(real).toMatchObject({ added: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(real.rejected).toHaveLength(1);
    const again = JSON.parse((await cli(['roster', 'import', '--db', db, file])).stdout);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(typeof again.added).toBe('number');
  });

  it('exports to .xlsx and .csv and imports its own export back unchanged', async () => {
    const db = await office();
    const dir = tempDir();
    await cli(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Сәрсенбаева', firstName: 'Әсел', iin: iinFor('1988-03-01', 'F'), phone: '87071234567', notes: '=cmd|calc' })]);
    await cli(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Ли', firstName: 'Виктор', birthDate: '2000-01-01' })]);
    const before = (await cli(['dump', '--db', db])).stdout;
    for (const name of ['roster.xlsx', 'roster.csv']) {
      const out = path.join(dir, name);
      const exported = await cli(['roster', 'export', '--db', db, '--out', out, '--lang', 'ru', '--columns', 'lastName,firstName,iin,birthDate,phone,notes']);
      expect(exported.code, exported.stderr).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ out, rows: 2 });
      const report = JSON.parse((await cli(['roster', 'import', '--db', db, out])).stdout);
      expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 2, rejected: [] });
    }
    expect((await cli(['dump', '--db', db])).stdout).toBe(before);
    const ws = (await readBack(new Uint8Array(readFileSync(path.join(dir, 'roster.xlsx'))))).worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Фамилия', 'Имя', 'ИИН', 'Дата рождения', 'Телефон', 'Примечания']);
    expect(ws.getRow(3).getCell(6).value).toBe("'=cmd|calc");
  });

  it('fails with a one-line reason: missing file, unreadable file, bad options', async () => {
    const db = await office();
    const dir = tempDir();
    const missing = await cli(['roster', 'import', '--db', db, path.join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no file at/);
    const locked = path.join(dir, 'locked.xlsx');
    writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le')]));
    const refused = await cli(['roster', 'import', '--db', db, locked]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^erikti: The file is password-protected\./);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['roster', 'export', '--db', db, '--out', path.join(dir, 'x.pdf')])).code).toBe(2);
    expect((await cli(['roster', 'export', '--db', db, '--out', path.join(dir, 'x.csv'), '--columns', 'shoeSize'])).stderr).toMatch(/unknown column/);
  });
});

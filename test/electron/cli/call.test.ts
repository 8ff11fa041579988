import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { inputSchema } from '../../../electron/cli/call-commands';
import { CALL_NAMES, contract } from '../../../shared/contract';
import { erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

interface Listed {
  name: string;
  access: string;
  writes: boolean;
  long: boolean;
  input: { type?: string; properties?: Record<string, unknown> } | null;
  inputIncomplete?: string;
  notFromCommandLine?: string;
}

describe('erikti call', () => {
  it('runs any call as the office administrator: JSON out, exit 0; input from --json or stdin', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-75');
    const created = eriktiJson<{ id: string }>(['call', '--db', db, 'volunteers.create', '--json', JSON.stringify({ lastName: 'Сәрсенбаева', firstName: 'Әсел' })]);
    expect(eriktiJson(['call', '--db', db, 'volunteers.get', '--json', JSON.stringify({ id: created.id })])).toMatchObject({ id: created.id, lastName: 'Сәрсенбаева' });
    expect(eriktiJson(['call', '--db', db, 'volunteers.search', '--json', '-'], JSON.stringify({ text: 'Әсел' }))).toMatchObject({ total: 1 });
    // No input is {}; a long call piped writes no progress to stderr.
    const exported = erikti(['call', '--db', db, 'roster.export']);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 1, mime: expect.stringContaining('spreadsheet') });
  });

  it('a refused call exits non-zero with the reason as the rest of the tool says it; nonsense is a usage error', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-75');
    const invalid = erikti(['call', '--db', db, 'volunteers.create', '--json', '{"lastName":""}']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^erikti: .*lastName/);
    expect(invalid.stdout).toBe('');
    expect(erikti(['call', '--db', db, 'volunteers.get', '--json', '{"id":"none"}'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/not found/i) });
    expect(erikti(['call', '--db', db, 'no.such'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no call no.such') });
    expect(erikti(['call', '--db', db, 'volunteers.get', '--json', '{oops'])).toMatchObject({ status: 2, stderr: expect.stringContaining('not valid JSON') });
    const signIn = erikti(['call', '--db', db, 'auth.signIn', '--json', '{"login":"a","password":"b"}']);
    expect(signIn).toMatchObject({ status: 2, stderr: expect.stringContaining('auth.signIn cannot run from the command line') });
    expect(erikti(['call', '--db', db, 'roster.import'])).toMatchObject({ status: 2, stderr: expect.stringContaining('use erikti roster import') });
  });
});

describe('erikti calls', () => {
  it('lists every call with its minimum role, writes, long and its input as JSON Schema', () => {
    const listed = eriktiJson<Listed[]>(['calls']);
    expect(listed.map((c) => c.name)).toEqual(CALL_NAMES);
    for (const c of listed) {
      const spec = contract[c.name as keyof typeof contract];
      expect(c).toMatchObject({ access: spec.access, writes: spec.writes, long: spec.long === true });
      expect(c.input, c.name).not.toBeNull();
    }
    const importing = listed.find((c) => c.name === 'roster.import')!;
    expect(importing).toMatchObject({ long: true, writes: true, access: 'staff', notFromCommandLine: expect.stringContaining('roster import') });
    const create = listed.find((c) => c.name === 'volunteers.create')!;
    expect(create.input).toMatchObject({ type: 'object', properties: { lastName: expect.objectContaining({ type: 'string' }) } });
  });

  it('a schema JSON Schema cannot express does not crash the list: that part accepts anything, and the list says so', () => {
    const described = inputSchema(z.strictObject({ at: z.date(), when: z.string() }));
    expect(described.incomplete).toMatch(/Date/);
    expect(described.schema).toMatchObject({ type: 'object', properties: { at: {}, when: { type: 'string' } } });
  });
});

import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAtomically, writeAtomically } from '../../../../electron/core/files/atomic-file';
import { tempDir } from '../../../helpers/temp-db';

describe('a file written whole or not at all', () => {
  it('appears under its name only once complete, replacing the old one, with nothing left beside it', () => {
    const dir = tempDir();
    const target = path.join(dir, 'roster.xlsx');
    writeFileSync(target, 'old');
    const file = createAtomically(target);
    file.write(Buffer.from('new '));
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toHaveLength(2);
    file.write(Buffer.from('roster'));
    file.commit();
    expect(readFileSync(target, 'utf8')).toBe('new roster');
    expect(readdirSync(dir)).toEqual(['roster.xlsx']);
  });

  it('a writer failing half-way leaves the old file as it was and no scrap', () => {
    const dir = tempDir();
    const target = path.join(dir, 'bundle.erikti');
    writeFileSync(target, 'the bundle that was here');
    expect(() =>
      writeAtomically(target, (file) => {
        file.write(Buffer.alloc(100_000, 1));
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('the bundle that was here');
    expect(readdirSync(dir)).toEqual(['bundle.erikti']);
  });

  it('replaces a link at the target instead of writing through it, and gives a backup its owner’s bits only', () => {
    const dir = tempDir();
    const elsewhere = path.join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'not yours to overwrite');
    const target = path.join(dir, 'report.pdf');
    symlinkSync(elsewhere, target);
    writeAtomically(target, (file) => file.write(Buffer.from('%PDF-')));
    expect(readFileSync(elsewhere, 'utf8')).toBe('not yours to overwrite');
    expect(readFileSync(target, 'utf8')).toBe('%PDF-');
    const backup = path.join(dir, 'office.erikti-backup');
    writeAtomically(backup, (file) => file.write(Buffer.from('sealed')), 0o600);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('may be abandoned twice, and refuses to write once abandoned', () => {
    const dir = tempDir();
    const file = createAtomically(path.join(dir, 'x.pdf'));
    file.abort();
    file.abort();
    expect(() => file.write(Buffer.from('late'))).toThrow(/closed/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

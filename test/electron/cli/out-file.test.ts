import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { erikti, eriktiJson } from '../../helpers/cli';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

/**
 * Every command that writes `--out` refuses a missing folder (or a folder named as the file)
 * before doing its work, and writes beside the name, then renames (electron/cli/out-file.ts).
 */

/** An office with a person with hours, an event and a training session: something for each writer to write. */
function office() {
  const dir = tempDir();
  const db = initOfficeFile(path.join(dir, 'office.sqlite'), 'KZ-75');
  const year = new Date().getFullYear();
  const person = eriktiJson<{ id: string }>(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Жұмабеков', firstName: 'Нұрсұлтан' })]).id;
  for (const day of ['15', '16']) eriktiJson(['hours', 'add', '--db', db, '--volunteer', person, '--date', `${year}-01-${day}`, '--hours', '12', '--verified']);
  const event = eriktiJson<{ id: string }>(['events', 'add', '--db', db, '--json', JSON.stringify({ title: 'Паводок', category: 'flood', start: `${year}-04-01`, end: `${year}-04-03`, region: 'KZ-75', place: 'Алматы' })]).id;
  const kind = eriktiJson<{ id: string }>(['trainings', 'kind', 'add', '--db', db, '--json', JSON.stringify({ names: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, validityMonths: 24 })]).id;
  const program = eriktiJson<{ id: string }>(['trainings', 'program', 'add', '--db', db, '--json', JSON.stringify({ title: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, hours: 8, passMark: 70, grants: kind })]).id;
  const session = eriktiJson<{ id: string }>(['trainings', 'session', 'add', '--db', db, '--json', JSON.stringify({ programId: program, start: `${year}-08-30`, end: `${year}-08-31`, place: 'Алматы', capacity: 5 })]).id;

  const writers: Record<string, (out: string) => string[]> = {
    'roster export': (out) => ['roster', 'export', '--db', db, '--out', out],
    'trainings sheet': (out) => ['trainings', 'sheet', '--db', db, session, '--out', out],
    'events roster': (out) => ['events', 'roster', '--db', db, event, '--out', out],
    'keys export': (out) => ['keys', 'export', '--db', db, '--out', out],
    'certificates issue': (out) => ['certificates', 'issue', '--db', db, '--kind', 'service', '--volunteer', person, '--out', out],
    report: (out) => ['report', 'hours', '--db', db, '--out', out],
  };
  return { dir, db, person, writers };
}

describe('--out of every command that writes a file', () => {
  const names: Record<string, string> = { 'roster export': 'out.xlsx', 'keys export': 'out.pub', report: 'out.xlsx' };
  const fileName = (command: string) => names[command] ?? 'out.pdf';

  it('refuses a missing folder or a folder named as the file, before any work: no certificate is numbered', () => {
    const { dir, db, person, writers } = office();
    for (const command of Object.keys(writers)) {
      const missing = erikti(writers[command]!(path.join(dir, 'no-such-folder', fileName(command))));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain(`there is no folder ${path.join(dir, 'no-such-folder')}`);
      const folder = path.join(dir, `folder-${command.replace(' ', '-')}-${fileName(command)}`);
      mkdirSync(folder);
      const intoFolder = erikti(writers[command]!(folder));
      expect(intoFolder.status).toBe(2);
      expect(intoFolder.stderr).toContain('is a folder');
    }
    expect(eriktiJson<unknown[]>(['certificates', 'list', '--db', db, '--volunteer', person])).toEqual([]);
  }, 240_000);

  // The write stopped half-way is tested on `report`, the one writer that does not also write
  // to the database (a file size limit would stop the database first): see reports.test.ts.
  it('replaces the file that was there whole and leaves no scrap beside it', () => {
    const { dir, writers } = office();
    for (const command of Object.keys(writers)) {
      const folder = path.join(dir, `replaced-${command.replace(' ', '-')}`);
      mkdirSync(folder);
      const target = path.join(folder, fileName(command));
      writeFileSync(target, 'the file that was here');
      eriktiJson(writers[command]!(target));
      expect(readFileSync(target).toString()).not.toContain('the file that was here');
      expect(readdirSync(folder)).toEqual([path.basename(target)]);
    }
  }, 240_000);
});

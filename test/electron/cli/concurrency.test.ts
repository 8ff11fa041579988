import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../../electron/core/app';
import { CLI_PATH, cliEnv, eriktiJson } from '../../helpers/cli';
import { testCore } from '../../helpers/core-options';
import { tempDir } from '../../helpers/temp-db';

/**
 * Several processes on one database file (the web host while the CLI imports, two CLIs): the long
 * import takes the write lock up front and succeeds; short writes elsewhere wait for it or answer
 * "busy" cleanly; reads go on.
 */
const ROWS = 4000;
const LETTERS = 'абвгдежзиклмнопрстуфхцчшэюя';
const word = (n: number) => Array.from({ length: 4 }, (_, i) => LETTERS[Math.floor(n / LETTERS.length ** i) % LETTERS.length]).join('');

function rosterCsv(dir: string): string {
  const file = path.join(dir, 'roster.csv');
  const lines = ['Фамилия,Имя,Телефон'];
  for (let i = 0; i < ROWS; i++) lines.push(`Ф${word(i)}ова,Ай${word(i * 7)},+7701${String(i).padStart(7, '0')}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface Run {
  done: Promise<{ status: number; stdout: string; stderr: string }>;
  exited: () => boolean;
}

function runErikti(args: string[]): Run {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => {
      exited = true;
      resolve({ status: status ?? -1, stdout, stderr });
    }),
  );
  return { done, exited: () => exited };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** True while another process holds the write lock (a write that may not wait would fail). */
function writeLocked(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE; ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

async function untilLocked(file: string, run: Run): Promise<void> {
  while (!writeLocked(file)) {
    if (run.exited()) throw new Error('the import finished before it was seen holding the lock');
    await tick();
  }
}

function office(): { dir: string; db: string } {
  const dir = tempDir();
  const db = path.join(dir, 'office.sqlite');
  eriktiJson(['init', '--db', db, '--office', 'KZ-75']);
  return { dir, db };
}

describe('two processes writing one database', () => {
  it('a long CLI import succeeds while the web host writes: its short writes wait or say "busy", reads go on', async () => {
    const { dir, db } = office();
    const importing = runErikti(['roster', 'import', '--db', db, rosterCsv(dir)]);
    // The host's core, opened before the import takes the lock; one that may barely wait, one with the default wait.
    const impatient = testCore(db, { busyTimeoutMs: 50 });
    const patient = testCore(db);
    try {
      const setup = impatient.call('app.setup', { login: 'admin', displayName: 'Admin', password: 'correct horse' }, null);
      expect(setup.ok).toBe(true);
      const session = (setup as { value: { session: string } }).value.session;
      await untilLocked(db, importing);

      const outcomes: string[] = [];
      let reads = 0;
      for (let i = 0; i < 20 && !importing.exited(); i++) {
        const write = impatient.call('volunteers.create', { lastName: 'Короткий', firstName: 'Запись' }, session);
        outcomes.push(write.ok ? 'ok' : write.error.key);
        const read = impatient.call('volunteers.search', { text: 'короткий' }, session);
        expect(read.ok).toBe(true);
        reads++;
        await tick();
      }
      expect(outcomes).toContain('error.busy');
      expect(outcomes.every((o) => o === 'ok' || o === 'error.busy')).toBe(true);
      expect(reads).toBeGreaterThan(0);

      // With the default wait, a short write simply waits for the import to commit (if it has
      // not yet: between its commit and its exit there is a moment where neither holds).
      patient.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Терпеливый', firstName: 'Запись' });

      const result = await importing.done;
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ added: ROWS, rejected: [] });
      const shortOnes = outcomes.filter((o) => o === 'ok').length;
      expect(patient.callAs(CLI_ACTOR, 'volunteers.search', { limit: 1 }).total).toBe(ROWS + shortOnes + 1);
    } finally {
      impatient.close();
      patient.close();
    }
  }, 120_000);

  it('two CLIs: a short write started during a long import waits for it, and both land', async () => {
    const { dir, db } = office();
    const importing = runErikti(['roster', 'import', '--db', db, rosterCsv(dir)]);
    await untilLocked(db, importing);
    const adding = runErikti(['volunteers', 'add', '--db', db, '--json', JSON.stringify({ lastName: 'Второй', firstName: 'Процесс' })]);
    const [imported, added] = await Promise.all([importing.done, adding.done]);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    expect(added).toMatchObject({ status: 0, stderr: '' });
    const found = eriktiJson<unknown[]>(['volunteers', 'search', '--db', db, 'Второй']);
    expect(found).toHaveLength(1);
  }, 120_000);

  it('a write that cannot get the lock in time says "the database is busy", not "something went wrong"', async () => {
    const { db } = office();
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const core = testCore(db, { busyTimeoutMs: 100 });
      try {
        const started = Date.now();
        expect(() => core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Занято', firstName: 'Ждёт' })).toThrow(
          expect.objectContaining({ key: 'error.busy' }),
        );
        expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      } finally {
        core.close();
      }
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

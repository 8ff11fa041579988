import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../electron/cli/commands';
import { formatDuration, progressLine, progressText } from '../../../electron/cli/progress-line';
import { runCli } from '../../../electron/cli/run';
import { TEST_PASSPHRASE } from '../../helpers/core-options';
import { tempDir } from '../../helpers/temp-db';

describe('the progress line', () => {
  it('says the phase in words, done of total with the percentage, and the time left when known', () => {
    expect(progressText({ phase: 'checking', done: 12_345, total: 50_000 }, null)).toBe('Checking  12,345 of 50,000 (24%)');
    expect(progressText({ phase: 'writing', done: 1, total: 4 }, 95_000)).toBe('Saving  1 of 4 (25%)  about 2 min left');
    // A phase of one step has no count to show.
    expect(progressText({ phase: 'rendering', done: 0, total: 1 }, null)).toBe('Preparing the document');
    expect([formatDuration(400), formatDuration(59_000), formatDuration(61_000), formatDuration(3_900_000)]).toEqual(['1 s', '59 s', '1 min', '1 h 5 min']);
  });

  it('on a terminal: overwrites itself in place, estimates from the phase’s own rate after a second, and clears at the end', () => {
    let text = '';
    let now = 0;
    const line = progressLine({ err: (t) => void (text += t), terminal: true }, () => now);
    line.control.onProgress!({ phase: 'reading', done: 0, total: 1 });
    line.control.onProgress!({ phase: 'checking', done: 0, total: 100 });
    now = 500;
    line.control.onProgress!({ phase: 'checking', done: 10, total: 100 });
    now = 2000;
    line.control.onProgress!({ phase: 'checking', done: 40, total: 100 });
    line.clear();
    expect(text.split('\r').filter(Boolean)).toEqual([
      'Reading the file\x1b[K',
      'Checking  0 of 100 (0%)\x1b[K',
      'Checking  10 of 100 (10%)\x1b[K',
      // 40 rows in 2 s: 60 more take 3 s.
      'Checking  40 of 100 (40%)  about 3 s left\x1b[K',
      '\x1b[K',
    ]);
  });

  it('piped (not a terminal): nothing at all, and the call hears nothing', () => {
    let text = '';
    const line = progressLine({ err: (t) => void (text += t), terminal: false });
    expect(line.control).toEqual({});
    line.clear();
    expect(text).toBe('');
  });

  it('a roster import draws the line on a terminal stderr and leaves stdout as pure JSON; without a terminal stderr stays empty', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    const file = path.join(dir, 'roster.csv');
    writeFileSync(file, `Фамилия;Имя;Телефон\r\n${Array.from({ length: 50 }, (_v, i) => `Абаев;Ерлан;+7701${String(1_000_000 + i)}`).join('\r\n')}\r\n`);
    const run = async (args: string[], terminal: boolean) => {
      let stdout = '';
      let stderr = '';
      const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), readStdin: async () => '', passphrase: async () => TEST_PASSPHRASE, terminal };
      return { code: await runCli(args, io), stdout, stderr };
    };
    expect((await run(['init', '--db', db, '--office', 'KZ-35'], true)).code).toBe(0);
    const shown = await run(['roster', 'import', '--db', db, '--dry-run', file], true);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ added: 50, dryRun: true });
    expect(shown.stderr).toContain('\rReading the file\x1b[K');
    expect(shown.stderr).toContain('\rChecking  50 of 50 (100%)\x1b[K');
    expect(shown.stderr.endsWith('\r\x1b[K')).toBe(true);

    const piped = await run(['roster', 'import', '--db', db, file], false);
    expect(JSON.parse(piped.stdout)).toMatchObject({ added: 50, dryRun: false });
    expect(piped.stderr).toBe('');
  });
});

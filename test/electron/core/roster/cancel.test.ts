import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { REPLICATED_TABLES } from '../../../../electron/core/replication/tables';
import { seedRoster } from '../../../../electron/core/seed/seed';
import type { RosterChoice } from '../../../../shared/contract/roster';
import { failure } from '../../../helpers/call-error';
import { expectWellFormed, recordingControl } from '../../../helpers/progress';
import { ADMIN, officeCore, tempDir } from '../../../helpers/temp-db';
import { testCore } from '../../../helpers/core-options';
import { openRoster } from './fixtures';

const SEEDED = 300;
const UPDATES = 120;
const ADDS = 200;
/** The rows the table holds: the updates, the adds and the one invalid row (a blank line is no row). */
const ROWS = UPDATES + ADDS + 1;
/** The progress points of a whole import: one per row checked, one per row written, and each phase's end. */
const CHECKING_POINTS = ROWS + 1;
const ALL_POINTS = CHECKING_POINTS + UPDATES + ADDS + 1;

/** A CSV that updates UPDATES seeded people (a new phone, matched by IIN), adds ADDS new ones and has two rows to reject. */
function rosterFile(core: Core): Uint8Array {
  const seeded = core.db.prepare('SELECT last_name, first_name, iin FROM volunteers WHERE iin IS NOT NULL ORDER BY seq LIMIT ?').all(UPDATES) as Record<string, string>[];
  const lines = ['Фамилия;Имя;ИИН;Телефон'];
  seeded.forEach((p, i) => lines.push(`${p.last_name};${p.first_name};${p.iin};+7702${String(9_000_000 + i).padStart(7, '0')}`));
  const last = ['Абаев', 'Бекова', 'Волков', 'Галиева', 'Досанов'];
  const first = ['Аслан', 'Дина', 'Ерлан', 'Жанна', 'Марат', 'Салтанат', 'Тимур', 'Айгерим'];
  for (let i = 0; i < ADDS; i++) lines.push(`${last[i % last.length]};${first[i % first.length]};;+7701${String(1_000_000 + i).padStart(7, '0')}`);
  lines.push(';;;', 'Нетелефонов;Иван;123;not a phone');
  return new Uint8Array(Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'));
}

/** An office with a seeded roster and the file uploaded; `copy()` makes an identical office to compare with. */
function setUp() {
  const core = officeCore('KZ-75');
  seedRoster(core.db, { volunteers: SEEDED, seed: 11 });
  const file = rosterFile(core);
  const copy = () => {
    const target = path.join(tempDir(), 'copy.sqlite');
    core.db.exec(`VACUUM INTO '${target}'`);
    const other = testCore(target);
    return { core: other, choice: openRoster(other, file, 'roster.csv').choice, close: () => other.close() };
  };
  return { core, choice: openRoster(core, file, 'roster.csv').choice, copy };
}

/** The volunteers' data without the ids an import makes up (new ids are random). */
function people(core: Core): string[] {
  const fields = REPLICATED_TABLES.volunteers.filter((f) => f !== 'id');
  return (core.db.prepare(`SELECT ${fields.join(', ')} FROM volunteers`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
}

function expectCancelledWithoutTrace(core: Core, choice: RosterChoice, cancelAt: number): void {
  const before = dump(core.db);
  const control = recordingControl(cancelAt);
  const error = failure(() => core.callAs(ADMIN, 'roster.import', choice, control));
  expect(error.code).toBe('cancelled');
  expect(control.points()).toBe(cancelAt);
  expect(dump(core.db)).toBe(before);
}

describe('roster import: progress and cancel', () => {
  it('reports checking then writing, in order, ending at the rows and the writes; a control that never cancels changes nothing', () => {
    const { core, choice, copy } = setUp();
    const twin = copy();
    const control = recordingControl();
    const report = core.callAs(ADMIN, 'roster.import', choice, control);
    expect(report).toMatchObject({ rows: ROWS, updated: UPDATES, added: ADDS, rejectedRows: 1 });
    expectWellFormed(control.reports, ['checking', 'writing']);
    const ends = control.reports.filter((r) => r.done === r.total);
    // Every data row of the file is a unit of checking; each add or update a unit of writing.
    expect(ends).toEqual([{ phase: 'checking', done: ROWS, total: ROWS }, { phase: 'writing', done: UPDATES + ADDS, total: UPDATES + ADDS }]);
    expect(control.points()).toBe(ALL_POINTS);

    expect(twin.core.callAs(ADMIN, 'roster.import', twin.choice)).toEqual(report);
    expect(people(twin.core)).toEqual(people(core));
    twin.close();
  });

  it('cancelled at the first point, mid-checking, mid-writing or at the very last point: the call says so and the database is as before', () => {
    const { core, choice } = setUp();
    const checking = CHECKING_POINTS;
    for (const at of [1, Math.floor(checking / 2), checking, checking + 1, checking + Math.floor((UPDATES + ADDS) / 2), ALL_POINTS]) {
      expectCancelledWithoutTrace(core, choice, at);
    }
    // After all those cancels, the same file imports in full.
    expect(core.callAs(ADMIN, 'roster.import', choice)).toMatchObject({ added: ADDS, updated: UPDATES });
  });

  it('cancelled at any point, the database is as before (property)', () => {
    const { core, choice } = setUp();
    fc.assert(fc.property(fc.integer({ min: 1, max: ALL_POINTS }), (at) => expectCancelledWithoutTrace(core, choice, at)), { numRuns: 6 });
  });

  it('a preview reports checking only, and can be cancelled too', () => {
    const { core, choice } = setUp();
    expect(failure(() => core.callAs(ADMIN, 'roster.preview', choice, { isCancelled: () => true })).code).toBe('cancelled');
    const control = recordingControl();
    core.callAs(ADMIN, 'roster.preview', choice, control);
    expectWellFormed(control.reports, ['checking']);
  });
});

import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { failure } from '../../../helpers/call-error';
import { testCore } from '../../../helpers/core-options';
import { expectWellFormed, recordingControl } from '../../../helpers/progress';
import { ADMIN, tempDir } from '../../../helpers/temp-db';
import { exportTo, offices, snapshot } from './helpers';

const source = (bundle: Buffer) => ({ source: { base64: bundle.toString('base64') } });

/** The centre, and a bundle from a region with a seeded roster (volunteers, organisations, memberships). */
function setUp() {
  const [centre, region] = offices('KZ', 'KZ-75') as [Core, Core];
  seedRoster(region.db, { volunteers: 400, seed: 21 });
  const bundle = exportTo(region, 'KZ');
  const copy = () => {
    const target = path.join(tempDir(), 'centre-copy.sqlite');
    centre.db.exec(`VACUUM INTO '${target}'`);
    return testCore(target);
  };
  return { centre, bundle, copy };
}

function expectCancelledWithoutTrace(core: Core, bundle: Buffer, at: number, name: 'exchange.import' | 'exchange.preview' = 'exchange.import'): void {
  const before = snapshot(core);
  const control = recordingControl(at);
  expect(failure(() => core.callAs(ADMIN, name, source(bundle), control)).code).toBe('cancelled');
  expect(control.points()).toBe(at);
  expect(snapshot(core)).toEqual(before);
}

describe('bundle import: progress and cancel', () => {
  it('reports reading (bytes) then writing (records), in order, ending at total; a control that never cancels changes nothing', () => {
    const { centre, bundle, copy } = setUp();
    const twin = copy();
    const control = recordingControl();
    const summary = centre.callAs(ADMIN, 'exchange.import', source(bundle), control);
    expectWellFormed(control.reports, ['reading', 'writing']);
    expect(control.reports.at(-1)).toEqual({ phase: 'writing', done: summary.rows, total: summary.rows });
    expect(summary.rows).toBeGreaterThan(400);

    expect(twin.callAs(ADMIN, 'exchange.import', source(bundle))).toEqual(summary);
    expect(snapshot(twin)).toEqual(snapshot(centre));
    twin.close();
  });

  it('a preview reports reading then checking, and cancelled it leaves nothing either', () => {
    const { centre, bundle } = setUp();
    const control = recordingControl();
    centre.callAs(ADMIN, 'exchange.preview', source(bundle), control);
    expectWellFormed(control.reports, ['reading', 'checking']);
    expectCancelledWithoutTrace(centre, bundle, Math.floor(control.points() / 2), 'exchange.preview');
  });

  it('cancelled at the first point, while reading, mid-writing or at the very last point: cancelled, and the database is as before', () => {
    const { centre, bundle, copy } = setUp();
    const counting = copy();
    const control = recordingControl();
    const rows = counting.callAs(ADMIN, 'exchange.import', source(bundle), control).rows;
    counting.close();
    const all = control.points();
    const writing = control.firstPointOf('writing');
    // The last point of reading, the first of writing, the middle of the records, the end of the records (what follows them is not counted), the very last.
    for (const at of [1, writing - 1, writing, writing + Math.floor(rows / 2), writing + rows, all]) expectCancelledWithoutTrace(centre, bundle, at);
    // After all those cancels, the bundle imports in full (it was never recorded as imported).
    expect(centre.callAs(ADMIN, 'exchange.import', source(bundle))).toMatchObject({ alreadyImported: false, rows });
  });

  it('cancelled at any point, the database is as before (property)', () => {
    const { centre, bundle, copy } = setUp();
    const counting = copy();
    const control = recordingControl();
    counting.callAs(ADMIN, 'exchange.import', source(bundle), control);
    counting.close();
    fc.assert(fc.property(fc.integer({ min: 1, max: control.points() }), (at) => expectCancelledWithoutTrace(centre, bundle, at)), { numRuns: 5 });
  });
});

describe('bundle export: progress', () => {
  it('reports collecting (records) then signing, ending at total', () => {
    const [, region] = offices('KZ', 'KZ-75') as [Core, Core];
    seedRoster(region.db, { volunteers: 100, seed: 3 });
    const control = recordingControl();
    const result = region.callAs(ADMIN, 'exchange.export', { to: 'KZ', full: true }, control);
    expectWellFormed(control.reports, ['collecting', 'signing']);
    expect(control.reports.find((r) => r.phase === 'collecting' && r.done === r.total)!.total).toBeGreaterThanOrEqual(result.rows);
    const before = snapshot(region);
    expect(failure(() => region.callAs(ADMIN, 'exchange.export', { to: 'KZ', full: true }, recordingControl(control.points()))).code).toBe('cancelled');
    expect(snapshot(region)).toEqual(before);
  });
});

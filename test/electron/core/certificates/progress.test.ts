import { afterEach, describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { failure } from '../../../helpers/call-error';
import { expectWellFormed, recordingControl } from '../../../helpers/progress';
import { ADMIN } from '../../../helpers/temp-db';
import { closeOffices, hours, office, person } from './helpers';

afterEach(closeOffices);

const NAMES = ['Абаев', 'Бекова', 'Ветров', 'Галиева', 'Досанов', 'Ержанова'];

describe('certificate batches: progress and cancel', () => {
  it('a batch reports signing (one per certificate) then rendering (one per page); cancelled mid-way it issues nothing', () => {
    const core = office('KZ-75');
    for (const name of NAMES) hours(core, person(core, name), 8);
    const before = dump(core.db);
    const stopped = recordingControl(4);
    expect(failure(() => core.callAs(ADMIN, 'certificates.batch', { kind: 'service', year: 2026, minHours: 1 }, stopped)).code).toBe('cancelled');
    expect(dump(core.db)).toBe(before);

    const control = recordingControl();
    const batch = core.callAs(ADMIN, 'certificates.batch', { kind: 'service', year: 2026, minHours: 1 }, control);
    expect(batch.certificates).toHaveLength(NAMES.length);
    expectWellFormed(control.reports, ['signing', 'rendering']);
    expect(control.reports.filter((r) => r.done === r.total)).toEqual([
      { phase: 'signing', done: NAMES.length, total: NAMES.length },
      { phase: 'rendering', done: NAMES.length, total: NAMES.length },
    ]);

    const print = recordingControl();
    core.callAs(ADMIN, 'certificates.print', { numbers: batch.certificates.map((c) => c.number) }, print);
    expectWellFormed(print.reports, ['rendering']);
    expect(print.reports.at(-1)).toEqual({ phase: 'rendering', done: NAMES.length, total: NAMES.length });
  });
});

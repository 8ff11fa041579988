import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../../helpers/call-error';
import { expectWellFormed, recordingControl } from '../../../helpers/progress';
import { ADMIN } from '../../../helpers/temp-db';
import { closeOffices, hours, office, person } from '../certificates/helpers';

afterEach(closeOffices);

const NAMES = ['Абаев', 'Бекова', 'Ветров', 'Галиева', 'Досанов', 'Ержанова'];

describe('spreadsheet exports: progress', () => {
  it('the roster and the hours export report collecting (one per row) then rendering, ending at total', () => {
    const core = office('KZ-75');
    for (const name of NAMES) hours(core, person(core, name), 8);
    const roster = recordingControl();
    const exported = core.callAs(ADMIN, 'roster.export', { format: 'csv' }, roster);
    expectWellFormed(roster.reports, ['collecting', 'rendering']);
    expect(roster.reports.find((r) => r.phase === 'collecting' && r.done === r.total)!.total).toBe(exported.rows);

    const ledger = recordingControl();
    const hoursFile = core.callAs(ADMIN, 'hours.export', {}, ledger);
    expectWellFormed(ledger.reports, ['collecting', 'rendering']);
    expect(ledger.reports.find((r) => r.phase === 'collecting' && r.done === r.total)!.total).toBe(hoursFile.rows);
    expect(failure(() => core.callAs(ADMIN, 'hours.export', {}, recordingControl(2))).code).toBe('cancelled');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../electron/core/context';
import { unneutralise } from '../../../../electron/core/spreadsheet/formulas';
import { readSpreadsheet } from '../../../../electron/core/spreadsheet/read';
import type { ReadLimits } from '../../../../electron/core/spreadsheet/sheet';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { STAFF, closeOffices, office } from '../trainings/helpers';
import { assignOne, event, shift, volunteer } from './helpers';

afterEach(closeOffices);

const COORDINATOR: Actor = { id: 'coord-1', login: 'marat', displayName: 'Марат', role: 'coordinator' };
const LIMITS: ReadLimits = { fileBytes: 1 << 20, expandedBytes: 4 << 20, rows: 100, columns: 10, cells: 1000, cellChars: 1000, merges: 10, sheets: 2 };

describe('whom to tell when an event is cancelled', () => {
  it('exports those the cancellation released, with phones, in the user’s language; those already off the shift are not on it', () => {
    const core = office();
    const e = event(core);
    const morning = shift(core, e, { title: 'Мешки с песком' });
    const evening = shift(core, e, { title: 'Штаб', start: '2026-03-10T18:00', end: '2026-03-10T22:00' });
    const asel = volunteer(core, 'Сәрсенбаева', { phone: '+77011234567' });
    const boris = volunteer(core, 'Борисов');
    const gone = volunteer(core, 'Ушедший');
    assignOne(core, morning, asel);
    assignOne(core, evening, boris);
    assignOne(core, evening, gone);
    core.callAs(STAFF, 'events.remove', { shiftId: evening, volunteerId: gone, reason: 'Заболел' });

    // Before the cancellation nobody is released: the list is empty.
    expect(core.callAs(COORDINATOR, 'events.notifyExport', { id: e }).rows).toBe(0);
    const { notify } = core.callAs(COORDINATOR, 'events.cancel', { id: e });
    expect(notify.map((n) => n.volunteerId)).toEqual([boris, asel]);

    const file = core.callAs(COORDINATOR, 'events.notifyExport', { id: e, lang: 'kk' });
    expect(file).toMatchObject({ rows: 2, fileName: 'erikti-notify-2026-03-09.xlsx' });
    const [sheet] = readSpreadsheet(Buffer.from(file.base64, 'base64'), file.fileName, LIMITS).sheets;
    expect(sheet!.rows[0]).toEqual(['Аты-жөні', 'Телефон', 'Ауысым', 'Басталуы']);
    expect(sheet!.rows.slice(1).map((r) => r![0])).toEqual(['Борисов Тест', 'Сәрсенбаева Тест']);
    // A phone starts like a formula: written with the apostrophe that keeps spreadsheets from evaluating it.
    expect(sheet!.rows[2]!.slice(1).map((c) => unneutralise(c as string))).toEqual(['+7 (701) 123-45-67', 'Мешки с песком', '2026-03-10 09:00']);
  });

  it('is a coordinator’s, like the cancellation itself; an unknown event is refused', () => {
    const core = office();
    const e = event(core);
    expect(failure(() => core.callAs(STAFF, 'events.notifyExport', { id: e })).code).toBe('forbidden');
    expect(failure(() => core.callAs(ADMIN, 'events.notifyExport', { id: 'nope' })).key).toBe('error.events.unknownEvent');
    expect(failure(() => core.callAs(ADMIN, 'events.notifyExport', { id: e, lang: 'de' })).key).toBe('error.validation');
  });
});

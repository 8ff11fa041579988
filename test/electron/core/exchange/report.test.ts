import { describe, expect, it } from 'vitest';
import { importBundle } from '../../../../electron/core/exchange/import';
import { bytesSource } from '../../../../electron/core/exchange/format';
import { replicaId } from '../../../../electron/core/office/identity';
import { loadClock } from '../../../../electron/core/replication/hlc';
import { makeIin } from '../../../../shared/domain/iin';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices, person, previewIn } from './helpers';

describe('the import report', () => {
  it('names who is added, which fields change from what to what, who is erased, and memberships as person — organisation', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const a = almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметов', 'Ерлан', { phone: '87011234567' }));
    const gone = almaty!.callAs(ADMIN, 'volunteers.create', person('Кетті', 'Адам'));
    importInto(centre!, exportTo(almaty!, 'KZ'));

    almaty!.callAs(ADMIN, 'volunteers.update', { id: a.id, patch: { phone: '87770001122', email: 'e@mail.kz' } });
    almaty!.callAs(ADMIN, 'volunteers.delete', { id: gone.id });
    const fresh = almaty!.callAs(ADMIN, 'volunteers.create', person('Жаңа', 'Қыз'));
    const org = almaty!.callAs(ADMIN, 'organisations.create', { name: 'Көмек', type: 'association' });
    almaty!.callAs(ADMIN, 'organisations.addMember', { organisationId: org.id, volunteerId: fresh.id });

    const bundle = exportTo(almaty!, 'KZ');
    const preview = previewIn(centre!, bundle);
    const { counts, items, truncated } = preview.report;
    expect(counts).toMatchObject({ added: 3, changed: 1, erased: 1, merged: 0, conflict: 0 });
    expect(truncated).toBe(false);
    const changed = items.find((i) => i.kind === 'changed')!;
    expect(changed.label).toBe('Ахметов Ерлан');
    expect(changed.changes).toEqual(
      expect.arrayContaining([
        { field: 'phone', from: '+77011234567', to: '+77770001122' },
        { field: 'email', from: null, to: 'e@mail.kz' },
      ]),
    );
    // An erasure clears the name; the report still names whom it erased.
    expect(items.find((i) => i.kind === 'erased')).toMatchObject({ table: 'volunteers', id: gone.id, label: 'Кетті Адам' });
    expect(items.filter((i) => i.kind === 'added').map((i) => i.label).sort()).toEqual(['Жаңа Қыз', 'Жаңа Қыз — Көмек', 'Көмек'].sort());

    // Applied, the same report is kept with the history entry and can be read back.
    const applied = importInto(centre!, bundle);
    expect(applied.report).toEqual(preview.report);
    const entry = centre!.callAs(ADMIN, 'exchange.history', {}).items.find((h) => h.bundleId === applied.bundleId)!;
    const detail = centre!.callAs(ADMIN, 'exchange.historyEntry', { id: entry.id });
    expect(detail.report).toEqual(applied.report);
    expect(detail.report!.counts.changed).toBe(1);
  });

  it('names the people merged by IIN and the conflicts raised', () => {
    const [almaty, astana, centre] = offices('KZ-75', 'KZ-71', 'KZ');
    const iin = makeIin('1990-05-17', 'F', 1234)!;
    const a = almaty!.callAs(ADMIN, 'volunteers.create', person('Серікова', 'Айгерім', { iin }));
    const b = astana!.callAs(ADMIN, 'volunteers.create', person('Серикова', 'Айгерим', { iin }));
    const [survivor, loser] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    importInto(centre!, exportTo(almaty!, 'KZ'));
    const preview = previewIn(centre!, exportTo(astana!, 'KZ'));
    const merged = preview.report.items.filter((i) => i.kind === 'merged');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ table: 'volunteers', id: loser, into: { id: survivor } });
    expect([merged[0]!.label, merged[0]!.into!.label].sort()).toEqual(['Серикова Айгерим', 'Серікова Айгерім']);
    // The merged-away record is neither erased nor a new person.
    expect(preview.report.counts).toMatchObject({ erased: 0, added: 0, merged: 1 });

    // A concurrent edit of one field is a conflict, named.
    importInto(centre!, exportTo(astana!, 'KZ'));
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id: survivor, patch: { notes: 'A' } });
    centre!.callAs(ADMIN, 'volunteers.update', { id: survivor, patch: { notes: 'C' } });
    const withConflict = previewIn(centre!, exportTo(almaty!, 'KZ'));
    expect(withConflict.report.counts.conflict).toBe(1);
    expect(withConflict.report.items.find((i) => i.kind === 'conflict')).toMatchObject({ id: survivor, field: 'notes', conflictKind: 'field' });
  });

  it('keeps counts exact when the detail is capped', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    for (let i = 0; i < 12; i++) almaty!.callAs(ADMIN, 'volunteers.create', person(`Фамилия${'абвгдежзийкл'[i]}`, 'Имя'));
    const bundle = exportTo(almaty!, 'KZ');
    const source = bytesSource(bundle);
    const summary = importBundle(centre!.db, source, { clock: loadClock(centre!.db, replicaId(centre!.db)), actor: 'test@KZ', at: new Date().toISOString(), dryRun: true, reportCap: 5 });
    source.close();
    expect(summary.report.counts.added).toBe(12);
    expect(summary.report.items).toHaveLength(5);
    expect(summary.report.truncated).toBe(true);
  });
});

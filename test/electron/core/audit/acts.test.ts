import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../../../electron/core/audit/log';
import type { AuditAction } from '../../../../shared/contract/audit';
import { failure } from '../../../helpers/call-error';
import { ADMIN, officeCore, signedInOffice } from '../../../helpers/temp-db';
import { exportTo, offices, person } from '../exchange/helpers';
import { readBack } from '../roster/fixtures';

const actions = (core: ReturnType<typeof officeCore>, only?: AuditAction[]) => core.callAs(ADMIN, 'audit.log', { actions: only }).rows.map((r) => r.action);

describe('the audit trail of what people do with the office data', () => {
  it('records sign-ins, failed sign-ins with the login typed, and sign-outs', () => {
    const { core, session } = signedInOffice();
    expect(core.call('auth.signIn', { login: 'admin', password: 'wrong password' }, null).ok).toBe(false);
    expect(core.call('auth.signIn', { login: 'nobody', password: 'whatever it is' }, null).ok).toBe(false);
    const signedIn = core.call('auth.signIn', { login: 'admin', password: 'correct horse' }, null);
    expect(signedIn.ok).toBe(true);
    expect(core.call('auth.signOut', {}, session).ok).toBe(true);
    const { rows } = core.callAs(ADMIN, 'audit.log', { actions: ['auth.signedIn', 'auth.signInFailed', 'auth.signedOut'] });
    expect(rows.map((r) => [r.action, r.actor, r.subject])).toEqual([
      ['auth.signedOut', 'admin@KZ-75', 'admin'],
      ['auth.signedIn', 'admin@KZ-75', 'admin'],
      ['auth.signInFailed', 'nobody@KZ-75', 'nobody'],
      ['auth.signInFailed', 'admin@KZ-75', 'admin'],
    ]);
  });

  it('records exports of personal data: the roster, the hours, a bundle', () => {
    const [almaty] = offices('KZ-75', 'KZ');
    almaty!.callAs(ADMIN, 'volunteers.create', person('Сейітов', 'Асқар'));
    almaty!.callAs(ADMIN, 'roster.export', { format: 'xlsx', lang: 'ru' });
    almaty!.callAs(ADMIN, 'hours.export', { lang: 'kk' });
    exportTo(almaty!, 'KZ');
    const { rows } = almaty!.callAs(ADMIN, 'audit.log', { actions: ['export.roster', 'export.hours', 'export.exchange'] });
    expect(rows.map((r) => r.action)).toEqual(['export.exchange', 'export.hours', 'export.roster']);
    expect(rows[0]).toMatchObject({ actor: 'cli@KZ-75', subject: 'KZ', detail: { rows: expect.any(String) } });
    expect(rows[2]!.detail.rows).toBe('1');
  });

  it('records an erasure by the record id, never the name', () => {
    const core = officeCore();
    const { id } = core.callAs(ADMIN, 'volunteers.create', person('Жұмабаев', 'Нұрлан'));
    core.callAs(ADMIN, 'volunteers.delete', { id });
    const [entry] = core.callAs(ADMIN, 'audit.log', { actions: ['volunteer.erased'] }).rows;
    expect(entry).toMatchObject({ action: 'volunteer.erased', subject: id });
    expect(JSON.stringify(entry)).not.toContain('Жұмабаев');
  });

  it('records trusting and removing another office’s key and rotating the own key; a refused trust leaves no record', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    expect(actions(almaty!, ['trust.added'])).toEqual(['trust.added']);
    const { keyFile, fingerprint } = centre!.callAs(ADMIN, 'keys.own', {});
    almaty!.callAs(ADMIN, 'trust.remove', { fingerprint });
    // The fingerprint read out over the phone does not match the file: refused, nothing recorded.
    const wrong = fingerprint.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(failure(() => almaty!.callAs(ADMIN, 'trust.add', { keyFile, fingerprint: wrong })).key).toBe('error.keys.fingerprint');
    almaty!.callAs(ADMIN, 'keys.rotate', {});
    expect(actions(almaty!, ['trust.added', 'trust.removed', 'keys.rotated'])).toEqual(['keys.rotated', 'trust.removed', 'trust.added']);
    expect(almaty!.callAs(ADMIN, 'audit.log', { actions: ['trust.removed'] }).rows[0]).toMatchObject({ subject: 'KZ', detail: { fingerprint } });
  });

  it('filters by who and by days in Kazakhstan time (UTC+5), and exports what the filter selects', async () => {
    const core = officeCore();
    const record = (at: string, actor: string, action: AuditAction) => recordAudit(core.db, { at, actor, action, subject: actor.split('@')[0]! });
    record('2026-03-01T18:59:00.000Z', 'aigerim@KZ-75', 'export.roster'); // 23:59 on 1 March in Almaty
    record('2026-03-01T19:00:00.000Z', 'aigerim@KZ-75', 'export.hours'); // 00:00 on 2 March
    record('2026-03-02T10:00:00.000Z', 'bolat@KZ-75', 'auth.signedIn');
    record('2026-03-03T19:00:00.000Z', 'aigerim@KZ-75', 'auth.signedIn'); // 4 March
    const page = (query: object) => core.callAs(ADMIN, 'audit.log', query);
    expect(page({ from: '2026-03-02', to: '2026-03-03' }).rows.map((r) => r.at)).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-01T19:00:00.000Z']);
    expect(page({ to: '2026-03-01' }).total).toBe(1);
    expect(page({ from: '2026-03-04' }).total).toBe(1);
    expect(page({ who: 'AIGERIM' }).total).toBe(3);
    expect(page({ who: 'aigerim', actions: ['auth.signedIn'] }).total).toBe(1);
    expect(page({ who: 'aigerim', from: '2026-03-02', to: '2026-03-03' }).rows.map((r) => r.action)).toEqual(['export.hours']);

    const file = core.callAs(ADMIN, 'audit.export', { who: 'aigerim', lang: 'ru' });
    expect(file.rows).toBe(3);
    expect(file.fileName).toMatch(/\.xlsx$/);
    const ws = (await readBack(new Uint8Array(Buffer.from(file.base64, 'base64')))).worksheets[0]!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(1).value).toBe('2026-03-04 00:00');
    expect(ws.getRow(2).getCell(2).value).toBe('aigerim@KZ-75');
    expect(ws.getRow(4).getCell(3).value).toBe('Экспорт списка волонтёров');
  });

  it('is for administrators only, the export too', () => {
    const core = officeCore();
    const coordinator = { id: 'c', login: 'coord', displayName: 'Coord', role: 'coordinator' as const };
    expect(failure(() => core.callAs(coordinator, 'audit.export', { lang: 'en' })).code).toBe('forbidden');
  });
});

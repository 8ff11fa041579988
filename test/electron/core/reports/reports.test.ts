import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import type { Actor } from '../../../../electron/core/context';
import { readSpreadsheet } from '../../../../electron/core/spreadsheet/read';
import { makeIin } from '../../../../shared/domain/iin';
import { cellText } from '../../../../shared/domain/report-format';
import { REPORT_NAMES } from '../../../../shared/domain/reports';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { STAFF, catalogue, closeOffices, office } from '../trainings/helpers';
import { event, shift, volunteer } from '../events/helpers';

afterEach(closeOffices);

const COORDINATOR: Actor = { id: 'coord-1', login: 'marat', displayName: 'Марат', role: 'coordinator' };

const hours = (core: Core, volunteerId: string, date: string, h: number, extra: Record<string, unknown> = {}) =>
  core.callAs(ADMIN, 'hours.add', { volunteerId, date, hours: h, verified: true, category: 'socialSupport', ...extra }).id;

/** `total` verified hours for a person, in whole days of at most 8 from 1 January 2026. */
function verifiedHours(core: Core, volunteerId: string, total: number) {
  for (let day = 1; total > 0; day++) {
    const h = Math.min(8, total);
    hours(core, volunteerId, `2026-01-${String(day).padStart(2, '0')}`, h);
    total -= h;
  }
}

const run = (core: Core, name: (typeof REPORT_NAMES)[number], q: Record<string, unknown> = {}, actor: Actor = STAFF) =>
  core.callAs(actor, 'reports.run', { name, ...q });

describe('reports', () => {
  it('lists every report name, and refuses an unknown one', () => {
    const core = office('KZ-19');
    expect(core.callAs(STAFF, 'reports.list', {})).toEqual([...REPORT_NAMES]);
    expect(failure(() => core.callAs(STAFF, 'reports.run', { name: 'nope' })).fields).toEqual([expect.objectContaining({ path: 'name', key: 'error.reports.unknown' })]);
  });

  it('refuses a period that ends before it starts, and dates outside 1900–2099, for every report and its export', () => {
    const core = office('KZ-19');
    const fields = (input: Record<string, unknown>, call: 'reports.run' | 'reports.export' = 'reports.run') =>
      failure(() => core.callAs(STAFF, call, { name: 'hours', ...input } as never)).fields;
    expect(fields({ from: '2026-12-31', to: '2026-01-01' })).toEqual([expect.objectContaining({ path: 'to', key: 'error.reports.periodOrder' })]);
    expect(fields({ from: '2026-12-31', to: '2026-01-01', format: 'pdf' }, 'reports.export')).toEqual([expect.objectContaining({ path: 'to', key: 'error.reports.periodOrder' })]);
    // Once a crash ("something went wrong") in the months' and midnights' arithmetic; now a refusal naming the field.
    for (const name of REPORT_NAMES) {
      expect(failure(() => core.callAs(STAFF, 'reports.run', { name, from: '0001-01-01', to: '9999-12-31' })).fields?.map((f) => f.key)).toEqual(['error.reports.dateRange', 'error.reports.dateRange']);
    }
    expect(fields({ from: '2026-02-30' })).toEqual([expect.objectContaining({ path: 'from', key: 'error.noSuchDate' })]);
    expect(fields({ from: '1.1.2026' })?.map((f) => f.key)).not.toContain('error.reports.dateRange');
    // The bounds themselves, a single day, and a year with nothing in it are answered.
    expect(run(core, 'hours', { from: '1900-01-01', to: '2099-12-31' }).totals.hours).toBe(0);
    expect(run(core, 'volunteers-by-age', { from: '2099-12-31', to: '2099-12-31' }).totals.volunteers).toBe(0);
  });

  it('hours: by month, region and category; a correction counts once as corrected; the period cuts by the entry’s date', () => {
    const core = office('KZ-19');
    const a = volunteer(core, 'Абаев');
    const b = volunteer(core, 'Бекова', { region: 'KZ-75' });
    hours(core, a, '2026-01-31', 6);
    hours(core, a, '2026-02-01', 4, { verified: false });
    const wrong = hours(core, b, '2026-02-10', 5);
    core.callAs(ADMIN, 'hours.correct', { id: wrong, hours: 3, reason: 'ушёл раньше' });
    // A night shift from 28 February to 1 March counts on its start date, in February.
    const e = event(core, { category: 'flood', start: '2026-02-28', end: '2026-03-01' });
    const night = shift(core, e, { start: '2026-02-28T22:00', end: '2026-03-01T06:00' });
    core.callAs(ADMIN, 'events.assign', { shiftId: night, volunteerIds: [b] });
    core.callAs(STAFF, 'events.checkin', { shiftId: night, volunteerId: b, at: '2026-02-28T22:00' });
    core.callAs(STAFF, 'events.checkout', { shiftId: night, volunteerId: b, at: '2026-03-01T06:00' });

    const all = run(core, 'hours', { from: '2026-01-01', to: '2026-03-31' });
    expect(all.rows).toEqual([
      { month: '2026-01', region: 'KZ-19', category: 'socialSupport', hours: 6, verifiedHours: 6, entries: 1 },
      { month: '2026-02', region: 'KZ-19', category: 'flood', hours: 8, verifiedHours: 0, entries: 1 },
      { month: '2026-02', region: 'KZ-19', category: 'socialSupport', hours: 4, verifiedHours: 0, entries: 1 },
      { month: '2026-02', region: 'KZ-75', category: 'socialSupport', hours: 3, verifiedHours: 3, entries: 1 },
    ]);
    expect(all.totals).toEqual({ hours: 21, verifiedHours: 9, entries: 4 });
    // The event's region counts for its hours (b lives in KZ-75, the flood was in KZ-19).
    expect(run(core, 'hours', { from: '2026-01-01', to: '2026-03-31', region: 'KZ-75' }).totals).toEqual({ hours: 3, verifiedHours: 3, entries: 1 });
    expect(run(core, 'hours', { from: '2026-02-01', to: '2026-02-28' }).totals.hours).toBe(15);
    expect(run(core, 'hours', { from: '2026-03-01', to: '2026-03-31' }).totals.hours).toBe(0);
    expect(run(core, 'hours-by-event', { from: '2026-01-01', to: '2026-03-31' }).rows).toEqual([
      { eventId: e, event: 'Паводок в Талгаре', category: 'flood', region: 'KZ-19', hours: 8, verifiedHours: 0, volunteers: 1 },
    ]);
  });

  it('social credit: verified hours of the year counted up to 70, thresholds 50 and 20; erased people counted without a name; IIN only for coordinators', () => {
    const core = office('KZ-19');
    const [many, fifty, thirty, few, gone] = ['Көпов', 'Елуова', 'Отызов', 'Азов', 'Өшірілген'].map((n) => volunteer(core, n, { iin: undefined })) as [string, string, string, string, string];
    verifiedHours(core, many, 80);
    verifiedHours(core, fifty, 50);
    verifiedHours(core, thirty, 30);
    verifiedHours(core, few, 19.75);
    verifiedHours(core, gone, 25);
    hours(core, few, '2026-02-10', 8, { verified: false }); // not verified: does not count
    hours(core, thirty, '2025-12-31', 8); // last year: does not count
    core.callAs(ADMIN, 'volunteers.delete', { id: gone });

    const year = { from: '2026-01-01', to: '2026-12-31' };
    const report = run(core, 'social-credit', year);
    const byId = new Map(report.rows.map((r) => [r.volunteerId, r]));
    expect(byId.get(many)).toMatchObject({ verifiedHours: 80, countedHours: 70, threshold: 50 });
    expect(byId.get(fifty)).toMatchObject({ verifiedHours: 50, countedHours: 50, threshold: 50 });
    expect(byId.get(thirty)).toMatchObject({ verifiedHours: 30, countedHours: 30, threshold: 20 });
    expect(byId.get(few)).toMatchObject({ verifiedHours: 19.75, countedHours: 19.75, threshold: null });
    expect(byId.get(gone)).toMatchObject({ name: null, erased: 1, verifiedHours: 25, threshold: 20 });
    expect(byId.get(many)!.name).toBe('Көпов Тест');
    expect(report.totals).toEqual({ volunteers: 5, atLeast50: 2, atLeast20: 4, verifiedHours: 204.75, countedHours: 194.75 });
    // Staff see no IIN at all; a coordinator sees the column (null for people without one, and for the erased).
    expect(report.columns.map((c) => c.key)).not.toContain('iin');
    expect(report.rows.every((r) => !('iin' in r))).toBe(true);
    const iin = makeIin('1990-01-01', 'M', 17);
    const withIin = volunteer(core, 'Жсн', { iin, birthDate: '1990-01-01', sex: 'M' });
    verifiedHours(core, withIin, 8);
    const coordinator = run(core, 'social-credit', year, COORDINATOR);
    expect(coordinator.columns.map((c) => c.key)).toContain('iin');
    expect(coordinator.rows.find((r) => r.volunteerId === withIin)!.iin).toBe(iin);
    expect(coordinator.rows.find((r) => r.volunteerId === gone)!.iin).toBeNull();
    expect(run(core, 'activity-register', year, STAFF).rows.find((r) => r.volunteerId === gone)).toMatchObject({ name: null, verifiedHours: 25 });
  });

  it('activity register: organisation, kinds of activity and the active period per person', () => {
    const core = office('KZ-19');
    const p = volunteer(core, 'Реестров');
    const org = core.callAs(ADMIN, 'organisations.create', { name: 'Жастар клубы', type: 'studentClub' }).id;
    core.callAs(ADMIN, 'organisations.addMember', { organisationId: org, volunteerId: p });
    hours(core, p, '2026-01-05', 4, { category: 'environment' });
    hours(core, p, '2026-02-20', 6, { category: 'animals' });
    hours(core, p, '2026-03-01', 2, { category: 'animals', verified: false });
    const row = run(core, 'activity-register', { from: '2026-01-01', to: '2026-03-31' }).rows[0]!;
    expect(row).toMatchObject({ name: 'Реестров Тест', organisation: 'Жастар клубы', firstDate: '2026-01-05', lastDate: '2026-02-20', verifiedHours: 10 });
    expect(String(row.activities).split(',').sort()).toEqual(['animals', 'environment']);
  });

  it('volunteers by age group on the period’s last day: a birthday that day counts, the day before does not', () => {
    const core = office('KZ-19');
    volunteer(core, 'Он сегіз', { birthDate: '2008-03-10', sex: 'M' });
    volunteer(core, 'Он жеті', { birthDate: '2008-03-11', sex: 'F', guardianName: 'Ана', guardianPhone: '+77011234567', guardianConsentDate: '2026-01-10', consentDate: '2026-01-10', consentBasis: 'guardian' });
    volunteer(core, 'Зейнет', { birthDate: '1960-01-01', sex: 'F', status: 'inactive' });
    const byAge = (to: string) => Object.fromEntries(run(core, 'volunteers-by-age', { to }).rows.map((r) => [r.ageGroup, r.volunteers]));
    expect(byAge('2026-03-10')).toEqual({ '14-17': 1, '18-24': 1, '60plus': 1 });
    expect(byAge('2026-03-11')).toEqual({ '18-24': 2, '60plus': 1 });
    const bySex = run(core, 'volunteers-by-sex', { to: '2026-03-10' });
    expect(bySex.rows).toEqual([{ sex: 'F', volunteers: 2, active: 1, new: 2 }, { sex: 'M', volunteers: 1, active: 1, new: 1 }]);
    expect(bySex.totals).toEqual({ volunteers: 3, active: 2, new: 3, erased: 0 });
    // Registered after the period: not yet counted.
    expect(run(core, 'volunteers-by-region', { from: '2025-01-01', to: '2025-12-31' }).totals.volunteers).toBe(0);
  });

  it('volunteers by area and organisation: a person in two counts in each row, once in the totals; the erased only as a number', () => {
    const core = office('KZ-19');
    volunteer(core, 'Екеуі', { areas: ['animals', 'environment'] });
    volunteer(core, 'Біреуі', { areas: ['animals'] });
    const gone = volunteer(core, 'Кеткен', { areas: ['animals'] });
    core.callAs(ADMIN, 'volunteers.delete', { id: gone });
    const report = run(core, 'volunteers-by-area');
    expect(report.rows).toEqual([{ area: 'animals', volunteers: 2, active: 2, new: 2 }, { area: 'environment', volunteers: 1, active: 1, new: 1 }]);
    expect(report.totals).toMatchObject({ volunteers: 2, erased: 1 });
    expect(run(core, 'volunteers-by-organisation').rows).toEqual([{ organisation: null, volunteers: 2, active: 2, new: 2 }]);
  });

  it('events by category: an over-full shift counts as full, never more; rates stay within 0..1; cancelled events apart', () => {
    const core = office('KZ-19');
    const people = ['А', 'Б', 'В', 'Г'].map((n) => volunteer(core, n));
    const e = event(core, { category: 'flood' });
    const small = shift(core, e, { needed: 1 });
    const big = shift(core, e, { needed: 3, start: '2026-03-11T09:00', end: '2026-03-11T17:00' });
    // Two walk-ins on a shift needing one (walk-ins skip the "full" refusal).
    core.callAs(ADMIN, 'events.assign', { shiftId: small, volunteerIds: [people[0]!, people[1]!], walkIn: true });
    core.callAs(ADMIN, 'events.assign', { shiftId: big, volunteerIds: [people[2]!] });
    core.callAs(STAFF, 'events.checkin', { shiftId: small, volunteerId: people[0]!, at: '2026-03-10T09:00' });
    core.callAs(STAFF, 'events.checkin', { shiftId: small, volunteerId: people[1]!, at: '2026-03-10T09:00' });
    core.callAs(STAFF, 'events.noShows', { shiftId: big });
    const cancelled = event(core, { category: 'flood', title: 'Отменённый' });
    shift(core, cancelled, { needed: 10 });
    core.callAs(ADMIN, 'events.cancel', { id: cancelled });
    event(core, { category: 'forum', title: 'Без смен' });

    const report = run(core, 'events-by-category', { from: '2026-03-01', to: '2026-03-31' });
    expect(report.rows).toEqual([
      { category: 'flood', events: 1, cancelled: 1, shifts: 2, needed: 4, filled: 2, overfilled: 1, checkedIn: 2, noShows: 1, fillRate: 0.5, noShowRate: 0.333 },
      { category: 'forum', events: 1, cancelled: 0, shifts: 0, needed: 0, filled: 0, overfilled: 0, checkedIn: 0, noShows: 0, fillRate: null, noShowRate: null },
    ]);
    expect(report.totals).toMatchObject({ events: 2, cancelled: 1, fillRate: 0.5, noShowRate: 0.333 });
    // Only the over-full shift: full, not 200 %.
    const onlySmall = run(core, 'events-by-category', { from: '2026-03-01', to: '2026-03-31', region: 'KZ-19' });
    expect(onlySmall.rows.every((r) => r.fillRate === null || (Number(r.fillRate) >= 0 && Number(r.fillRate) <= 1))).toBe(true);
    expect(run(core, 'events-by-category', { from: '2026-04-01', to: '2026-04-30' }).rows).toEqual([]);
  });

  it('trainings by program: pass rate among those with a result', () => {
    const core = office('KZ-19');
    const { sessionId } = catalogue(core, { capacity: 5 });
    const people = ['Бір', 'Екі', 'Үш'].map((n) => volunteer(core, n));
    core.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: people });
    core.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: people[0]!, outcome: 'passed', score: 90 });
    core.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: people[1]!, outcome: 'failed', score: 40 });
    const report = run(core, 'trainings-by-program', { from: '2026-03-01', to: '2026-03-31' });
    expect(report.rows).toEqual([expect.objectContaining({ program: 'Первая помощь: базовый курс', sessions: 1, enrolled: 3, passed: 1, failed: 1, passRate: 0.5 })]);
    expect(run(core, 'trainings-by-program', { from: '2026-03-01', to: '2026-03-31', region: 'KZ-75' }).rows).toEqual([]);
  });

  it('volunteers by organisation: the row of people in none reads "not given" on screen and in the file, not a blank', () => {
    const core = office('KZ-19');
    volunteer(core, 'Ұйымсыз');
    const report = run(core, 'volunteers-by-organisation', { to: '2026-12-31' });
    expect(report.rows).toEqual([expect.objectContaining({ organisation: null, volunteers: 1 })]);
    const column = report.columns[0]!;
    expect(['kk', 'ru', 'en'].map((lang) => cellText(column, null, lang as 'kk' | 'ru' | 'en'))).toEqual(['Көрсетілмеген', 'Не указано', 'Not given']);
    // A person in no organisation in the per-person reports stays a blank cell.
    expect(cellText({ key: 'organisation', type: 'text' }, null, 'en')).toBe('');
    const xlsx = core.callAs(STAFF, 'reports.export', { name: 'volunteers-by-organisation', to: '2026-12-31', format: 'xlsx', lang: 'en' });
    const limits = { fileBytes: 1 << 20, expandedBytes: 4 << 20, rows: 100, columns: 20, cells: 2000, cellChars: 1000, merges: 10, sheets: 2 };
    expect(readSpreadsheet(Buffer.from(xlsx.base64, 'base64'), 'x.xlsx', limits).sheets[0]!.rows[1]).toEqual(['Not given', 1, 1, 1]);
  });

  it('exports a report as .xlsx and PDF with the same numbers', () => {
    const core = office('KZ-19');
    const p = volunteer(core, 'Экспортов');
    hours(core, p, '2026-02-03', 7.5);
    const xlsx = core.callAs(STAFF, 'reports.export', { name: 'hours', from: '2026-01-01', to: '2026-03-31', format: 'xlsx', lang: 'kk' });
    expect(xlsx.fileName).toBe('erikti-hours-2026-01-01-2026-03-31.xlsx');
    const limits = { fileBytes: 1 << 20, expandedBytes: 4 << 20, rows: 100, columns: 20, cells: 2000, cellChars: 1000, merges: 10, sheets: 2 };
    const rows = readSpreadsheet(Buffer.from(xlsx.base64, 'base64'), 'x.xlsx', limits).sheets[0]!.rows;
    expect(rows[0]).toEqual(['Ай', 'Өңір', 'Санат', 'Сағат', 'Расталған сағат', 'Жазбалар']);
    expect(rows[1]).toEqual(['02.2026', 'Алматы облысы', 'Әлеуметтік көмек', 7.5, 7.5, 1]);
    expect(rows[2]).toEqual(['Барлығы', undefined, undefined, 7.5, 7.5, 1]);
    const pdf = core.callAs(STAFF, 'reports.export', { name: 'hours', from: '2026-01-01', to: '2026-03-31', format: 'pdf', lang: 'ru' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

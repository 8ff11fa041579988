import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { seedEvents } from '../../../../electron/core/seed/events';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { seedTrainings } from '../../../../electron/core/seed/trainings';
import type { Dashboard } from '../../../../shared/contract/reports';
import { addDays, todayInKazakhstan } from '../../../../shared/domain/trainings';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, offices } from '../exchange/helpers';
import { STAFF, catalogue, closeOffices, office } from '../trainings/helpers';
import { event, shift, volunteer } from '../events/helpers';

afterEach(closeOffices);

const figures = (d: Dashboard) => Object.fromEntries(d.figures.map((f) => [f.key, f.value]));

describe('the office dashboard', () => {
  it('counts each figure and links it to its list; staff get no link to the coordinators’ review lists', () => {
    const core = office('KZ-19'); // today: 10 March 2026
    const [a, b, c] = ['Абаев', 'Бекова', 'Жанов'].map((n) => volunteer(core, n));
    volunteer(core, 'Нофаол', { status: 'inactive' });
    core.callAs(ADMIN, 'hours.add', { volunteerId: a!, date: '2026-03-02', hours: 4, verified: true });
    core.callAs(ADMIN, 'hours.add', { volunteerId: a!, date: '2026-01-15', hours: 6, verified: true });
    core.callAs(ADMIN, 'hours.add', { volunteerId: b!, date: '2026-03-05', hours: 2.5 });
    core.callAs(ADMIN, 'hours.add', { volunteerId: b!, date: '2025-12-20', hours: 3, verified: true });
    // An upcoming event: one shift needing 3 holds 1 (gap 2), an over-full one needing 1 holds 2 (gap 0, never -1).
    const e = event(core, { start: '2026-03-12', end: '2026-03-13' });
    core.callAs(ADMIN, 'events.assign', { shiftId: shift(core, e, { start: '2026-03-12T09:00', end: '2026-03-12T12:00', needed: 3 }), volunteerIds: [a!] });
    core.callAs(ADMIN, 'events.assign', { shiftId: shift(core, e, { start: '2026-03-13T09:00', end: '2026-03-13T12:00', needed: 1 }), volunteerIds: [b!, c!], walkIn: true });
    // A pass granting first aid on 10 March 2026 (valid 24 months) and one recorded by hand that ends within 30 days.
    const { sessionId, firstAid } = catalogue(core, { capacity: 5 });
    core.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [a!, b!] });
    core.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: a!, outcome: 'passed', score: 90 });
    core.callAs(ADMIN, 'trainings.sessions.setStatus', { id: sessionId, status: 'held' });
    core.callAs(ADMIN, 'qualifications.add', { volunteerId: c!, kindId: firstAid, from: '2024-04-01' });

    const d = core.callAs(STAFF, 'dashboard.office', {});
    expect(d).toMatchObject({ office: 'KZ-19', on: '2026-03-10', regions: [], freshness: [], notes: [] });
    expect(figures(d)).toEqual({
      activeVolunteers: 3, newThisMonth: 4, verifiedHoursMonth: 4, verifiedHoursYear: 10, unverifiedHours: 2.5, trainingsHeld: 1, trainingsPassed: 1,
      upcomingEvents: 1, staffingGaps: 2, expiringQualifications: 1, entriesWaiting: 1, openConflicts: 0, likelyDuplicates: null,
    });
    expect(core.callAs(STAFF, 'dashboard.duplicates', {})).toEqual({ count: 0 });
    volunteer(core, 'Абаев');
    expect(core.callAs(STAFF, 'dashboard.duplicates', {})).toEqual({ count: 1 });
    const mayOpen = Object.fromEntries(d.figures.map((f) => [f.key, f.mayOpen]));
    expect(mayOpen).toMatchObject({ activeVolunteers: true, entriesWaiting: true, expiringQualifications: true, openConflicts: false, likelyDuplicates: false });
    expect(core.callAs(ADMIN, 'dashboard.office', {}).figures.find((f) => f.key === 'openConflicts')!.mayOpen).toBe(true);
    // The lists filtered as the figures link to them count what they count (the person added above is new too).
    const programId = core.callAs(ADMIN, 'trainings.sessions.get', { id: sessionId }).programId;
    const other = (start: string, end: string) => core.callAs(ADMIN, 'trainings.sessions.add', { programId, start, end, place: 'Алматы', capacity: 2 }).id;
    core.callAs(ADMIN, 'trainings.sessions.setStatus', { id: other('2025-12-29', '2025-12-30'), status: 'held' }); // last year's
    other('2026-03-02', '2026-03-03'); // planned, never held
    expect(core.callAs(STAFF, 'trainings.sessions.list', { heldSince: '2026-01-01' }).rows.map((r) => r.id)).toEqual([sessionId]);
    expect(core.callAs(STAFF, 'trainings.sessions.list', { heldSince: '2025-01-01' }).total).toBe(2);
    expect(core.callAs(STAFF, 'trainings.sessions.list', { heldSince: '2026-03-11' }).total).toBe(0);
    expect(core.callAs(STAFF, 'events.list', { upcoming: true }).total).toBe(1);
    expect(core.callAs(STAFF, 'events.list', { understaffed: true }).total).toBe(1);
    expect(core.callAs(STAFF, 'volunteers.search', { status: 'active' }).total).toBe(4);
    expect(core.callAs(STAFF, 'volunteers.search', { createdFrom: '2026-03-01' }).total).toBe(5);
  });

  it('at the centre: the roll-up after importing two regions equals the sum of their own dashboards; freshness names the silent regions', () => {
    const [centre, north, south] = offices('KZ', 'KZ-59', 'KZ-61') as [Core, Core, Core];
    const today = todayInKazakhstan();
    [north, south].forEach((region, i) => {
      seedRoster(region.db, { volunteers: 30, seed: 11 + i });
      seedTrainings(region.db, { volunteers: 30, seed: 11 + i });
      seedEvents(region.db, { volunteers: 30, seed: 11 + i });
      const p = volunteer(region, i === 0 ? "Бүгінов" : "Бүгінова", { region: i === 0 ? 'KZ-59' : 'KZ-61' });
      region.callAs(ADMIN, 'hours.add', { volunteerId: p, date: today, hours: 3 + i, verified: true });
      region.callAs(ADMIN, 'hours.add', { volunteerId: p, date: today, hours: 1 });
      const e = event(region, { start: addDays(today, 3), end: addDays(today, 3), region: i === 0 ? 'KZ-59' : 'KZ-61' });
      shift(region, e, { start: `${addDays(today, 3)}T09:00`, end: `${addDays(today, 3)}T12:00`, needed: 4 + i });
    });
    const own = [north, south].map((region) => figures(region.callAs(ADMIN, 'dashboard.office', {})));
    for (const region of [north, south]) importInto(centre, exportTo(region, 'KZ'));

    const national = centre.callAs(ADMIN, 'dashboard.office', {});
    const rolled = figures(national);
    const regional = national.regions[0]!.figures;
    // The seed dates its records' created_at in 2024 while their clocks read today, and an office
    // takes a received record's creation time from its clock: only the seed's people differ there.
    for (const key of Object.keys(regional).filter((k) => k !== 'newThisMonth')) {
      expect(rolled[key], key).toBeCloseTo(own[0]![key]! + own[1]![key]!, 6);
      // The national figure is the regions side by side added up (people without a region in it too).
      const sideBySide = national.regions.reduce((s, r) => s + (r.figures[key] ?? 0), 0);
      expect(sideBySide, key).toBeLessThanOrEqual(rolled[key]! + 1e-6);
    }
    expect(rolled.newThisMonth).toBeGreaterThanOrEqual(own[0]!.newThisMonth! + own[1]!.newThisMonth!);
    expect(rolled.staffingGaps).toBe(own[0]!.staffingGaps! + own[1]!.staffingGaps!);
    expect(national.regions.find((r) => r.region === 'KZ-59')!.figures.staffingGaps).toBeGreaterThanOrEqual(4);

    const fresh = Object.fromEntries(national.freshness.map((f) => [f.region, f]));
    expect(national.freshness).toHaveLength(20);
    expect(fresh['KZ-59']).toMatchObject({ stale: false, daysSilent: 0 });
    expect(fresh['KZ-59']!.carried.volunteers).toBeGreaterThanOrEqual(31);
    expect(fresh['KZ-75']).toMatchObject({ stale: true, lastBundleAt: null });
    expect(national.notes).toEqual([{ key: 'reports.note.staleRegions', params: expect.objectContaining({ count: 18 }) }]);
    // A report filtered to a fresh region carries no note; national figures do.
    expect(centre.callAs(ADMIN, 'reports.run', { name: 'hours', region: 'KZ-59' }).notes).toEqual([]);
    expect(centre.callAs(ADMIN, 'reports.run', { name: 'hours' }).notes).toHaveLength(1);
  });
});


import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../electron/core/context';
import { ADMIN } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { STAFF, closeOffices, office } from '../trainings/helpers';
import { assignOne, event, shift, volunteer } from './helpers';

afterEach(closeOffices);

const COORDINATOR: Actor = { id: 'coord-1', login: 'marat', displayName: 'Марат', role: 'coordinator' };

describe('the day: check-in, check-out, no-shows', () => {
  it('writes hours from the actual times, rounded to the quarter hour, a night shift counted on its start date', () => {
    const core = office();
    const e = event(core, { category: 'socialSupport' });
    const night = shift(core, e, { start: '2026-03-10T22:00', end: '2026-03-11T06:00' });
    const p = volunteer(core, 'Ночной');
    assignOne(core, night, p);
    expect(failure(() => core.callAs(STAFF, 'events.checkout', { shiftId: night, volunteerId: p, at: '2026-03-11T06:00' })).key).toBe('error.events.notCheckedIn');
    core.callAs(STAFF, 'events.checkin', { shiftId: night, volunteerId: p, at: '2026-03-10T22:10' });
    expect(failure(() => core.callAs(STAFF, 'events.checkout', { shiftId: night, volunteerId: p, at: '2026-03-10T22:00' })).key).toBe('error.events.checkOutBeforeCheckIn');
    expect(core.callAs(STAFF, 'events.checkout', { shiftId: night, volunteerId: p, at: '2026-03-11T06:05' })).toMatchObject({ hours: 8 });
    // Checked out again (a mistaken first time): the same entry, rewritten, never two.
    expect(core.callAs(STAFF, 'events.checkout', { shiftId: night, volunteerId: p, at: '2026-03-11T05:52' }).hours).toBe(7.75);
    // The arrival corrected afterwards: the hours follow; an arrival after the departure is refused, nothing written.
    core.callAs(STAFF, 'events.checkin', { shiftId: night, volunteerId: p, at: '2026-03-10T22:40' });
    expect(core.callAs(STAFF, 'hours.list', { volunteerId: p })[0]!.hours).toBe(7.25);
    expect(failure(() => core.callAs(STAFF, 'events.checkin', { shiftId: night, volunteerId: p, at: '2026-03-11T06:30' })).key).toBe('error.events.checkOutBeforeCheckIn');
    core.callAs(STAFF, 'events.checkin', { shiftId: night, volunteerId: p, at: '2026-03-10T22:10' });
    const entries = core.callAs(STAFF, 'hours.list', { volunteerId: p });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ date: '2026-03-10', hours: 7.75, source: 'shift', category: 'socialSupport', eventId: e, shiftId: night, verifiedAt: null });
    const detail = core.callAs(STAFF, 'events.get', { id: e }).shifts[0]!;
    expect(detail.assignments[0]).toMatchObject({ checkedInAt: '2026-03-10T22:10', checkedOutAt: '2026-03-11T05:52' });
    expect(detail).toMatchObject({ start: '2026-03-10T22:00', end: '2026-03-11T06:00' });
  });

  it('checks in at Kazakhstan’s time now by default, and turns those never checked in into no-shows in one call', () => {
    const core = office(); // now: 11:00 in Almaty on 10 March 2026
    const s = shift(core, event(core, { category: 'forum' }));
    const [a, b, c] = ['Абаев', 'Бекова', 'Жанов'].map((n) => volunteer(core, n)) as [string, string, string];
    for (const p of [a, b, c]) assignOne(core, s, p);
    core.callAs(STAFF, 'events.respond', { shiftId: s, volunteerId: c, answer: 'declined' });
    core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: a });
    expect(core.callAs(STAFF, 'events.noShows', { shiftId: s }).noShows).toEqual([b]);
    const rows = core.callAs(STAFF, 'events.get', { id: core.callAs(STAFF, 'events.list', {}).rows[0]!.id }).shifts[0]!.assignments;
    expect(rows.find((r) => r.volunteerId === a)).toMatchObject({ checkedInAt: '2026-03-10T11:00', noShow: false });
    expect(rows.find((r) => r.volunteerId === b)!.noShow).toBe(true);
    expect(failure(() => core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: c })).key).toBe('error.events.notAssigned');
  });
});

describe('the hours ledger', () => {
  it('refuses bad hours: negative, over 24 in a day for one person, unknown or erased people; nothing written', () => {
    const core = office();
    const p = volunteer(core, 'Часов');
    const gone = volunteer(core, 'Удалённый');
    core.callAs(ADMIN, 'volunteers.delete', { id: gone });
    expect(failure(() => core.callAs(STAFF, 'hours.add', { volunteerId: p, date: '2026-03-01', hours: -2 })).key).toBe('error.validation');
    expect(failure(() => core.callAs(STAFF, 'hours.add', { volunteerId: p, date: '2026-03-01', hours: 1.1 })).key).toBe('error.validation');
    core.callAs(STAFF, 'hours.add', { volunteerId: p, date: '2026-03-01', hours: 20 });
    expect(failure(() => core.callAs(STAFF, 'hours.add', { volunteerId: p, date: '2026-03-01', hours: 4.25 })).params).toEqual({ date: '2026-03-01' });
    expect(failure(() => core.callAs(STAFF, 'hours.add', { volunteerId: gone, date: '2026-03-01', hours: 1 })).key).toBe('error.volunteerNotFound');
    expect(failure(() => core.callAs(STAFF, 'hours.add', { volunteerId: 'nobody', date: '2026-03-01', hours: 1 })).key).toBe('error.volunteerNotFound');
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: p })).toMatchObject({ hours: 20, entries: 1 });
  });

  it('totals per month and year, verified and not; verifying one entry or a whole shift', () => {
    const core = office();
    const p = volunteer(core, 'Итогов');
    const e = event(core, { category: 'environment' });
    const s = shift(core, e);
    const q = volunteer(core, 'Второй');
    for (const who of [p, q]) {
      assignOne(core, s, who);
      core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: who, at: '2026-03-10T09:00' });
      core.callAs(STAFF, 'events.checkout', { shiftId: s, volunteerId: who, at: '2026-03-10T13:20' });
    }
    const manual = core.callAs(STAFF, 'hours.add', { volunteerId: p, date: '2026-02-14', hours: 2.5, category: 'animals', note: 'Приют' }).id;
    core.callAs(STAFF, 'hours.add', { volunteerId: p, date: '2025-12-31', hours: 1, verified: true });
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: p })).toEqual({
      hours: 7.75, verified: 1, unverified: 6.75, entries: 3,
      byMonth: [{ month: '2025-12', hours: 1, verified: 1 }, { month: '2026-02', hours: 2.5, verified: 0 }, { month: '2026-03', hours: 4.25, verified: 0 }],
    });
    core.callAs(STAFF, 'hours.verify', { id: manual });
    expect(core.callAs(STAFF, 'hours.verifyShift', { shiftId: s }).verified).toBe(2);
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: p, from: '2026-01-01', to: '2026-12-31', verified: true })).toMatchObject({ hours: 6.75, verified: 6.75 });
    expect(core.callAs(STAFF, 'hours.total', { eventId: e })).toMatchObject({ hours: 8.5, entries: 2 });
    expect(core.callAs(STAFF, 'hours.total', { category: 'animals' }).hours).toBe(2.5);
    const file = core.callAs(STAFF, 'hours.export', { from: '2026-01-01', lang: 'kk' });
    expect(file).toMatchObject({ rows: 3, fileName: expect.stringMatching(/\.xlsx$/) });
  });

  it('the office’s screens: totals per person, event and category; entries waiting for verification with names and titles', () => {
    const core = office();
    const e = event(core, { category: 'environment', title: 'Субботник' });
    const s = shift(core, e, { title: 'Утро' });
    const [p, q] = [volunteer(core, 'Первая', { iin: '900101401238' }), volunteer(core, 'Второй')] as [string, string];
    for (const [who, out] of [[p, '2026-03-10T13:00'], [q, '2026-03-10T11:00']] as const) {
      assignOne(core, s, who);
      core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: who, at: '2026-03-10T09:00' });
      core.callAs(STAFF, 'events.checkout', { shiftId: s, volunteerId: who, at: out });
    }
    expect(core.callAs(STAFF, 'events.get', { id: e }).shifts[0]!.assignments.map((a) => a.iin)).toEqual([null, '900101401238']);
    const manual = core.callAs(STAFF, 'hours.add', { volunteerId: q, date: '2026-03-12', hours: 5, category: 'animals', verified: true }).id;
    core.callAs(COORDINATOR, 'hours.correct', { id: manual, hours: 3, reason: 'Опечатка' });
    expect(core.callAs(STAFF, 'hours.summary', { by: 'volunteer' }).map((r) => [r.label, r.hours, r.verified, r.entries])).toEqual([
      ['Второй Тест', 5, 3, 2], ['Первая Тест', 4, 0, 1],
    ]);
    expect(core.callAs(STAFF, 'hours.summary', { by: 'event' }).map((r) => [r.key, r.label, r.hours])).toEqual([[e, 'Субботник', 6], [null, null, 3]]);
    expect(core.callAs(STAFF, 'hours.summary', { by: 'category', from: '2026-03-11' }).map((r) => [r.key, r.hours])).toEqual([['animals', 3]]);
    expect(core.callAs(STAFF, 'hours.summary', { by: 'category', verified: true }).map((r) => [r.key, r.hours])).toEqual([['animals', 3]]);
    const waiting = core.callAs(STAFF, 'hours.list', { unverified: true });
    expect(waiting.map((h) => [h.name, h.eventTitle, h.shiftTitle, h.hours])).toEqual([['Первая Тест', 'Субботник', 'Утро', 4], ['Второй Тест', 'Субботник', 'Утро', 2]]);
    // Waiting means counted too: a replaced entry is history, not work to verify.
    expect(core.callAs(STAFF, 'hours.list', { unverified: true, history: true })).toHaveLength(2);
    core.callAs(STAFF, 'hours.verifyShift', { shiftId: s });
    expect(core.callAs(STAFF, 'hours.list', { unverified: true })).toEqual([]);
  });

  it('a verified entry changes only by a coordinator’s correction, kept with who, when and why', () => {
    const core = office();
    const p = volunteer(core, 'Исправленный');
    const s = shift(core, event(core, { category: 'forum' }));
    assignOne(core, s, p);
    core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: p, at: '2026-03-10T09:00' });
    const { entryId } = core.callAs(STAFF, 'events.checkout', { shiftId: s, volunteerId: p, at: '2026-03-10T17:00' });
    core.callAs(STAFF, 'hours.verify', { id: entryId });
    expect(failure(() => core.callAs(STAFF, 'events.checkout', { shiftId: s, volunteerId: p, at: '2026-03-10T18:00' })).key).toBe('error.events.verified');
    expect(failure(() => core.callAs(STAFF, 'hours.correct', { id: entryId, hours: 6, reason: 'Ушёл раньше' })).code).toBe('forbidden');
    expect(failure(() => core.callAs(COORDINATOR, 'hours.correct', { id: entryId, hours: 6, reason: '' })).key).toBe('error.validation');
    const corrected = core.callAs(COORDINATOR, 'hours.correct', { id: entryId, hours: 6, reason: 'Ушёл раньше' }).id;
    expect(failure(() => core.callAs(COORDINATOR, 'hours.correct', { id: entryId, hours: 5, reason: 'ещё раз' })).key).toBe('error.events.superseded');
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: p })).toMatchObject({ hours: 6, verified: 6 });
    const history = core.callAs(STAFF, 'hours.list', { volunteerId: p, history: true });
    expect(history.map((h) => [h.hours, h.superseded])).toEqual(expect.arrayContaining([[8, true], [6, false]]));
    expect(history.find((h) => h.id === corrected)).toMatchObject({ corrects: entryId, correctedBy: 'marat@KZ-75', correctionReason: 'Ушёл раньше', verifiedBy: 'marat@KZ-75', correctedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/) });
    expect(history.find((h) => h.id === entryId)!.correctedAt).toBeNull();
    expect(core.callAs(STAFF, 'hours.list', { volunteerId: p })).toHaveLength(1);
  });

  it('deleting a shift or cancelling its event never removes hours already earned', () => {
    const core = office();
    const p = volunteer(core, 'Заработавший');
    const e = event(core, { category: 'publicEvent' });
    const s = shift(core, e);
    assignOne(core, s, p);
    core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: p, at: '2026-03-10T09:00' });
    core.callAs(STAFF, 'events.checkout', { shiftId: s, volunteerId: p, at: '2026-03-10T12:00' });
    core.callAs(ADMIN, 'events.shifts.delete', { id: s });
    expect(core.callAs(STAFF, 'events.get', { id: e }).shifts).toEqual([]);
    core.callAs(ADMIN, 'events.cancel', { id: e });
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: p })).toMatchObject({ hours: 3, entries: 1 });
    expect(core.callAs(STAFF, 'hours.list', { volunteerId: p })[0]).toMatchObject({ shiftId: s, eventId: e, date: '2026-03-10' });
  });
});

describe('merged people', () => {
  it('carry their assignments and hours to the survivor, without doubling a shift both records worked', () => {
    const core = office();
    const keep = volunteer(core, 'Сейітова', { firstName: 'Әлия' });
    const other = volunteer(core, 'Сеитова', { firstName: 'Алия' });
    const s = shift(core, event(core, { category: 'forum' }));
    assignOne(core, s, other);
    core.callAs(STAFF, 'events.checkin', { shiftId: s, volunteerId: other, at: '2026-03-10T09:00' });
    core.callAs(STAFF, 'events.checkout', { shiftId: s, volunteerId: other, at: '2026-03-10T12:00' });
    core.callAs(STAFF, 'hours.add', { volunteerId: other, date: '2026-03-02', hours: 2 });
    core.callAs(STAFF, 'hours.add', { volunteerId: keep, date: '2026-03-03', hours: 1 });
    core.callAs(ADMIN, 'duplicates.merge', { keepId: keep, otherId: other });
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: keep })).toMatchObject({ hours: 6, entries: 3 });
    // Asked by the merged-away id, the answer is the survivor's.
    expect(core.callAs(STAFF, 'hours.total', { volunteerId: other }).hours).toBe(6);
    const board = core.callAs(STAFF, 'events.get', { id: core.callAs(STAFF, 'events.list', {}).rows[0]!.id }).shifts[0]!;
    expect(board.assignments.map((a) => [a.volunteerId, a.checkedInAt])).toEqual([[keep, '2026-03-10T09:00']]);
    expect(assignOne(core, s, other).reason).toBe('alreadyAssigned');
  });
});

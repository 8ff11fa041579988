import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';

/** An active adult in Almaty region speaking Russian, unless told otherwise. */
export function volunteer(core: Core, lastName: string, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'volunteers.create', {
    lastName, firstName: 'Тест', birthDate: '1990-01-01', status: 'active', region: 'KZ-19', languages: ['ru'], ...extra,
  }).id;
}

/** A flood response in Almaty region over 9–11 March 2026 (or another category and dates). */
export function event(core: Core, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'events.add', {
    title: 'Паводок в Талгаре', category: 'flood', start: '2026-03-09', end: '2026-03-11', region: 'KZ-19', place: 'Талгар, ул. Бокина 1', ...extra,
  }).id;
}

export function shift(core: Core, eventId: string, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'events.shifts.add', {
    eventId, title: 'Мешки с песком', start: '2026-03-10T09:00', end: '2026-03-10T17:00', needed: 3, ...extra,
  }).id;
}

export function assignOne(core: Core, shiftId: string, volunteerId: string) {
  return core.callAs(ADMIN, 'events.assign', { shiftId, volunteerIds: [volunteerId] }).outcomes[0]!;
}

import path from 'node:path';
import type { Core } from '../../../../electron/core/app';
import type { Actor } from '../../../../electron/core/context';
import { createOffice } from '../../../../electron/core/office/identity';
import { testCore } from '../../../helpers/core-options';
import { ADMIN, tempDir } from '../../../helpers/temp-db';

/** 11:00 in Almaty on 10 March 2026: "today" for these tests. */
export const NOW = new Date('2026-03-10T06:00:00Z');

const opened: Core[] = [];
export function closeOffices(): void {
  for (const core of opened.splice(0)) core.close();
}

/** An office whose clock reads NOW (real SQLite on disk). */
export function office(code = 'KZ-75', now: () => Date = () => NOW): Core {
  const core = testCore(path.join(tempDir(), `${code}.sqlite`), { now });
  opened.push(core);
  createOffice(core.db, code);
  return core;
}

export const STAFF: Actor = { id: 'staff-1', login: 'aliya', displayName: 'Әлия', role: 'staff' };

export function person(core: Core, lastName: string, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'volunteers.create', { lastName, firstName: 'Тест', birthDate: '1990-01-01', ...extra }).id;
}

/** First aid (24 months, 3 of grace) and a program granting it; a session starting `start`. */
export function catalogue(core: Core, options: { capacity?: number; start?: string; end?: string; minAge?: number | null; prerequisite?: string | null } = {}) {
  const firstAid = core.callAs(ADMIN, 'trainings.kinds.add', { names: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, validityMonths: 24, graceMonths: 3 }).id;
  const programId = core.callAs(ADMIN, 'trainings.programs.add', {
    title: { ru: 'Первая помощь: базовый курс', kk: 'Алғашқы көмек: негізгі курс' }, hours: 8, passMark: 70, grants: firstAid,
    minAge: options.minAge ?? 16, prerequisite: options.prerequisite ?? null,
  }).id;
  const sessionId = core.callAs(ADMIN, 'trainings.sessions.add', {
    programId, start: options.start ?? '2026-03-09', end: options.end ?? '2026-03-10', place: 'Алматы, Абай 10', capacity: options.capacity ?? 2,
  }).id;
  return { firstAid, programId, sessionId };
}

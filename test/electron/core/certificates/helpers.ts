import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';
import { catalogue, person } from '../trainings/helpers';

export { closeOffices, NOW, office, person, STAFF } from '../trainings/helpers';

/** A first-aid session (9–10 March 2026) that these people passed, and one who failed. */
export function passedSession(core: Core, passed: string[], failed: string[] = []): string {
  const { sessionId } = catalogue(core, { capacity: passed.length + failed.length + 1 });
  for (const v of [...passed, ...failed]) core.callAs(ADMIN, 'trainings.enrol', { sessionId, volunteerIds: [v] });
  for (const v of passed) core.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: v, outcome: 'passed', score: 90 });
  for (const v of failed) core.callAs(ADMIN, 'trainings.result', { sessionId, volunteerId: v, outcome: 'failed', score: 20 });
  return sessionId;
}

/** Hours typed by hand in 2026, verified unless told otherwise. */
export function hours(core: Core, volunteerId: string, amount: number, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'hours.add', { volunteerId, date: '2026-02-14', hours: amount, category: 'socialSupport', verified: true, ...extra }).id;
}

/** A volunteer with a Kazakh name as written. */
export const kazakh = (core: Core) => person(core, 'Жұмабеков', { firstName: 'Нұрсұлтан', middleName: 'Әлиұлы' });

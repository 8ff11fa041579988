import { describe, expect, it } from 'vitest';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { STAFF } from '../trainings/helpers';
import { event } from '../events/helpers';

describe('event checklists', () => {
  it('come from the category’s template once, take typed lines, and are ticked by staff with who and when', () => {
    const core = officeCore('KZ-19');
    const flood = event(core);
    expect(core.callAs(ADMIN, 'checklists.fromTemplate', { eventId: flood })).toEqual({ added: 7 });
    expect(core.callAs(ADMIN, 'checklists.fromTemplate', { eventId: flood })).toEqual({ added: 0 });
    core.callAs(ADMIN, 'checklists.add', { eventId: flood, text: 'Взять лодку у МЧС' });
    const list = core.callAs(STAFF, 'logistics.event', { id: flood }).checklist;
    expect(list.map((l) => l.templateKey ?? l.text).slice(0, 2)).toEqual(['waterSafetyBriefing', 'lifeVests']);
    expect(list.at(-1)).toMatchObject({ templateKey: null, text: 'Взять лодку у МЧС', doneAt: null });
    core.callAs(STAFF, 'checklists.tick', { id: list[1]!.id, done: true });
    expect(core.callAs(STAFF, 'logistics.event', { id: flood }).checklist[1]).toMatchObject({ doneBy: 'aliya@KZ-19', doneAt: expect.any(String) });
    core.callAs(STAFF, 'checklists.tick', { id: list[1]!.id, done: false });
    expect(core.callAs(STAFF, 'logistics.event', { id: flood }).checklist[1]).toMatchObject({ doneBy: null, doneAt: null });
    expect(failure(() => core.callAs(STAFF, 'checklists.add', { eventId: flood, text: 'x' })).code).toBe('forbidden');
    expect(core.callAs(ADMIN, 'checklists.fromTemplate', { eventId: event(core, { category: 'forum' }) })).toEqual({ added: 5 });
  });

  it('stay as they were once the event is cancelled; a closed event’s can still be ticked', () => {
    const core = officeCore('KZ-19');
    const [cancelled, closed] = [event(core), event(core)];
    for (const id of [cancelled, closed]) core.callAs(ADMIN, 'checklists.fromTemplate', { eventId: id });
    const line = (id: string) => core.callAs(ADMIN, 'logistics.event', { id }).checklist[0]!.id;
    core.callAs(ADMIN, 'events.cancel', { id: cancelled });
    for (const refused of [
      () => core.callAs(ADMIN, 'checklists.tick', { id: line(cancelled), done: true }),
      () => core.callAs(ADMIN, 'checklists.add', { eventId: cancelled, text: 'Позвонить в акимат' }),
      () => core.callAs(ADMIN, 'checklists.fromTemplate', { eventId: cancelled }),
    ]) expect(failure(refused).key).toBe('error.logistics.checklistCancelled');
    core.callAs(ADMIN, 'events.update', { id: closed, patch: {}, status: 'closed' });
    core.callAs(ADMIN, 'checklists.tick', { id: line(closed), done: true });
    expect(core.callAs(ADMIN, 'logistics.event', { id: closed }).checklist[0]!.doneAt).not.toBeNull();
  });
});

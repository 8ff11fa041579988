import type { ChecklistRow } from '../../../shared/contract/logistics';
import { CHECKLIST_TEMPLATES } from '../../../shared/domain/logistics';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { loadEventFacts } from '../events/shared';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { refuse } from './shared';

/** An event's checklist: lines from its category's template (kept as keys, read in each reader's language) or typed. */

/** The event whose checklist may still change: a cancelled event's checklist stays as it was when cancelled. */
function openEvent(db: ReadDb, eventId: string) {
  const event = loadEventFacts(db, eventId);
  if (event.status === 'cancelled') throw refuse('error.logistics.checklistCancelled', 'The event is cancelled: its checklist stays as it was', undefined, 'conflict');
  return event;
}

const nextPosition = (db: ReadDb, eventId: string) =>
  (prepared(db, 'SELECT COALESCE(max(position), 0) + 1 FROM checklist_items WHERE event_id = ? AND deleted = 0').pluck().get(eventId) as number);

/** Adds the template's lines the checklist does not have yet; returns how many. */
export function fromTemplate(w: WriteStamp, eventId: string): number {
  const event = openEvent(w.db, eventId);
  // A new line of the event's checklist: the event's office writes it.
  assertMayChange(w.db, 'checklist_items', newId(), { event_id: eventId });
  const have = new Set(prepared(w.db, 'SELECT template_key FROM checklist_items WHERE event_id = ? AND deleted = 0 AND template_key IS NOT NULL').pluck().all(eventId) as string[]);
  let position = nextPosition(w.db, eventId);
  let added = 0;
  for (const key of CHECKLIST_TEMPLATES[event.category]) {
    if (have.has(key)) continue;
    insertReplicated(w, 'checklist_items', newId(), { event_id: eventId, template_key: key, text: null, position: position++, done_at: null, done_by: null, deleted: 0 });
    added++;
  }
  return added;
}

export function addLine(w: WriteStamp, eventId: string, text: string): string {
  openEvent(w.db, eventId);
  const id = newId();
  assertMayChange(w.db, 'checklist_items', id, { event_id: eventId });
  insertReplicated(w, 'checklist_items', id, { event_id: eventId, template_key: null, text: text.trim(), position: nextPosition(w.db, eventId), done_at: null, done_by: null, deleted: 0 });
  return id;
}

export function tick(w: WriteStamp, id: string, done: boolean): void {
  const eventId = prepared(w.db, 'SELECT event_id FROM checklist_items WHERE id = ? AND deleted = 0').pluck().get(id) as string | undefined;
  if (eventId === undefined) throw refuse('error.logistics.unknownChecklistLine', `No checklist line ${id}`, { id }, 'notFound');
  openEvent(w.db, eventId);
  assertMayChange(w.db, 'checklist_items', id);
  updateReplicated(w, 'checklist_items', id, done ? { done_at: w.at, done_by: w.actor } : { done_at: null, done_by: null });
}

export function checklistOf(db: ReadDb, eventId: string): ChecklistRow[] {
  return (prepared(db, 'SELECT id, template_key, text, done_at, done_by FROM checklist_items WHERE event_id = ? AND deleted = 0 ORDER BY position, id').all(eventId) as {
    id: string; template_key: string | null; text: string | null; done_at: string | null; done_by: string | null;
  }[]).map((r) => ({ id: r.id, templateKey: r.template_key, text: r.text ?? '', doneAt: r.done_at, doneBy: r.done_by }));
}

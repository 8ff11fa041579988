import { CallError } from '../../../shared/contract/errors';
import type { EventCategory, EventStatus } from '../../../shared/domain/events';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';

/** What the events modules share: loading an event or a shift, refusing with a key. */

export const refuse = (key: string, message: string, params?: Record<string, string | number>, code: 'validation' | 'conflict' | 'notFound' = 'validation') =>
  new CallError(params ? { code, key, params } : { code, key }, message);

/** A person's name as lists show it. */
export const PERSON_NAME_SQL = `v.last_name || ' ' || v.first_name || COALESCE(' ' || v.middle_name, '')`;

export interface EventFacts {
  id: string;
  title: string;
  category: EventCategory;
  start_date: string;
  end_date: string;
  region: string | null;
  status: EventStatus;
  office: string | null;
}

export interface ShiftFacts {
  id: string;
  event_id: string;
  title: string;
  start_at: string;
  end_at: string;
  needed: number;
  required_kinds: string | null;
  min_age: number | null;
  languages: string;
}

export function loadEventFacts(db: ReadDb, id: string): EventFacts {
  const row = prepared(db, 'SELECT id, title, category, start_date, end_date, region, status, office FROM events WHERE id = ? AND deleted = 0').get(id) as EventFacts | undefined;
  if (!row) throw refuse('error.events.unknownEvent', `No event ${id}`, { id }, 'notFound');
  return row;
}

export function loadShiftFacts(db: ReadDb, id: string): ShiftFacts {
  const row = prepared(
    db,
    'SELECT id, event_id, title, start_at, end_at, needed, required_kinds, min_age, languages FROM shifts WHERE id = ? AND deleted = 0',
  ).get(id) as ShiftFacts | undefined;
  if (!row) throw refuse('error.events.unknownShift', `No shift ${id}`, { id }, 'notFound');
  return row;
}

export const kindsOf = (shift: ShiftFacts): string[] => (shift.required_kinds ? (JSON.parse(shift.required_kinds) as string[]) : []);
export const languagesOf = (shift: ShiftFacts): string[] => JSON.parse(shift.languages || '[]') as string[];

/** A shift with its event, the pair every staffing rule reads. */
export function shiftWithEvent(db: ReadDb, shiftId: string): { shift: ShiftFacts; event: EventFacts } {
  const shift = loadShiftFacts(db, shiftId);
  return { shift, event: loadEventFacts(db, shift.event_id) };
}

import type { eventCalls } from '../../../shared/contract/events';
import { localDateTimeAt } from '../../../shared/domain/events';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import type { HandlerMap, ReadContext } from '../context';
import { auditRead } from '../audit/log';
import { generatedFile } from '../documents/file';
import { prepared } from '../db/statements';
import { assertMayChange, mayChangeHere } from '../exchange/authority';
import { readOffice } from '../office/identity';
import { resolveSurvivor } from '../replication/merges';
import { checkIn, checkOut, markNoShows } from './day';
import { hoursWorkbook, notifyWorkbook } from './export';
import { addByHand, correctEntry, listEntries, summary, totals, verifyEntry, verifyShift } from './ledger';
import { addEvent, addShift, cancelEvent, deleteShift, eventDetail, listEvents, updateEvent, updateShift } from './planning';
import { assign, remove, respond, suggest } from './staffing';
import { loadEventFacts, loadShiftFacts, refuse } from './shared';

const officeCode = (ctx: ReadContext) => readOffice(ctx.db)?.code ?? null;
/** Now on Kazakhstan's wall clock, the default check-in and check-out time. */
const nowHere = (ctx: ReadContext) => localDateTimeAt(ctx.now());

/**
 * Events and shifts are run by the office that created them (or the centre), so this office
 * never holds a change the others refuse (exchange/authority.ts). Assignments and hour entries
 * are checked where they are written (the event's office or the person's keeper).
 */
function eventRunHere(ctx: ReadContext, eventId: string): void {
  loadEventFacts(ctx.db, eventId);
  assertMayChange(ctx.db, 'events', eventId);
}

function shiftRunHere(ctx: ReadContext, shiftId: string): void {
  const shift = loadShiftFacts(ctx.db, shiftId);
  assertMayChange(ctx.db, 'shifts', shiftId);
  assertMayChange(ctx.db, 'events', shift.event_id);
}

/** A live person for hours typed by hand: unknown or erased ones are refused. */
function livePerson(ctx: ReadContext, asked: string): string {
  const id = resolveSurvivor(ctx.db, 'volunteers', asked);
  if (!prepared(ctx.db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id)) {
    throw refuse('error.volunteerNotFound', `No volunteer ${id}`, { id }, 'notFound');
  }
  return id;
}

export const eventHandlers: HandlerMap<keyof typeof eventCalls> = {
  'events.list': (query, ctx) => listEvents(ctx.db, query, nowHere(ctx)),
  // Another office's event is shown read-only: the screen hides what the core would refuse.
  'events.get': ({ id }, ctx) => ({ ...eventDetail(ctx.db, id), mayChange: mayChangeHere(ctx.db, 'events', id) }),
  'events.add': (input, ctx) => ({ id: addEvent(ctx.stamp(), input, officeCode(ctx)) }),
  'events.update': ({ id, patch, status }, ctx) => {
    eventRunHere(ctx, id);
    updateEvent(ctx.stamp(), id, patch, status);
    return { id };
  },
  'events.cancel': ({ id }, ctx) => {
    eventRunHere(ctx, id);
    return { notify: cancelEvent(ctx.stamp(), id) };
  },
  'events.notifyExport': ({ id, lang }, ctx) => {
    const event = loadEventFacts(ctx.db, id);
    const { file, rows } = notifyWorkbook(ctx.db, id, lang);
    auditRead(ctx, 'export.notify', id, { rows: String(rows) });
    return { ...generatedFile(`erikti-notify-${event.start_date}.xlsx`, file), rows };
  },

  'events.shifts.add': ({ eventId, ...input }, ctx) => {
    eventRunHere(ctx, eventId);
    return { id: addShift(ctx.stamp(), eventId, input) };
  },
  'events.shifts.update': ({ id, patch }, ctx) => {
    shiftRunHere(ctx, id);
    return { id, misfits: updateShift(ctx.stamp(), id, patch) };
  },
  'events.shifts.delete': ({ id }, ctx) => {
    shiftRunHere(ctx, id);
    deleteShift(ctx.stamp(), id);
    return { ok: true };
  },

  'events.suggest': ({ shiftId, limit }, ctx) => suggest(ctx.db, shiftId, limit),
  'events.assign': ({ shiftId, volunteerIds, walkIn }, ctx) => ({ outcomes: assign(ctx.stamp(), shiftId, volunteerIds, walkIn) }),
  'events.respond': ({ shiftId, volunteerId, answer }, ctx) => {
    respond(ctx.stamp(), shiftId, volunteerId, answer);
    return { ok: true };
  },
  'events.remove': ({ shiftId, volunteerId, reason }, ctx) => {
    remove(ctx.stamp(), shiftId, volunteerId, reason);
    return { ok: true };
  },
  'events.checkin': ({ shiftId, volunteerId, at }, ctx) => {
    checkIn(ctx.stamp(), shiftId, volunteerId, at ?? nowHere(ctx));
    return { ok: true };
  },
  'events.checkout': ({ shiftId, volunteerId, at }, ctx) => checkOut(ctx.stamp(), shiftId, volunteerId, at ?? nowHere(ctx)),
  'events.noShows': ({ shiftId }, ctx) => ({ noShows: markNoShows(ctx.stamp(), shiftId) }),

  'hours.add': ({ volunteerId, date, hours, eventId, category, note, verified }, ctx) => {
    const person = livePerson(ctx, volunteerId);
    const event = eventId ? loadEventFacts(ctx.db, eventId) : null;
    const id = addByHand(ctx.stamp(), {
      volunteerId: person, eventId: event?.id ?? null, shiftId: null, source: 'manual', date, hours, category: category ?? event?.category ?? null, note: note.trim() || null,
    }, verified);
    return { id };
  },
  'hours.verify': ({ id }, ctx) => {
    verifyEntry(ctx.stamp(), id);
    return { ok: true };
  },
  'hours.verifyShift': ({ shiftId }, ctx) => {
    loadShiftFacts(ctx.db, shiftId);
    return { verified: verifyShift(ctx.stamp(), shiftId) };
  },
  'hours.correct': ({ id, hours, reason }, ctx) => ({ id: correctEntry(ctx.stamp(), id, hours, reason) }),
  'hours.total': ({ volunteerId, ...query }, ctx) => totals(ctx.db, { ...query, volunteerId: volunteerId && resolveSurvivor(ctx.db, 'volunteers', volunteerId) }),
  'hours.list': ({ volunteerId, ...query }, ctx) => listEntries(ctx.db, { ...query, volunteerId: volunteerId && resolveSurvivor(ctx.db, 'volunteers', volunteerId) }),
  'hours.summary': (query, ctx) => summary(ctx.db, query),
  'hours.export': ({ lang, ...query }, ctx) => {
    const { file, rows } = hoursWorkbook(ctx.db, query, lang, ctx.progress);
    auditRead(ctx, 'export.hours', `${query.from ?? '…'} – ${query.to ?? '…'}`, { rows: String(rows) });
    return { ...generatedFile(`erikti-hours-${query.from ?? 'all'}-${query.to ?? todayInKazakhstan(ctx.now())}.xlsx`, file), rows };
  },
};


import type { logisticsCalls } from '../../../shared/contract/logistics';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import type { HandlerMap } from '../context';
import { generatedFile } from '../documents/file';
import { loadEventFacts } from '../events/shared';
import { allocate, eventLines, release, request } from './allocation';
import { addLine, checklistOf, fromTemplate, tick } from './checklists';
import { addItem, receive, receiveTransfer, stockList, transfer, transfers, writeOff } from './inventory';
import { handoutsOf, heldOn, issue, takeBack } from './issue-return';
import { printRoster } from './roster';
import { addPassengers, addTrip, addVehicle, cancelTrip, listVehicles, removePassenger, tripsOf } from './transport';

export const logisticsHandlers: HandlerMap<keyof typeof logisticsCalls> = {
  'inventory.list': ({ on, office }, ctx) => stockList(ctx.db, { on, office, now: ctx.now() }),
  'inventory.add': (input, ctx) => ({ id: addItem(ctx.stamp(), input) }),
  'inventory.receive': ({ itemId, quantity, reason }, ctx) => ({ id: receive(ctx.stamp(), itemId, quantity, reason) }),
  'inventory.writeOff': ({ itemId, quantity, reason }, ctx) => ({ id: writeOff(ctx.stamp(), itemId, quantity, reason) }),
  'inventory.transfer': ({ itemId, quantity, toOffice, reason }, ctx) => ({ id: transfer(ctx.stamp(), itemId, quantity, toOffice, reason) }),
  'inventory.transfers': (_input, ctx) => transfers(ctx.db),
  'inventory.receiveTransfer': ({ id, intoItemId }, ctx) => ({ itemId: receiveTransfer(ctx.stamp(), id, intoItemId) }),

  'logistics.event': ({ id }, ctx) => {
    loadEventFacts(ctx.db, id);
    return { eventId: id, lines: eventLines(ctx.db, id, todayInKazakhstan(ctx.now())), handouts: handoutsOf(ctx.db, id), held: heldOn(ctx.db, id), trips: tripsOf(ctx.db, id), checklist: checklistOf(ctx.db, id) };
  },
  'logistics.request': ({ eventId, itemId, quantity }, ctx) => {
    request(ctx.stamp(), eventId, itemId, quantity);
    return { ok: true };
  },
  'logistics.allocate': (input, ctx) => allocate(ctx.stamp(), input, todayInKazakhstan(ctx.now())),
  'logistics.release': ({ id }, ctx) => {
    release(ctx.stamp(), id);
    return { ok: true };
  },
  'logistics.issue': (input, ctx) => ({ id: issue(ctx.stamp(), input) }),
  'logistics.return': (input, ctx) => ({ id: takeBack(ctx.stamp(), input) }),

  'vehicles.list': (_input, ctx) => listVehicles(ctx.db),
  'vehicles.add': (input, ctx) => ({ id: addVehicle(ctx.stamp(), input) }),
  'trips.add': (input, ctx) => ({ id: addTrip(ctx.stamp(), input) }),
  'trips.cancel': ({ id }, ctx) => {
    cancelTrip(ctx.stamp(), id);
    return { ok: true };
  },
  'trips.passengers.add': ({ tripId, volunteerIds }, ctx) => {
    addPassengers(ctx.stamp(), tripId, volunteerIds);
    return { ok: true };
  },
  'trips.passengers.remove': ({ tripId, volunteerId }, ctx) => {
    removePassenger(ctx.stamp(), tripId, volunteerId);
    return { ok: true };
  },

  'checklists.fromTemplate': ({ eventId }, ctx) => ({ added: fromTemplate(ctx.stamp(), eventId) }),
  'checklists.add': ({ eventId, text }, ctx) => ({ id: addLine(ctx.stamp(), eventId, text) }),
  'checklists.tick': ({ id, done }, ctx) => {
    tick(ctx.stamp(), id, done);
    return { ok: true };
  },

  'logistics.roster': ({ id, lang }, ctx) => {
    const { fileName, file, pages } = printRoster(ctx.db, id, lang, ctx.now());
    return { ...generatedFile(fileName, file), pages };
  },
};

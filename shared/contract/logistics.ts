import { z } from 'zod';
import { localDateTime } from './events';
import { HANDOUT_KINDS, ITEM_KINDS, RETURN_CONDITIONS, VEHICLE_OWNERS } from '../domain/logistics';
import { OFFICE_CODES } from '../domain/regions';
import { isoDate, text } from '../domain/text';
import { DRIVING_CATEGORIES } from '../domain/vocabulary';
import { call, idOnly, ok } from './call';
import { generatedFile } from './files';

/**
 * Event logistics: inventory, allocation to events, issuing and returning, transport and
 * checklists, and the printed event roster. Planning (stock, allocations, vehicles, trips,
 * checklists) is a coordinator's; handing out and taking back equipment, and ticking a
 * checklist, is any staff member's. Counts of reusables are whole numbers (checked in the core,
 * which knows the item's kind).
 */

const id = z.string().min(1).max(64);
/** A count: positive, at most a million; whole for reusables (the core checks, knowing the kind). */
const quantity = z.number({ error: 'error.logistics.quantity' }).positive({ error: 'error.logistics.quantity' }).max(1_000_000, { error: 'error.logistics.quantity' });
const lang = z.enum(['kk', 'ru', 'en']).default('ru');
const required = (max: number) => text(max).refine((s) => s.trim() !== '', { error: 'error.required' });

// --- Inventory -----------------------------------------------------------------------------

export const itemInput = z.strictObject({
  /** The name in Kazakh and Russian; one of them is enough. */
  name: z.strictObject({ kk: text(200).default(''), ru: text(200).default('') }, { error: 'error.unknownField' })
    .refine((n) => n.kk.trim() !== '' || n.ru.trim() !== '', { error: 'error.required' }),
  kind: z.enum(ITEM_KINDS),
  unit: text(30).default('pcs'),
  /** The stock received with it (a receipt). */
  quantity: z.number({ error: 'error.logistics.quantity' }).min(0, { error: 'error.logistics.quantity' }).max(1_000_000, { error: 'error.logistics.quantity' }).default(0),
  inventoryNumber: text(100).default(''),
  storagePlace: text(200).default(''),
  minLevel: z.number().min(0).max(1_000_000).default(0),
}, { error: 'error.unknownField' });
export type ItemInput = z.input<typeof itemInput>;

export const stockRow = z.object({
  id: z.string(),
  office: z.string().nullable(),
  name: z.object({ kk: z.string(), ru: z.string() }),
  kind: z.enum(ITEM_KINDS),
  unit: z.string(),
  inventoryNumber: z.string(),
  storagePlace: z.string(),
  minLevel: z.number(),
  /** Owned here: received, less written off, sent away, used up (consumables) and lost or damaged (reusables). */
  onHand: z.number(),
  /** Issued to people and not yet back (reusables). */
  out: z.number(),
  /** Set aside for events on the day asked (reusables: the day's peak; consumables: what live events still await). */
  allocated: z.number(),
  /** On hand less allocated; below zero when offices allocated the same stock (a shortage). */
  free: z.number(),
  belowMinimum: z.boolean(),
});
export type StockRow = z.infer<typeof stockRow>;

export const transferRow = z.object({
  id: z.string(),
  itemId: z.string(),
  name: z.object({ kk: z.string(), ru: z.string() }),
  unit: z.string(),
  quantity: z.number(),
  from: z.string().nullable(),
  to: z.string(),
  sentOn: z.string(),
  receivedAt: z.string().nullable(),
});
export type TransferRow = z.infer<typeof transferRow>;

// --- An event's logistics ------------------------------------------------------------------

export const itemLine = z.object({
  itemId: z.string(),
  name: z.object({ kk: z.string(), ru: z.string() }),
  kind: z.enum(ITEM_KINDS),
  unit: z.string(),
  requested: z.number(),
  allocated: z.number(),
  issued: z.number(),
  returned: z.number(),
  /** Consumables issued and not returned; reusables lost or damaged. */
  used: z.number(),
  /** What this event could still be given in its period (others' allocations taken off). */
  free: z.number(),
  /** Requested or allocated beyond what is free for the event's period. */
  shortage: z.number(),
});
export type ItemLine = z.infer<typeof itemLine>;

export const handoutRow = z.object({
  id: z.string(),
  itemId: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  kind: z.enum(HANDOUT_KINDS),
  quantity: z.number(),
  condition: z.enum(RETURN_CONDITIONS).nullable(),
  at: z.string(),
});

/** What one person holds of one item for the event (the return sheet). */
export const heldRow = z.object({ itemId: z.string(), volunteerId: z.string(), name: z.string(), phone: z.string().nullable(), out: z.number() });
export type HeldRow = z.infer<typeof heldRow>;

export const vehicleRow = z.object({
  id: z.string(),
  office: z.string().nullable(),
  plate: z.string(),
  model: z.string(),
  seats: z.number(),
  category: z.enum(DRIVING_CATEGORIES),
  owner: z.enum(VEHICLE_OWNERS),
  organisationId: z.string().nullable(),
  /** The partner organisation's name; null for the office's own vehicles. */
  organisation: z.string().nullable(),
});
export type VehicleRow = z.infer<typeof vehicleRow>;

/**
 * Another live trip that has the same vehicle or driver at an overlapping time. The core refuses
 * such a trip when it is added; two offices (or workstations) booking offline both keep theirs
 * after exchange, and each trip then shows the other until one is moved or cancelled.
 */
export const tripClash = z.object({
  with: z.enum(['vehicle', 'driver']),
  tripId: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  office: z.string().nullable(),
  departAt: z.string(),
  returnAt: z.string(),
});
export type TripClash = z.infer<typeof tripClash>;

export const tripRow = z.object({
  id: z.string(),
  eventId: z.string(),
  vehicleId: z.string(),
  plate: z.string(),
  model: z.string(),
  driverId: z.string(),
  driver: z.string(),
  driverPhone: z.string().nullable(),
  departAt: z.string(),
  returnAt: z.string(),
  departPlace: z.string(),
  destination: z.string(),
  seats: z.number(),
  passengers: z.array(z.object({ volunteerId: z.string(), name: z.string(), phone: z.string().nullable() })),
  clashes: z.array(tripClash),
});
export type TripRow = z.infer<typeof tripRow>;

export const checklistRow = z.object({
  id: z.string(),
  /** A template line's key (`logistics.template.<key>`), shown in the reader's language; null for a typed one. */
  templateKey: z.string().nullable(),
  text: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
});
export type ChecklistRow = z.infer<typeof checklistRow>;

export const eventLogistics = z.object({
  eventId: z.string(),
  lines: z.array(itemLine),
  handouts: z.array(handoutRow),
  held: z.array(heldRow),
  trips: z.array(tripRow),
  checklist: z.array(checklistRow),
});
export type EventLogistics = z.infer<typeof eventLogistics>;

export const tripInput = z.strictObject({
  eventId: id,
  vehicleId: id,
  driverId: id,
  departAt: localDateTime,
  returnAt: localDateTime,
  departPlace: required(300),
  destination: required(300),
  /** Seats for passengers; the vehicle's seats when left out. */
  seats: z.number().int().min(1).max(100).optional(),
}, { error: 'error.unknownField' });
export type TripInput = z.input<typeof tripInput>;

export const vehicleInput = z.strictObject({
  plate: required(20),
  model: text(100).default(''),
  seats: z.number().int({ error: 'error.logistics.quantity' }).min(1).max(100),
  category: z.enum(DRIVING_CATEGORIES),
  owner: z.enum(VEHICLE_OWNERS).default('office'),
  organisationId: id.nullable().default(null),
}, { error: 'error.unknownField' }).refine((v) => v.owner !== 'partner' || v.organisationId !== null, {
  path: ['organisationId'], error: 'error.logistics.partnerOrganisation',
});
export type VehicleInput = z.input<typeof vehicleInput>;

const onEventItem = { eventId: id, itemId: id };

export const logisticsCalls = {
  'inventory.list': call({
    access: 'staff',
    writes: false,
    /** `on`: the day whose allocations count (today when left out); `office`: another office's stock, or every office's ('all'). */
    input: z.strictObject({ on: isoDate.optional(), office: z.union([z.enum(OFFICE_CODES), z.literal('all')]).optional() }),
    output: z.array(stockRow),
  }),
  'inventory.add': call({ access: 'coordinator', writes: true, input: itemInput, output: z.object({ id: z.string() }) }),
  'inventory.receive': call({
    access: 'coordinator', writes: true, input: z.strictObject({ itemId: id, quantity, reason: text(300).default('') }), output: z.object({ id: z.string() }),
  }),
  'inventory.writeOff': call({
    access: 'coordinator', writes: true, input: z.strictObject({ itemId: id, quantity, reason: required(300) }), output: z.object({ id: z.string() }),
  }),
  /** Sends stock to another office; it counts there once that office, after exchange, receives it. */
  'inventory.transfer': call({
    access: 'coordinator', writes: true, input: z.strictObject({ itemId: id, quantity, toOffice: z.enum(OFFICE_CODES), reason: text(300).default('') }), output: z.object({ id: z.string() }),
  }),
  /** Transfers sent to this office and not yet received, and those it sent still on their way. */
  'inventory.transfers': call({ access: 'staff', writes: false, input: z.strictObject({}), output: z.object({ incoming: z.array(transferRow), outgoing: z.array(transferRow) }) }),
  /** Receives a transfer into an item of this office (a new one like the sender's when left out). */
  'inventory.receiveTransfer': call({
    access: 'coordinator', writes: true, input: z.strictObject({ id, intoItemId: id.optional() }), output: z.object({ itemId: z.string() }),
  }),

  'logistics.event': call({ access: 'staff', writes: false, input: idOnly, output: eventLogistics }),
  'logistics.request': call({ access: 'coordinator', writes: true, input: z.strictObject({ ...onEventItem, quantity: z.number().min(0).max(1_000_000) }), output: ok }),
  /** Refused with `error.logistics.shortage` ({free}) beyond what is free in the event's (or shift's) period. */
  'logistics.allocate': call({
    access: 'coordinator', writes: true, input: z.strictObject({ ...onEventItem, quantity, shiftId: id.optional() }), output: z.object({ id: z.string(), free: z.number() }),
  }),
  'logistics.release': call({ access: 'coordinator', writes: true, input: idOnly, output: ok }),
  'logistics.issue': call({
    access: 'staff', writes: true, input: z.strictObject({ ...onEventItem, volunteerId: id, quantity }), output: z.object({ id: z.string() }),
  }),
  'logistics.return': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ ...onEventItem, volunteerId: id, quantity, condition: z.enum(RETURN_CONDITIONS).default('ok'), note: text(500).default('') }),
    output: z.object({ id: z.string() }),
  }),

  'vehicles.list': call({ access: 'staff', writes: false, input: z.strictObject({}), output: z.array(vehicleRow) }),
  'vehicles.add': call({ access: 'coordinator', writes: true, input: vehicleInput, output: z.object({ id: z.string() }) }),
  'trips.add': call({ access: 'coordinator', writes: true, input: tripInput, output: z.object({ id: z.string() }) }),
  'trips.cancel': call({ access: 'coordinator', writes: true, input: idOnly, output: ok }),
  'trips.passengers.add': call({
    access: 'coordinator', writes: true, input: z.strictObject({ tripId: id, volunteerIds: z.array(id).min(1).max(100) }), output: ok,
  }),
  'trips.passengers.remove': call({ access: 'coordinator', writes: true, input: z.strictObject({ tripId: id, volunteerId: id }), output: ok }),

  /** Adds the lines of the event category's template not yet on its checklist. */
  'checklists.fromTemplate': call({ access: 'coordinator', writes: true, input: z.strictObject({ eventId: id }), output: z.object({ added: z.number() }) }),
  'checklists.add': call({ access: 'coordinator', writes: true, input: z.strictObject({ eventId: id, text: required(300) }), output: z.object({ id: z.string() }) }),
  /** Ticks (or unticks) a line, with who and when. */
  'checklists.tick': call({ access: 'staff', writes: true, input: z.strictObject({ id, done: z.boolean() }), output: ok }),

  /** The event roster for the field (A4 PDF): shifts, people and phones, trips, equipment; then the return sheet. */
  'logistics.roster': call({ access: 'staff', writes: false, input: z.strictObject({ id, lang }), output: generatedFile.extend({ pages: z.number() }) }),
};

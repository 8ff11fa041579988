import { wallClockText } from '../../../shared/domain/date-text';
import type { z } from 'zod';
import type { TripClash, TripRow, VehicleRow, tripInput, vehicleInput } from '../../../shared/contract/logistics';
import { isLiveEvent, localMinutes } from '../../../shared/domain/events';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { PERSON_NAME_SQL, loadEventFacts } from '../events/shared';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { isOnEvent, livePerson, refuseNotOnEvent } from './issue-return';
import { LIVE_EVENT_SQL, officeHere, refuse } from './shared';

/**
 * Vehicles, trips and their passengers. A driver needs the vehicle's category on their profile;
 * a vehicle or a driver is on one trip at a time; a trip carries no more people than its seats.
 * Trips of cancelled or closed events hold nothing (cancelling an event frees its vehicles,
 * drivers and seats everywhere, in any merge order).
 */

interface VehicleSql {
  id: string;
  office: string | null;
  plate: string;
  model: string | null;
  seats: number;
  category: VehicleRow['category'];
  owner: VehicleRow['owner'];
  organisation_id: string | null;
}

const vehicleOf = (v: VehicleSql & { organisation: string | null }): VehicleRow => ({
  id: v.id, office: v.office, plate: v.plate, model: v.model ?? '', seats: v.seats, category: v.category, owner: v.owner, organisationId: v.organisation_id,
  organisation: v.organisation,
});

function loadVehicle(db: ReadDb, id: string): VehicleSql {
  const v = prepared(db, 'SELECT * FROM vehicles WHERE id = ? AND deleted = 0').get(id) as VehicleSql | undefined;
  if (!v) throw refuse('error.logistics.unknownVehicle', `No vehicle ${id}`, { id }, 'notFound');
  return v;
}

export function addVehicle(w: WriteStamp, input: z.output<typeof vehicleInput>): string {
  if (input.organisationId && !prepared(w.db, 'SELECT 1 FROM organisations WHERE id = ? AND deleted = 0').get(input.organisationId)) {
    throw refuse('error.organisationNotFound', `No organisation ${input.organisationId}`, { id: input.organisationId }, 'notFound');
  }
  const id = newId();
  insertReplicated(w, 'vehicles', id, {
    office: officeHere(w.db), plate: input.plate.trim().toUpperCase(), model: input.model.trim() || null, seats: input.seats, category: input.category,
    owner: input.owner, organisation_id: input.owner === 'partner' ? input.organisationId : null, deleted: 0,
  });
  return id;
}

export const listVehicles = (db: ReadDb): VehicleRow[] =>
  (prepared(db, 'SELECT ve.*, o.name AS organisation FROM vehicles ve LEFT JOIN organisations o ON o.id = ve.organisation_id WHERE ve.deleted = 0 ORDER BY ve.plate, ve.id')
    .all() as (VehicleSql & { organisation: string | null })[]).map(vehicleOf);

interface TripSql {
  id: string;
  event_id: string;
  vehicle_id: string;
  driver_id: string;
  depart_at: string;
  return_at: string;
  depart_place: string | null;
  destination: string | null;
  seats: number;
}

/** The live trip of the vehicle or driver overlapping the period, if any. */
function clashingTrip(db: ReadDb, column: 'vehicle_id' | 'driver_id', id: string, from: string, to: string, except: string | null): TripSql | undefined {
  return prepared(
    db,
    `SELECT t.* FROM trips t JOIN events e ON e.id = t.event_id
     WHERE t.${column} = ? AND t.deleted = 0 AND ${LIVE_EVENT_SQL} AND t.depart_at < ? AND ? < t.return_at AND t.id IS NOT ? LIMIT 1`,
  ).get(id, to, from, except) as TripSql | undefined;
}

export function addTrip(w: WriteStamp, input: z.output<typeof tripInput>): string {
  const event = loadEventFacts(w.db, input.eventId);
  if (!isLiveEvent(event.status)) throw refuse('error.events.eventClosed', 'The event is cancelled or closed', undefined, 'conflict');
  const id = newId();
  assertMayChange(w.db, 'trips', id, { event_id: event.id });
  if (localMinutes(input.returnAt) <= localMinutes(input.departAt)) throw refuse('error.events.endBeforeStart', 'The trip comes back before it leaves');
  const vehicle = loadVehicle(w.db, input.vehicleId);
  const driverId = livePerson(w.db, input.driverId);
  const driver = prepared(w.db, `SELECT ${PERSON_NAME_SQL} AS name, v.driving_categories AS categories FROM volunteers v WHERE v.id = ?`).get(driverId) as { name: string; categories: string | null };
  const categories = JSON.parse(driver.categories ?? '[]') as string[];
  if (!categories.includes(vehicle.category)) {
    throw refuse('error.logistics.driverCategory', `${driver.name} has no category ${vehicle.category} for ${vehicle.plate}`, { driver: driver.name, category: vehicle.category, plate: vehicle.plate });
  }
  const seats = input.seats ?? vehicle.seats;
  if (seats > vehicle.seats) throw refuse('error.logistics.seatsOverVehicle', `${vehicle.plate} has ${vehicle.seats} seats`, { plate: vehicle.plate, seats: vehicle.seats });
  const busyVehicle = clashingTrip(w.db, 'vehicle_id', vehicle.id, input.departAt, input.returnAt, null);
  if (busyVehicle) {
    throw refuse('error.logistics.vehicleBusy', `${vehicle.plate} is on another trip`, { plate: vehicle.plate, from: wallClockText(busyVehicle.depart_at), to: wallClockText(busyVehicle.return_at) }, 'conflict');
  }
  const busyDriver = clashingTrip(w.db, 'driver_id', driverId, input.departAt, input.returnAt, null);
  if (busyDriver) {
    throw refuse('error.logistics.driverBusy', `${driver.name} drives another trip`, { driver: driver.name, from: wallClockText(busyDriver.depart_at), to: wallClockText(busyDriver.return_at) }, 'conflict');
  }
  insertReplicated(w, 'trips', id, {
    event_id: event.id, vehicle_id: vehicle.id, driver_id: driverId, depart_at: input.departAt, return_at: input.returnAt,
    depart_place: input.departPlace.trim(), destination: input.destination.trim(), seats, deleted: 0,
  });
  return id;
}

function loadTrip(db: ReadDb, id: string): TripSql {
  const t = prepared(db, 'SELECT * FROM trips WHERE id = ? AND deleted = 0').get(id) as TripSql | undefined;
  if (!t) throw refuse('error.logistics.unknownTrip', `No trip ${id}`, { id }, 'notFound');
  return t;
}

export function cancelTrip(w: WriteStamp, id: string): void {
  loadTrip(w.db, id);
  assertMayChange(w.db, 'trips', id);
  updateReplicated(w, 'trips', id, { deleted: 1 });
}

const passengerCount = (db: ReadDb, tripId: string) => prepared(db, 'SELECT count(*) FROM trip_passengers WHERE trip_id = ? AND deleted = 0').pluck().get(tripId) as number;

/** Seats people from the event's shifts; all or nothing, refused when they would not fit. */
export function addPassengers(w: WriteStamp, tripId: string, volunteerIds: string[]): void {
  const trip = loadTrip(w.db, tripId);
  assertMayChange(w.db, 'trip_passengers', tripId, { trip_id: tripId });
  const people = [...new Set(volunteerIds.map((v) => livePerson(w.db, v)))];
  const fresh = people.filter((p) => !prepared(w.db, 'SELECT 1 FROM trip_passengers WHERE trip_id = ? AND volunteer_id = ? AND deleted = 0').get(tripId, p));
  for (const p of fresh) if (p === trip.driver_id || !isOnEvent(w.db, trip.event_id, p)) refuseNotOnEvent(w.db, p, 'error.logistics.notOnEvent');
  const taken = passengerCount(w.db, tripId);
  if (taken + fresh.length > trip.seats) {
    throw refuse('error.logistics.seatsFull', `${trip.seats} seats, ${taken} taken`, { seats: trip.seats, taken, asked: fresh.length }, 'conflict');
  }
  for (const p of fresh) {
    const id = `${tripId}:${p}`;
    if (prepared(w.db, 'SELECT 1 FROM trip_passengers WHERE id = ?').get(id)) updateReplicated(w, 'trip_passengers', id, { deleted: 0 });
    else insertReplicated(w, 'trip_passengers', id, { trip_id: tripId, volunteer_id: p, deleted: 0 });
  }
}

export function removePassenger(w: WriteStamp, tripId: string, volunteerId: string): void {
  const id = `${tripId}:${livePerson(w.db, volunteerId)}`;
  assertMayChange(w.db, 'trip_passengers', id, { trip_id: tripId });
  if (!prepared(w.db, 'SELECT 1 FROM trip_passengers WHERE id = ? AND deleted = 0').get(id)) throw refuse('error.logistics.notPassenger', 'Not on this trip', undefined, 'notFound');
  updateReplicated(w, 'trip_passengers', id, { deleted: 1 });
}

/** The event's trips by departure, with vehicle, driver and passengers. */
export function tripsOf(db: ReadDb, eventId: string): TripRow[] {
  const trips = prepared(
    db,
    `SELECT t.*, ve.plate, ve.model, ${PERSON_NAME_SQL} AS driver, v.phone AS driver_phone
     FROM trips t JOIN vehicles ve ON ve.id = t.vehicle_id JOIN volunteers v ON v.id = t.driver_id
     WHERE t.event_id = ? AND t.deleted = 0 ORDER BY t.depart_at, t.id`,
  ).all(eventId) as (TripSql & { plate: string; model: string | null; driver: string; driver_phone: string | null })[];
  const passengers = prepared(
    db,
    `SELECT p.volunteer_id AS volunteerId, ${PERSON_NAME_SQL} AS name, v.phone FROM trip_passengers p JOIN volunteers v ON v.id = p.volunteer_id
     WHERE p.trip_id = ? AND p.deleted = 0 ORDER BY v.sort_name, v.id`,
  );
  // Only a live event's trips hold their vehicle and driver, so only they clash.
  const clashes = prepared(
    db,
    `SELECT o.id AS tripId, o.vehicle_id, o.driver_id, o.depart_at AS departAt, o.return_at AS returnAt, e.id AS eventId, e.title AS eventTitle, e.office
     FROM trips o JOIN events e ON e.id = o.event_id
     WHERE (o.vehicle_id = ? OR o.driver_id = ?) AND o.id <> ? AND o.deleted = 0 AND ${LIVE_EVENT_SQL} AND o.depart_at < ? AND ? < o.return_at
     ORDER BY o.depart_at, o.id`,
  );
  const live = isLiveEvent(loadEventFacts(db, eventId).status);
  const clashesOf = (t: TripSql): TripClash[] =>
    !live ? [] : (clashes.all(t.vehicle_id, t.driver_id, t.id, t.return_at, t.depart_at) as (Omit<TripClash, 'with'> & { vehicle_id: string; driver_id: string })[])
      .flatMap(({ vehicle_id, driver_id, ...other }) => [
        ...(vehicle_id === t.vehicle_id ? [{ with: 'vehicle' as const, ...other }] : []),
        ...(driver_id === t.driver_id ? [{ with: 'driver' as const, ...other }] : []),
      ]);
  return trips.map((t) => ({
    id: t.id, eventId: t.event_id, vehicleId: t.vehicle_id, plate: t.plate, model: t.model ?? '', driverId: t.driver_id, driver: t.driver, driverPhone: t.driver_phone,
    departAt: t.depart_at, returnAt: t.return_at, departPlace: t.depart_place ?? '', destination: t.destination ?? '', seats: t.seats,
    passengers: passengers.all(t.id) as TripRow['passengers'],
    clashes: clashesOf(t),
  }));
}

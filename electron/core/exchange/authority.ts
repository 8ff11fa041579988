import { CallError } from '../../../shared/contract/errors';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { readOffice } from '../office/identity';
import type { RemoteRow } from '../replication/merge';
import type { ReplicatedTable, SqlValue } from '../replication/tables';
import { readRowClock } from '../replication/write';
import { CENTRE } from '../office/trust';

/**
 * Which changes an office may make to the country's records, checked at import for every change
 * by the office that AUTHORED it (a field's clock entry names its author `login@OFFICE`; the
 * centre relays other offices' changes under their original authors), and before every local
 * write by this office (assertMayChange), so no office holds a change the others refuse.
 *
 * The rule depends only on the change and on facts that never change and are the same at every
 * office, so every office takes the same decision whatever order bundles arrive in, and offices
 * still converge:
 * - the centre may change anything;
 * - a regional office may create records, and change or erase the people and organisations it
 *   created (a UUIDv7 record's creation stamp and author are written once and replicated as is);
 * - people merged into one are one person: the creators of the survivor and of every record
 *   merged into it may change any of them (the merges are replicated; an import decides after
 *   its own merge records are in, see importBundle);
 * - memberships follow the person and the organisation they join (the keepers of either);
 * - qualification kinds, programs and training sessions follow their creator (the centre's
 *   national ones are the centre's); reopenings follow the session; enrolments and qualifications
 *   follow the session and the person (the keepers of either);
 * - events and shifts follow their creator; assignments and hour entries follow the event and the
 *   person (the keepers of either);
 * - certificates follow the issuing office and the holder (the keepers of either; locally only
 *   the issuing office or the centre revokes);
 * - attachments follow the person they belong to;
 * - inventory items and vehicles follow their creator; stock movements and handouts follow the
 *   item (only the office holding it counts it in and out), except a transfer's receipt marks,
 *   which are the receiving office's; requests, trips and checklists follow the event, seats the
 *   trip's event; allocations follow the event and the item (the keepers of either);
 *   merge decisions follow the record merged away.
 * A record's region is deliberately not part of the rule: it is itself a field that changes, and
 * two offices that saw a move and an edit in different orders would decide differently and
 * diverge for good. `distinct_pairs` (only "do not suggest these two again") are not restricted.
 */

/** The office of an author `login@OFFICE`. */
export const officeOfActor = (actor: string): string => actor.slice(actor.lastIndexOf('@') + 1);

/** One change an import did not apply because its author may not make it. */
export interface RefusedChange {
  table: ReplicatedTable;
  id: string;
  field: string;
  office: string;
}

/** The office that created a UUIDv7 record: as held here, else as the incoming row states it. */
function creatorOffice(db: ReadDb, table: ReplicatedTable, id: string, incoming?: RemoteRow): string | null {
  const clock = readRowClock(db, table, id);
  if (clock) return officeOfActor(clock.actor);
  return incoming && incoming.t === table && incoming.id === id ? officeOfActor(incoming.a) : null;
}

/**
 * Owners an import has already looked up, by table and id. An import checks every row, and the
 * rows of a national bundle name the same events and people over and over (a ledger entry names
 * both): looking them up once instead of several queries a row is a large part of its speed.
 * A held record's creator never changes, so only merge records, and a record that merges name
 * arriving, can change whom a record answers to: the import forgets everything when either
 * happens (import.ts), so a cached answer is always the one a fresh lookup would give.
 */
export type OwnersCache = Map<string, Set<string>>;

/** The offices that may change a person or an organisation: its creator, and its survivor's creator when merged away. */
function ownersOf(db: ReadDb, table: ReplicatedTable, id: string, incoming?: RemoteRow, cache?: OwnersCache): Set<string> | null {
  // The row being checked is not cached: while it is not held, its own values answer.
  const cacheable = cache !== undefined && !(incoming && incoming.t === table && incoming.id === id);
  const key = `${table}\u0000${id}`;
  if (cacheable) {
    const known = cache.get(key);
    if (known) return known;
  }
  const owners = lookUpOwners(db, table, id, incoming);
  if (cacheable && owners) cache.set(key, owners);
  return owners;
}

function lookUpOwners(db: ReadDb, table: ReplicatedTable, id: string, incoming?: RemoteRow): Set<string> | null {
  const owners = new Set<string>();
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    const creator = creatorOffice(db, table, current, incoming);
    if (creator === null) return owners.size > 0 ? owners : null;
    owners.add(creator);
    // The people merged into it are the same person: their creators keep their say (and the values
    // the merge carried over from them keep their authors).
    const losers = prepared(db, 'SELECT loser_id FROM merges WHERE tbl = ? AND survivor_id = ? AND deleted = 0').pluck().all(table, current) as string[];
    for (const loser of losers) {
      const office = creatorOffice(db, table, loser);
      if (office) owners.add(office);
    }
    const next = prepared(db, 'SELECT survivor_id FROM merges WHERE tbl = ? AND loser_id = ? AND deleted = 0 ORDER BY survivor_id LIMIT 1').pluck().get(table, current) as
      | string
      | undefined;
    if (!next || next === current) break;
    current = next;
  }
  return owners;
}

/** The records whose owners decide a change of a row: the person or organisation it is about. */
function governingRecords(db: ReadDb, table: ReplicatedTable, id: string, values: Record<string, SqlValue>): { table: ReplicatedTable; id: string }[] | null {
  const field = (name: string): SqlValue | undefined => {
    if (name in values) return values[name];
    return prepared(db, `SELECT ${name} FROM ${table} WHERE id = ?`).pluck().get(id) as SqlValue | undefined;
  };
  switch (table) {
    case 'volunteers':
    case 'organisations':
      return [{ table, id }];
    case 'memberships': {
      // A membership joins a person and an organisation: the keepers of either may change it, so an
      // office keeps the member list of its organisations and the memberships of its people.
      const out: { table: ReplicatedTable; id: string }[] = [];
      const volunteer = field('volunteer_id');
      const organisation = field('organisation_id');
      if (typeof volunteer === 'string') out.push({ table: 'volunteers', id: volunteer });
      if (typeof organisation === 'string') out.push({ table: 'organisations', id: organisation });
      return out.length > 0 ? out : null;
    }
    case 'qualification_kinds':
    case 'programs':
    case 'training_sessions':
      // The office that set them up runs them; the centre's national kinds and programs are the centre's.
      return [{ table, id }];
    case 'training_reopenings': {
      const session = field('session_id');
      return typeof session === 'string' ? [{ table: 'training_sessions', id: session }] : null;
    }
    case 'enrolments':
    case 'qualifications': {
      // The session's office enrols, marks and grants; the person's keeper may too (a qualification
      // recorded by hand has no session).
      const out: { table: ReplicatedTable; id: string }[] = [];
      const session = field('session_id');
      const volunteer = field('volunteer_id');
      if (typeof session === 'string') out.push({ table: 'training_sessions', id: session });
      if (typeof volunteer === 'string') out.push({ table: 'volunteers', id: volunteer });
      return out.length > 0 ? out : null;
    }
    case 'events':
    case 'shifts':
      // The office that planned them runs them.
      return [{ table, id }];
    case 'assignments':
    case 'hour_entries': {
      // The event's office staffs it and keeps its hours; the person's keeper may too (hours typed
      // by hand have no event).
      const out: { table: ReplicatedTable; id: string }[] = [];
      const event = field('event_id');
      const volunteer = field('volunteer_id');
      if (typeof event === 'string') out.push({ table: 'events', id: event });
      if (typeof volunteer === 'string') out.push({ table: 'volunteers', id: volunteer });
      return out.length > 0 ? out : null;
    }
    case 'attachments': {
      // A person's documents are kept by the person's keepers, like the rest of the record.
      const volunteer = field('volunteer_id');
      return typeof volunteer === 'string' ? [{ table: 'volunteers', id: volunteer }] : null;
    }
    case 'certificates': {
      // The issuing office keeps its register (revokes); the holder's keeper too, so that erasing the
      // person can blank the names on their certificates everywhere.
      const volunteer = field('volunteer_id');
      return typeof volunteer === 'string' ? [{ table, id }, { table: 'volunteers', id: volunteer }] : [{ table, id }];
    }
    case 'inventory_items':
    case 'vehicles':
      // An office's store and fleet are its own.
      return [{ table, id }];
    case 'stock_movements':
    case 'handouts': {
      // Only the office holding an item counts it in and out (see logistics/shared.ts assertHeldHere):
      // its receipts, write-offs, transfers, issues and returns follow the item. A transfer's receipt
      // marks are the receiving office's (receiptKeepers).
      const item = field('item_id');
      return typeof item === 'string' ? [{ table: 'inventory_items', id: item }] : null;
    }
    case 'logistics_requests':
    case 'trips':
    case 'checklist_items': {
      // The office that runs the event plans it: what it needs, its trips and its checklist.
      const event = field('event_id');
      return typeof event === 'string' ? [{ table: 'events', id: event }] : null;
    }
    case 'allocations': {
      // Stock set aside for an event: the event's office, and the office holding the stock (which
      // may release what it cannot give).
      const out: { table: ReplicatedTable; id: string }[] = [];
      const event = field('event_id');
      const item = field('item_id');
      if (typeof event === 'string') out.push({ table: 'events', id: event });
      if (typeof item === 'string') out.push({ table: 'inventory_items', id: item });
      return out.length > 0 ? out : null;
    }
    case 'trip_passengers': {
      // Seats follow the trip's event (a trip's event is written once, when the trip is planned).
      const trip = field('trip_id');
      const event = typeof trip === 'string' ? (prepared(db, 'SELECT event_id FROM trips WHERE id = ?').pluck().get(trip) as string | undefined) : undefined;
      return event ? [{ table: 'events', id: event }] : null;
    }
    case 'merges': {
      const tbl = field('tbl');
      const loser = field('loser_id');
      return (tbl === 'volunteers' || tbl === 'organisations') && typeof loser === 'string' ? [{ table: tbl, id: loser }] : null;
    }
    default:
      return null;
  }
}

/** The offices that may change a row besides the centre; null when nothing here restricts it. */
function keepersOf(db: ReadDb, table: ReplicatedTable, id: string, values: Record<string, SqlValue>, incoming?: RemoteRow, cache?: OwnersCache): Set<string> | null {
  const governing = governingRecords(db, table, id, values);
  if (!governing) return null;
  const keepers = new Set<string>();
  for (const g of governing) {
    // A record not held here cannot be protected here (nor decided alike everywhere): as before
    // it arrives, the row is not restricted.
    const owners = ownersOf(db, g.table, g.id, incoming, cache);
    if (!owners) return null;
    for (const o of owners) keepers.add(o);
  }
  return keepers;
}

const officeMay = (office: string, keepers: Set<string> | null) => office === CENTRE || keepers === null || keepers.has(office);

/** The office that keeps a person or an organisation (its creator), as this office holds it. */
export function keeperOf(db: ReadDb, table: 'volunteers' | 'organisations', id: string): string | null {
  return creatorOffice(db, table, id);
}

/**
 * Whether `office` may write `values` to the row: the rule imports apply, asked before a local
 * write, so an office never holds a change every other office will refuse.
 */
export function officeMayChange(db: ReadDb, office: string, table: ReplicatedTable, id: string, values: Record<string, SqlValue> = {}): boolean {
  return officeMay(office, keepersOf(db, table, id, values));
}

/** Whether this office may make the write (a database with no office identity writes nothing that can travel). */
export function mayChangeHere(db: ReadDb, table: ReplicatedTable, id: string, values: Record<string, SqlValue> = {}): boolean {
  const office = readOffice(db)?.code;
  return !office || officeMayChange(db, office, table, id, values);
}

/**
 * Refuses a local write this office may not make (see officeMayChange), naming the office that
 * keeps the record.
 */
export function assertMayChange(db: ReadDb, table: ReplicatedTable, id: string, values: Record<string, SqlValue> = {}): void {
  if (mayChangeHere(db, table, id, values)) return;
  // A membership is refused only when the office keeps neither side: name the person's keeper.
  const record = governingRecords(db, table, id, values)?.[0];
  const keeper = (record && creatorOffice(db, record.table, record.id)) ?? CENTRE;
  const key =
    record?.table === 'organisations' ? 'error.organisationKeptElsewhere' : record?.table === 'volunteers' ? 'error.personKeptElsewhere' : 'error.recordKeptElsewhere';
  throw new CallError({ code: 'forbidden', key, params: { office: keeper } }, `${table} ${id} is kept by the ${keeper} office: only it or the centre may change it`);
}

/**
 * A transfer's receipt marks are written by the office it was sent to, not by the item's keeper
 * (which writes them only empty, when it makes the transfer): its `to_office` is written once, by
 * the sender, when the transfer is made (no call changes it).
 */
const RECEIPT_FIELDS = new Set(['received_at', 'received_by', 'received_item_id']);

function receivingOffice(db: ReadDb, row: RemoteRow): string | null {
  const held = prepared(db, 'SELECT to_office FROM stock_movements WHERE id = ?').pluck().get(row.id) as string | null | undefined;
  const to = held !== undefined ? held : row.v.to_office;
  return typeof to === 'string' ? to : null;
}

/**
 * Splits an incoming row into what its authors may change here and what they may not. Returns
 * the row to apply (null when nothing of it may be applied) and the refused changes. A record
 * new here that carries a refused change is not taken from this bundle at all: its earlier
 * values are not in the row, and an office that holds it without the change sends it whole.
 */
export function checkAuthority(db: ReadDb, row: RemoteRow, cache?: OwnersCache): { row: RemoteRow | null; refused: RefusedChange[] } {
  // Null: nothing here to protect (a membership of people unknown here), or an unrestricted table.
  const keepers = keepersOf(db, row.t, row.id, row.v, row, cache);
  if (!keepers) return { row, refused: [] };
  const receiver = row.t === 'stock_movements' ? receivingOffice(db, row) : null;
  const may = (actor: string, field: string) => {
    const office = officeOfActor(actor);
    if (!RECEIPT_FIELDS.has(field) || row.t !== 'stock_movements') return officeMay(office, keepers);
    // The sender writes them empty when it makes the transfer.
    return office === CENTRE || office === receiver || (row.v[field] === null && officeMay(office, keepers));
  };
  const refused: RefusedChange[] = [];
  for (const field of Object.keys(row.v)) {
    const author = row.c?.[field]?.[1] ?? row.a;
    if (!may(author, field)) refused.push({ table: row.t, id: row.id, field, office: officeOfActor(author) });
  }
  if (refused.length === 0) return { row, refused };
  if (!readRowClock(db, row.t, row.id)) return { row: null, refused };
  const v = { ...row.v };
  const c = row.c ? { ...row.c } : undefined;
  for (const r of refused) {
    delete v[r.field];
    if (c) delete c[r.field];
  }
  if (Object.keys(v).length === 0) return { row: null, refused };
  return { row: { ...row, v, c }, refused };
}

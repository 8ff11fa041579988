import type { Db } from '../db/connection';
import type { RemoteRow } from '../replication/merge';
import type { ReplicatedTable, SqlValue } from '../replication/tables';
import { prepared, readRowClock } from '../replication/write';
import { CENTRE } from './trust';

/**
 * Which changes an office may make to the country's records, checked at import for every change
 * by the office that AUTHORED it (a field's clock entry names its author `login@OFFICE`; the
 * centre relays other offices' changes under their original authors).
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
 * - memberships follow their volunteer; merge decisions follow the record merged away.
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
function creatorOffice(db: Db, table: ReplicatedTable, id: string, incoming?: RemoteRow): string | null {
  const clock = readRowClock(db, table, id);
  if (clock) return officeOfActor(clock.actor);
  return incoming && incoming.t === table && incoming.id === id ? officeOfActor(incoming.a) : null;
}

/** The offices that may change a person or an organisation: its creator, and its survivor's creator when merged away. */
function ownersOf(db: Db, table: ReplicatedTable, id: string, incoming?: RemoteRow): Set<string> | null {
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

/** The record whose owners decide a change of `row` (the person a membership or merge is about). */
function governingRecord(db: Db, row: RemoteRow): { table: ReplicatedTable; id: string } | null {
  const field = (name: string): SqlValue | undefined => {
    if (name in row.v) return row.v[name];
    const held = prepared(db, `SELECT ${name} FROM ${row.t} WHERE id = ?`).pluck().get(row.id) as SqlValue | undefined;
    return held;
  };
  switch (row.t) {
    case 'volunteers':
    case 'organisations':
      return { table: row.t, id: row.id };
    case 'memberships': {
      const volunteer = field('volunteer_id');
      return typeof volunteer === 'string' ? { table: 'volunteers', id: volunteer } : null;
    }
    case 'merges': {
      const table = field('tbl');
      const loser = field('loser_id');
      return (table === 'volunteers' || table === 'organisations') && typeof loser === 'string' ? { table, id: loser } : null;
    }
    default:
      return null;
  }
}

/**
 * Splits an incoming row into what its authors may change here and what they may not. Returns
 * the row to apply (null when nothing of it may be applied) and the refused changes. A record
 * new here that carries a refused change is not taken from this bundle at all: its earlier
 * values are not in the row, and an office that holds it without the change sends it whole.
 */
export function checkAuthority(db: Db, row: RemoteRow): { row: RemoteRow | null; refused: RefusedChange[] } {
  const governing = governingRecord(db, row);
  // Nothing here to protect (a membership of a person unknown here), or an unrestricted table.
  const owners = governing ? ownersOf(db, governing.table, governing.id, row) : null;
  if (!owners) return { row, refused: [] };
  const may = (actor: string) => {
    const office = officeOfActor(actor);
    return office === CENTRE || owners.has(office);
  };
  const refused: RefusedChange[] = [];
  for (const field of Object.keys(row.v)) {
    const author = row.c?.[field]?.[1] ?? row.a;
    if (!may(author)) refused.push({ table: row.t, id: row.id, field, office: officeOfActor(author) });
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

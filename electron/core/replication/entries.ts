/**
 * The clock of one field of one record.
 *
 * - `s`: the hybrid-logical-clock stamp of the write that produced the current value. String
 *   order is clock order, the same at every office, so the larger stamp wins (last writer wins).
 * - `a`: who wrote it ("login@OFFICE").
 * - `p`: the stamps this value replaced, newest first (at most ANCESTORS). An incoming value
 *   whose ancestors hold the local stamp descends from it (a fast-forward); a local value whose
 *   ancestors hold the incoming stamp already superseded it; otherwise the two are concurrent and
 *   the loser goes to the conflict log.
 * - `k`: only on a deletion (`deleted` = 1): the stamp of every field as the deleter saw it
 *   (`*` for fields still at the creation stamp). A field of the merged record holding any other
 *   stamp than that or the deletion's own is an edit the deleter did not know: a
 *   delete-versus-edit conflict, a pure function of the merged state, so every office agrees.
 * - `q`: local only, never exchanged: the order in which this database learned the value
 *   (incremental export sends fields learned after what a recipient was sent).
 */
export interface FieldEntry {
  s: string;
  a: string;
  p: string[];
  k?: Seen;
  q: number;
}

/** What a deleter had seen: field → stamp, `*` → the creation stamp. */
export type Seen = Record<string, string>;

/** On the wire: [stamp, actor, ancestors, seen?]. */
export type WireEntry = [string, string, string[]] | [string, string, string[], Seen];

export const ANCESTORS = 4;

/** A row of `row_clock`. Fields without an explicit entry carry the creation stamp. */
export interface RowClock {
  tbl: string;
  row_id: string;
  base: string;
  actor: string;
  fields: string;
  seq: number;
  base_seq: number;
}

type Stored = [string, string, number, string[]?, Seen?];

export function parseEntries(clock: RowClock): Record<string, FieldEntry> {
  const raw = JSON.parse(clock.fields) as Record<string, Stored | string>;
  const out: Record<string, FieldEntry> = {};
  for (const [field, value] of Object.entries(raw)) {
    if (typeof value === 'string') {
      out[field] = { s: value, a: clock.actor, p: [], q: clock.seq };
    } else {
      const entry: FieldEntry = { s: value[0], a: value[1], q: value[2], p: value[3] ?? [] };
      if (value[4]) entry.k = value[4];
      out[field] = entry;
    }
  }
  return out;
}

export function baseEntry(clock: Pick<RowClock, 'base' | 'actor' | 'base_seq'>): FieldEntry {
  return { s: clock.base, a: clock.actor, p: [], q: clock.base_seq };
}

export function entryOf(clock: RowClock, entries: Record<string, FieldEntry>, field: string): FieldEntry {
  return entries[field] ?? baseEntry(clock);
}

/** Serialises explicit entries, leaving out those equal to the creation stamp. */
export function serializeEntries(clock: Pick<RowClock, 'base' | 'actor'>, entries: Record<string, FieldEntry>): string {
  const out: Record<string, Stored> = {};
  for (const field of Object.keys(entries).sort()) {
    const e = entries[field]!;
    if (e.s === clock.base && e.a === clock.actor && e.p.length === 0 && !e.k) continue;
    const stored: Stored = [e.s, e.a, e.q];
    if (e.p.length || e.k) stored.push(e.p);
    if (e.k) stored.push(e.k);
    out[field] = stored;
  }
  return JSON.stringify(out);
}

export function toWire(e: FieldEntry): WireEntry {
  return e.k ? [e.s, e.a, e.p, e.k] : [e.s, e.a, e.p];
}

export function fromWire(w: WireEntry, q: number): FieldEntry {
  const e: FieldEntry = { s: w[0], a: w[1], p: w[2], q };
  if (w[3]) e.k = w[3];
  return e;
}

/** The replica that wrote a stamp (its last part): it already holds that value. */
export function stampReplica(stamp: string): string {
  return stamp.slice(stamp.indexOf('.', 14) + 1);
}

export type Relation = 'same' | 'descends' | 'stale' | 'concurrent';

/** How an incoming value relates to the local one (see FieldEntry). */
export function relate(incoming: Pick<FieldEntry, 's' | 'p'>, local: Pick<FieldEntry, 's' | 'p'>): Relation {
  if (incoming.s === local.s) return 'same';
  if (incoming.p.includes(local.s)) return 'descends';
  if (local.p.includes(incoming.s)) return 'stale';
  return 'concurrent';
}

/** The ancestors of a value that replaces `previous` (newest first, bounded, no repeats). */
export function ancestorsAfter(previous: FieldEntry, extra: string[] = []): string[] {
  const out: string[] = [];
  for (const s of [previous.s, ...extra, ...previous.p]) if (!out.includes(s)) out.push(s);
  return out.slice(0, ANCESTORS);
}

let lastStampMs = '';
let lastStampTime = '';

/**
 * ISO time of a stamp's wall-clock part (for the audit columns of imported rows). A bundle's
 * records come in runs written within one millisecond, so the last answer is kept.
 */
export function stampTime(stamp: string): string {
  const prefix = stamp.slice(0, 13);
  if (prefix === lastStampMs) return lastStampTime;
  const ms = Number(prefix);
  lastStampMs = prefix;
  lastStampTime = Number.isFinite(ms) ? new Date(ms).toISOString() : new Date(0).toISOString();
  return lastStampTime;
}

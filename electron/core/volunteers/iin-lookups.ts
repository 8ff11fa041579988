import { createHmac } from 'node:crypto';
import { CallError } from '../../../shared/contract/errors';
import { roleAtLeast } from '../../../shared/domain/vocabulary';
import { actorOf, type ReadContext } from '../context';
import { prepared } from '../db/statements';
import type { ReadDb } from '../db/read-only';

/**
 * Who may read IINs, and the counting of staff's exact-IIN lookups: shared by every domain that
 * shows or searches IINs (volunteers, roster), so it holds no handlers.
 *
 * The IIN is restricted-access data (Law No. 94-V): staff never read it, and the only way a staff
 * account may learn anything about who holds an IIN is to name the complete number (a person at
 * the desk gives theirs). Each such lookup is counted against a per-user limit and recorded.
 */

/** Coordinators and administrators read IINs; staff see them masked and their lookups are counted. */
export const canReadIin = (ctx: ReadContext) => roleAtLeast(actorOf(ctx).role, 'coordinator');

/**
 * A busy desk registers or finds a person every two minutes or so: 30 new IINs an hour and 200 a
 * day cover a full event day for one staff member. Someone who knows a person's birth date and sex
 * (shown to staff) still has about 9,000 possible IINs to try; at 200 a day that takes weeks, and
 * every try is in the record an administrator reads.
 */
export const IIN_LOOKUP_LIMITS = { perHour: 30, perDay: 200 } as const;

/** Audit records older than this are dropped: long enough for a yearly review, no longer. */
const KEEP_DAYS = 365;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type IinLookupCall =
  | 'volunteers.search'
  | 'volunteers.checkIin'
  | 'volunteers.create'
  | 'volunteers.update'
  | 'roster.preview'
  | 'roster.import'
  | 'roster.problemRows'
  | 'roster.export'
  | 'volunteers.bulk';

const keys = new WeakMap<ReadDb, Buffer>();
function lookupKey(db: ReadDb): Buffer {
  let key = keys.get(db);
  if (!key) {
    const row = prepared(db, "SELECT value FROM local_secrets WHERE name = 'iin-lookup-key'").get() as { value: Buffer } | undefined;
    if (!row) throw new Error('The IIN lookup key is missing (schema 3 creates it)');
    keys.set(db, (key = row.value));
  }
  return key;
}

/** A keyed hash: the same IIN gives the same value here, and the value alone does not give the IIN back. */
function iinHash(db: ReadDb, iin: string): string {
  return createHmac('sha256', lookupKey(db)).update(iin).digest('hex').slice(0, 32);
}

/**
 * Whether an answer about this IIN can tell staff anything new: only if some registered IIN
 * starts with the same seven digits (birth date, century and sex, which staff already see). An
 * IIN nobody could hold answers "not registered" and says nothing about anyone, so registering new
 * people (by hand or from a roster) does not use up the allowance.
 */
function couldBeSomeone(db: ReadDb, iin: string): boolean {
  const prefix = iin.slice(0, 7);
  return prepared(db, 'SELECT 1 FROM volunteers WHERE iin >= ? AND iin <= ? AND deleted = 0 LIMIT 1').get(`${prefix}00000`, `${prefix}99999`) !== undefined;
}

const isHeld = (db: ReadDb, iin: string) => prepared(db, 'SELECT 1 FROM volunteers WHERE iin = ? AND deleted = 0 LIMIT 1').get(iin) !== undefined;

/**
 * Counts and records the exact-IIN lookups a call is about to answer, or refuses the whole call
 * when they would go over the user's limit (so nothing of the answer is given). An IIN the same
 * user asked about in the last day is not counted again: asking twice tells nothing new, and a
 * screen re-asking as it scrolls must not use up the allowance. Users who read IINs are not counted.
 */
export function countIinLookups(ctx: ReadContext, call: IinLookupCall, iins: Iterable<string>): void {
  if (canReadIin(ctx)) return;
  const { db } = ctx;
  const actor = actorOf(ctx);
  const now = ctx.now().getTime();
  const dayAgo = new Date(now - DAY_MS).toISOString();
  const hourAgo = new Date(now - HOUR_MS).toISOString();
  const asked = new Set((prepared(db, 'SELECT iin_hash FROM iin_lookups WHERE user_id = ? AND at > ?').all(actor.id, dayAgo) as { iin_hash: string }[]).map((r) => r.iin_hash));
  const fresh = new Map<string, string>();
  for (const iin of iins) {
    const hash = iinHash(db, iin);
    if (asked.has(hash) || fresh.has(hash) || !couldBeSomeone(db, iin)) continue;
    fresh.set(hash, iin);
  }
  if (fresh.size === 0) return;

  const used = prepared(db, 'SELECT count(*) AS day, coalesce(sum(at > ?), 0) AS hour FROM iin_lookups WHERE user_id = ? AND at > ?').get(hourAgo, actor.id, dayAgo) as { day: number; hour: number };
  const over =
    used.hour + fresh.size > IIN_LOOKUP_LIMITS.perHour ? { limit: IIN_LOOKUP_LIMITS.perHour, hours: 1 } :
    used.day + fresh.size > IIN_LOOKUP_LIMITS.perDay ? { limit: IIN_LOOKUP_LIMITS.perDay, hours: 24 } : null;
  if (over) {
    throw new CallError(
      { code: 'forbidden', key: 'error.iinLookupLimit', params: { ...over, asked: fresh.size } },
      `IIN lookups are limited to ${over.limit} in ${over.hours} h per user`,
    );
  }

  const at = new Date(now).toISOString();
  const rows = [...fresh].map(([hash, iin]) => ({ hash, hit: isHeld(db, iin) ? 1 : 0 }));
  // A write call that is refused (an IIN already taken) rolls back; its lookup must still count.
  ctx.bookkeeping((writable) => {
    const insert = prepared(writable, 'INSERT INTO iin_lookups (user_id, login, at, call, hit, iin_hash) VALUES (?, ?, ?, ?, ?, ?)');
    writable.transaction(() => {
      for (const r of rows) insert.run(actor.id, actor.login, at, call, r.hit, r.hash);
      prepared(writable, 'DELETE FROM iin_lookups WHERE at < ?').run(new Date(now - KEEP_DAYS * DAY_MS).toISOString());
    })();
  });
}

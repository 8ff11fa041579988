import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { dump } from '../../../../electron/core/dump/dump';
import { entryOf, parseEntries, type RowClock } from '../../../../electron/core/replication/entries';
import { REPLICATED_TABLES } from '../../../../electron/core/replication/tables';
import { CallError } from '../../../../shared/contract/errors';
import { makeIin } from '../../../../shared/domain/iin';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { exportTo, importInto, trust } from './helpers';

/**
 * Random offices doing random work (creates, edits, deletes, the same IIN registered twice,
 * memberships) and exchanging bundles in random orders, with bundles duplicated and dropped.
 */
const LAST = ['Ахметов', 'Серікова', 'Иванов', 'Ким', 'Жұмабеков'];
const FIRST = ['Асқар', 'Айгерім', 'Ольга', 'Нұрлан', 'Иван'];
const IINS = [makeIin('1990-05-17', 'F', 11)!, makeIin('1985-01-02', 'M', 22)!, makeIin('2001-12-30', 'F', 33)!];
const VALUES = ['first', 'second', 'third', null];
const PHONES = ['87011112233', '87770001122', null];

type Op =
  | { kind: 'create'; at: number; name: number; iin: number | null }
  | { kind: 'edit'; at: number; pick: number; field: 'notes' | 'email' | 'phone' | 'status'; value: number }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'org'; at: number }
  | { kind: 'member'; at: number; pick: number; org: number }
  | { kind: 'send'; from: number; drop: boolean; dup: boolean }
  | { kind: 'relay'; to: number; drop: boolean };

const REGIONS = ['KZ-75', 'KZ-71', 'KZ-35'];
/** More runs for a longer search: EXCHANGE_PROPERTY_RUNS=300 npx vitest run test/electron/core/exchange */
const RUNS = Number(process.env.EXCHANGE_PROPERTY_RUNS ?? 30);

const op = (regions: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant('create' as const), at: fc.nat(regions), name: fc.nat(24), iin: fc.option(fc.nat(2), { nil: null }) }),
    fc.record({ kind: fc.constant('edit' as const), at: fc.nat(regions), pick: fc.nat(), field: fc.constantFrom('notes' as const, 'email' as const, 'phone' as const, 'status' as const), value: fc.nat(3) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(regions), pick: fc.nat() }),
    fc.record({ kind: fc.constant('org' as const), at: fc.nat(regions) }),
    fc.record({ kind: fc.constant('member' as const), at: fc.nat(regions), pick: fc.nat(), org: fc.nat() }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(regions - 1), drop: fc.boolean(), dup: fc.boolean() }),
    fc.record({ kind: fc.constant('relay' as const), to: fc.nat(regions - 1), drop: fc.boolean() }),
  );

function tolerate(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    // Refusals a user would see (an IIN already held here, a record deleted meanwhile) are part of the game.
    if (!(error instanceof CallError) || error.code === 'internal') throw error;
  }
}

const liveIds = (core: Core, table: 'volunteers' | 'organisations') =>
  core.db.prepare(`SELECT id FROM ${table} WHERE deleted = 0 ORDER BY id`).pluck().all() as string[];

/**
 * One step of bundle traffic through the centre: a region's bundle to the centre (kept in
 * `toCentre` for the observers, maybe lost, maybe imported twice) or the centre's to a region.
 */
function travel(o: Extract<Op, { kind: 'send' | 'relay' }>, hub: Core, rs: Core[], toCentre: Buffer[]): void {
  if (o.kind === 'send') {
    const bundle = exportTo(rs[o.from]!, 'KZ');
    toCentre.push(bundle);
    if (!o.drop) importInto(hub, bundle);
    if (o.dup) importInto(hub, bundle);
  } else {
    const bundle = exportTo(hub, REGIONS[o.to]!);
    if (!o.drop) importInto(rs[o.to]!, bundle);
  }
}

function perform(core: Core, o: Exclude<Op, { kind: 'send' | 'relay' }>): void {
  tolerate(() => {
    switch (o.kind) {
      case 'create': {
        const iin = o.iin === null ? undefined : IINS[o.iin];
        core.callAs(ADMIN, 'volunteers.create', { lastName: LAST[o.name % 5]!, firstName: FIRST[Math.floor(o.name / 5) % 5]!, iin });
        return;
      }
      case 'edit': {
        const ids = liveIds(core, 'volunteers');
        if (ids.length === 0) return;
        const id = ids[o.pick % ids.length]!;
        const patch =
          o.field === 'phone' ? { phone: PHONES[o.value % 3] } :
          o.field === 'status' ? { status: (['active', 'inactive', 'candidate'] as const)[o.value % 3] } :
          o.field === 'email' ? { email: VALUES[o.value] === null ? null : `${VALUES[o.value]}@mail.kz` } :
          { notes: VALUES[o.value] };
        core.callAs(ADMIN, 'volunteers.update', { id, patch });
        return;
      }
      case 'delete': {
        const ids = liveIds(core, 'volunteers');
        if (ids.length) core.callAs(ADMIN, 'volunteers.delete', { id: ids[o.pick % ids.length]! });
        return;
      }
      case 'org':
        core.callAs(ADMIN, 'organisations.create', { name: 'Волонтёры', type: 'association' });
        return;
      case 'member': {
        const ids = liveIds(core, 'volunteers');
        const orgs = liveIds(core, 'organisations');
        if (ids.length && orgs.length) {
          core.callAs(ADMIN, 'organisations.addMember', { organisationId: orgs[o.org % orgs.length]!, volunteerId: ids[o.pick % ids.length]! });
        }
      }
    }
  });
}

/** The hub (KZ), the regions, and extra workstations of the centre that only import. */
function network(regions: number, observers: number) {
  const hub = officeCore('KZ');
  const rs = REGIONS.slice(0, regions).map((code) => officeCore(code));
  const obs = Array.from({ length: observers }, () => officeCore('KZ'));
  for (const r of rs) {
    for (const k of [hub, ...obs]) {
      trust(r, k);
      trust(k, r);
    }
  }
  return { hub, rs, obs };
}

function shuffle<T>(list: T[], rnd: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exchange properties', () => {
  it('offices that imported the same bundles, in any order and however often, print the same dump; after syncing, everyone does', () => {
    fc.assert(
      fc.property(fc.array(op(3), { minLength: 4, maxLength: 45 }), fc.integer(), (ops, seed) => {
        const { hub, rs, obs } = network(3, 2);
        const toCentre: Buffer[] = [];
        for (const o of ops) {
          if (o.kind === 'send' || o.kind === 'relay') {
            travel(o, hub, rs, toCentre);
          } else {
            perform(o.at === 3 ? hub : rs[o.at]!, o);
          }
        }
        // Two more workstations of the centre import the very same bundles in different orders, some twice.
        const rnd = rng(seed);
        for (const observer of obs) {
          const order = shuffle([...toCentre, ...toCentre.filter(() => rnd() < 0.3)], rnd);
          for (const bundle of order) importInto(observer, bundle);
        }
        expect(dump(obs[0]!.db)).toBe(dump(obs[1]!.db));
        // Then a few ordinary rounds of exchange bring every office to the same data, lost sticks included.
        for (let round = 0; round < 4; round++) {
          for (const r of rs) importInto(hub, exportTo(r, 'KZ'));
          for (let i = 0; i < rs.length; i++) importInto(rs[i]!, exportTo(hub, REGIONS[i]!));
        }
        const expected = dump(hub.db);
        for (const r of rs) expect(dump(r.db)).toBe(expected);
        // One person, one record: no two live records share an IIN anywhere.
        const shared = hub.db.prepare('SELECT count(*) FROM (SELECT iin FROM volunteers WHERE deleted = 0 AND iin IS NOT NULL GROUP BY iin HAVING count(*) > 1)').pluck().get();
        expect(shared).toBe(0);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 6000);

  it('no silent loss: every value that lost to a concurrent write is in a conflict log', () => {
    fc.assert(
      fc.property(fc.array(op(2).filter((o) => o.kind !== 'create' || o.iin === null), { minLength: 4, maxLength: 40 }), (ops) => {
        const { hub, rs } = network(2, 0);
        const all = [...rs, hub];
        const n = all.length;
        // Ground truth of causality: a vector clock per office, carried by (full) bundles.
        const vc = all.map(() => new Array<number>(n).fill(0));
        interface Write { table: string; id: string; field: string; stamp: string; value: unknown; vc: number[] }
        const writes: Write[] = [];
        const state = (core: Core) => {
          const out = new Map<string, { stamp: string; value: unknown }>();
          for (const table of ['volunteers', 'organisations', 'memberships'] as const) {
            const rows = core.db.prepare(`SELECT t.*, rc.base, rc.actor, rc.fields, rc.seq, rc.base_seq FROM ${table} t JOIN row_clock rc ON rc.tbl = '${table}' AND rc.row_id = t.id`).all() as (RowClock & Record<string, unknown>)[];
            for (const row of rows) {
              const entries = parseEntries(row);
              for (const field of REPLICATED_TABLES[table]) out.set(`${table}|${row.id}|${field}`, { stamp: entryOf(row, entries, field).s, value: row[field] ?? null });
            }
          }
          return out;
        };
        const act = (i: number, fn: () => void) => {
          const before = state(all[i]!);
          fn();
          for (const [key, now] of state(all[i]!)) {
            if (before.get(key)?.stamp === now.stamp) continue;
            vc[i]![i]!++;
            const [table, id, field] = key.split('|') as [string, string, string];
            writes.push({ table, id, field, stamp: now.stamp, value: now.value, vc: [...vc[i]!] });
          }
        };
        const transfer = (from: number, to: number, code: string) => {
          const bundle = exportTo(all[from]!, code, true);
          const carried = [...vc[from]!];
          // Imports bring others' writes, not new ones (no IINs here, so no merges are derived either).
          importInto(all[to]!, bundle);
          vc[to] = vc[to]!.map((x, k) => Math.max(x, carried[k]!));
        };
        for (const o of ops) {
          if (o.kind === 'send') {
            if (!o.drop) transfer(o.from, n - 1, 'KZ');
          } else if (o.kind === 'relay') {
            if (!o.drop) transfer(n - 1, o.to, REGIONS[o.to]!);
          } else {
            const at = Math.min(o.at, n - 1);
            act(at, () => perform(all[at]!, o));
          }
        }
        for (let round = 0; round < 2; round++) {
          for (let i = 0; i < rs.length; i++) transfer(i, n - 1, 'KZ');
          for (let i = 0; i < rs.length; i++) transfer(n - 1, i, REGIONS[i]!);
        }
        const final = state(hub);
        const losers = new Set<string>();
        const deleteConflicts = new Set<string>();
        for (const core of all) {
          for (const c of core.db.prepare('SELECT tbl, row_id, kind, loser_stamp FROM conflicts').all() as { tbl: string; row_id: string; kind: string; loser_stamp: string }[]) {
            losers.add(c.loser_stamp);
            if (c.kind === 'delete') deleteConflicts.add(`${c.tbl}|${c.row_id}`);
          }
        }
        const leq = (a: number[], b: number[]) => a.every((x, k) => x <= b[k]!);
        const concurrent = (a: Write, b: Write) => !leq(a.vc, b.vc) && !leq(b.vc, a.vc);
        const byField = new Map<string, Write[]>();
        for (const w of writes) {
          const key = `${w.table}|${w.id}|${w.field}`;
          byField.set(key, [...(byField.get(key) ?? []), w]);
        }
        for (const [key, list] of byField) {
          const local = list;
          const winner = local.reduce((a, b) => (b.stamp > a.stamp ? b : a));
          // Last writer wins, everywhere.
          expect(final.get(key)?.stamp).toBe(winner.stamp);
          for (const l of local) {
            if (l === winner || l.stamp === winner.stamp || !concurrent(l, winner) || JSON.stringify(l.value) === JSON.stringify(winner.value)) continue;
            // Only values nobody overwrote knowingly were lost to the winner.
            if (local.some((m) => m !== l && m.stamp !== l.stamp && leq(l.vc, m.vc))) continue;
            expect(losers.has(l.stamp), `${key}: ${JSON.stringify(l.value)} lost to ${JSON.stringify(winner.value)} silently`).toBe(true);
          }
        }
        // A deletion concurrent with an edit that survives in the tombstone is a delete conflict.
        for (const d of writes.filter((w) => w.field === 'deleted' && w.value === 1)) {
          const rowKey = `${d.table}|${d.id}`;
          const deletion = final.get(`${rowKey}|deleted`);
          if (deletion?.value !== 1 || deletion.stamp !== d.stamp) continue;
          for (const e of writes) {
            if (`${e.table}|${e.id}` !== rowKey || e.field === 'deleted' || !concurrent(d, e)) continue;
            if (final.get(`${rowKey}|${e.field}`)?.stamp !== e.stamp) continue;
            expect(deleteConflicts.has(rowKey), `${rowKey}: edit of ${e.field} concurrent with its deletion went unnoticed`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 6000);
});

/**
 * The same person (one IIN) registered independently at several offices, each time with its own
 * spelling, phone, e-mail, locality and notes; bundles travel in any order, some twice, some lost.
 */
const SAME_IINS = [makeIin('1992-04-11', 'M', 501)!, makeIin('1988-09-23', 'F', 502)!];
const SPELLINGS = [['Сейітов', 'Асқар'], ['Сеитов', 'Аскар'], ['Seitov', 'Askar']] as const;
const LOCALITIES = ['Алматы', 'Қаскелең', 'Талгар', null];
const NOTES = ['вожатый', 'ночные смены', null];

type SameOp =
  | { kind: 'register'; at: number; iin: number; name: number; phone: number; email: number; locality: number; notes: number }
  | { kind: 'send'; from: number; drop: boolean; dup: boolean }
  | { kind: 'relay'; to: number; drop: boolean };

const sameOp = (regions: number): fc.Arbitrary<SameOp> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('register' as const), at: fc.nat(regions), iin: fc.nat(SAME_IINS.length - 1), name: fc.nat(SPELLINGS.length - 1),
      phone: fc.nat(PHONES.length - 1), email: fc.nat(VALUES.length - 1), locality: fc.nat(LOCALITIES.length - 1), notes: fc.nat(NOTES.length - 1),
    }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(regions - 1), drop: fc.boolean(), dup: fc.boolean() }),
    fc.record({ kind: fc.constant('relay' as const), to: fc.nat(regions - 1), drop: fc.boolean() }),
  );

/** Replicated volunteer fields a registration fills (IIN, birth date and sex are the same by construction). */
const PERSONAL = ['last_name', 'first_name', 'phone', 'email', 'locality', 'notes'] as const;

/**
 * Every value any record of a person ever held at this office is on the record that survives or in
 * this office's conflict log (as either side of a conflict on the survivor).
 */
function assertNothingLost(core: Core, registered: Map<string, Record<string, unknown>>): void {
  const conflicts = core.db.prepare('SELECT row_id, field, winner_value, loser_value FROM conflicts').all() as { row_id: string; field: string; winner_value: string; loser_value: string }[];
  for (const [id, values] of registered) {
    if (!core.db.prepare('SELECT 1 FROM volunteers WHERE id = ?').get(id)) continue; // not here yet
    const merge = core.db.prepare("SELECT survivor_id FROM merges WHERE tbl = 'volunteers' AND loser_id = ? AND deleted = 0").pluck().get(id) as string | undefined;
    // A merge can arrive before its survivor: the bundle that carried the survivor was lost and the
    // centre resends it only once this office reports what it received. Nothing to compare yet.
    if (merge && !core.db.prepare('SELECT 1 FROM volunteers WHERE id = ?').get(merge)) continue;
    const survivor = core.callAs(ADMIN, 'volunteers.get', { id }).id;
    const row = core.db.prepare('SELECT * FROM volunteers WHERE id = ?').get(survivor) as Record<string, unknown>;
    for (const field of PERSONAL) {
      const value = values[field];
      if (value === null || value === undefined || row[field] === value) continue;
      const logged = conflicts.some((c) => c.row_id === survivor && c.field === field && (JSON.parse(c.loser_value) === value || JSON.parse(c.winner_value) === value));
      expect(logged, `${field} "${String(value)}" of ${id} is neither on ${survivor} nor in the conflict log`).toBe(true);
    }
  }
}

/** Three regions and the centre register the same people; bundles travel; two observers replay the centre's inbox. */
function sameIinScenario(ops: SameOp[], seed: number): void {
    const { hub, rs, obs } = network(3, 2);
    const all = [...rs, hub];
    const registered = new Map<string, Record<string, unknown>>();
    const toCentre: Buffer[] = [];
    for (const o of ops) {
      if (o.kind === 'send' || o.kind === 'relay') {
        travel(o, hub, rs, toCentre);
      } else {
        const [lastName, firstName] = SPELLINGS[o.name]!;
        const email = VALUES[o.email];
        tolerate(() => {
          const { id } = all[o.at]!.callAs(ADMIN, 'volunteers.create', {
            lastName, firstName, iin: SAME_IINS[o.iin], phone: PHONES[o.phone] ?? undefined, email: email ? `${email}@mail.kz` : undefined,
            locality: LOCALITIES[o.locality] ?? undefined, notes: NOTES[o.notes] ?? undefined,
          });
          registered.set(id, all[o.at]!.db.prepare(`SELECT ${PERSONAL.join(', ')} FROM volunteers WHERE id = ?`).get(id) as Record<string, unknown>);
        });
      }
    }
    const rnd = rng(seed);
    for (const observer of obs) {
      const order = shuffle([...toCentre, ...toCentre.filter(() => rnd() < 0.3)], rnd);
      for (const bundle of order) importInto(observer, bundle);
    }
    expect(dump(obs[0]!.db)).toBe(dump(obs[1]!.db));
    for (const core of [...all, ...obs]) assertNothingLost(core, registered);
    for (let round = 0; round < 3; round++) {
      for (const r of rs) importInto(hub, exportTo(r, 'KZ'));
      for (let i = 0; i < rs.length; i++) importInto(rs[i]!, exportTo(hub, REGIONS[i]!));
    }
    const expected = dump(hub.db);
    for (const r of rs) expect(dump(r.db)).toBe(expected);
    for (const core of all) assertNothingLost(core, registered);
    // One person, one record.
    const shared = hub.db.prepare('SELECT count(*) FROM (SELECT iin FROM volunteers WHERE deleted = 0 AND iin IS NOT NULL GROUP BY iin HAVING count(*) > 1)').pluck().get();
    expect(shared).toBe(0);
}

describe('exchange properties: the same person registered at several offices', () => {
  it('every value any office registered is on the survivor or in the conflict log, at every office, whatever the order; offices converge', () => {
    fc.assert(fc.property(fc.array(sameOp(3), { minLength: 3, maxLength: 30 }), fc.integer(), sameIinScenario), { numRuns: Math.max(10, Math.round(RUNS / 2)) });
  }, RUNS * 8000);

  it('a person merged twice over (C into B at one office, B into A at another) ends merged into A everywhere', () => {
    // Found by the property above in CI (seed 445942347): the merge of C pointed at B at the centre and at A in a region.
    const reg = (at: number, iin = 1): SameOp => ({ kind: 'register', at, iin, name: 0, phone: 0, email: 0, locality: 0, notes: 0 });
    sameIinScenario([reg(1), reg(0), reg(2), { kind: 'send', from: 0, drop: false, dup: false }, { kind: 'send', from: 2, drop: false, dup: false }, { kind: 'send', from: 1, drop: false, dup: false }, reg(0, 0)], 301201724);
  });

  it('undoing a merge, exported and imported elsewhere, restores both people there too', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(2), fc.nat(3), fc.nat(2), fc.nat(3)),
        fc.tuple(fc.nat(2), fc.nat(3), fc.nat(2), fc.nat(3)),
        fc.constantFrom('KZ', 'KZ-75', 'KZ-71'),
        (x, y, undoAt) => {
          const { hub, rs } = network(2, 0);
          const byCode: Record<string, Core> = { KZ: hub, 'KZ-75': rs[0]!, 'KZ-71': rs[1]! };
          const register = (core: Core, [name, phone, locality, email]: [number, number, number, number]) => {
            const [lastName, firstName] = SPELLINGS[name]!;
            const { id } = core.callAs(ADMIN, 'volunteers.create', {
              lastName, firstName, iin: SAME_IINS[0], phone: PHONES[phone % 3] ?? undefined, locality: LOCALITIES[locality] ?? undefined,
              email: VALUES[email] ? `${VALUES[email]}@mail.kz` : undefined,
            });
            return { id, values: core.db.prepare(`SELECT ${PERSONAL.join(', ')}, deleted FROM volunteers WHERE id = ?`).get(id) };
          };
          const a = register(rs[0]!, x);
          const b = register(rs[1]!, y);
          const round = () => {
            for (const r of rs) importInto(hub, exportTo(r, 'KZ'));
            for (let i = 0; i < rs.length; i++) importInto(rs[i]!, exportTo(hub, REGIONS[i]!));
          };
          round();
          const [merge] = hub.callAs(ADMIN, 'merges.list', {}).items;
          expect(merge).toMatchObject({ undone: false });
          for (const core of [hub, ...rs]) expect(core.callAs(ADMIN, 'volunteers.search', { text: SAME_IINS[0] }).total).toBe(1);
          byCode[undoAt]!.callAs(ADMIN, 'merges.undo', { id: merge!.id });
          round();
          round();
          const expected = dump(hub.db);
          for (const core of [hub, ...rs]) {
            expect(dump(core.db)).toBe(expected);
            for (const person of [a, b]) {
              expect(core.db.prepare(`SELECT ${PERSONAL.join(', ')}, deleted FROM volunteers WHERE id = ?`).get(person.id)).toEqual(person.values);
            }
            expect(core.callAs(ADMIN, 'merges.list', {}).items[0]).toMatchObject({ id: merge!.id, undone: true });
            expect(core.callAs(ADMIN, 'conflicts.list', {}).items.filter((c) => c.mergedFrom)).toEqual([]);
          }
        },
      ),
      { numRuns: Math.max(5, Math.round(RUNS / 3)) },
    );
  }, RUNS * 8000);
});

describe('exchange properties: bundles carry only news', () => {
  it('after a round trip, N edits travel as at most N rows', () => {
    fc.assert(
      fc.property(fc.array(op(3), { minLength: 4, maxLength: 30 }), fc.integer({ min: 1, max: 25 }), fc.nat(2), (ops, n, who) => {
        const { hub, rs } = network(3, 0);
        for (const o of ops) {
          if (o.kind === 'send') importInto(hub, exportTo(rs[o.from]!, 'KZ'));
          else if (o.kind === 'relay') importInto(rs[o.to]!, exportTo(hub, REGIONS[o.to]!));
          else perform(o.at === 3 ? hub : rs[o.at]!, o);
        }
        // A round trip through the centre: every region's news in, everything relayed back out.
        for (const r of rs) importInto(hub, exportTo(r, 'KZ'));
        for (let i = 0; i < rs.length; i++) importInto(rs[i]!, exportTo(hub, REGIONS[i]!));
        const region = rs[who]!;
        // Edits of a few of the people the region may change (its own; those relayed to it are
        // another office's to change): the others must not travel again.
        const own = liveIds(region, 'volunteers').filter((id) => region.callAs(ADMIN, 'volunteers.get', { id }).mayChange);
        const ids = own.slice(0, Math.max(1, Math.ceil(n / 3)));
        if (ids.length === 0) ids.push(region.callAs(ADMIN, 'volunteers.create', { lastName: 'Новый', firstName: 'Человек' }).id);
        for (let i = 0; i < n; i++) region.callAs(ADMIN, 'volunteers.update', { id: ids[i % ids.length]!, patch: { notes: `правка ${i}` } });
        const bundle = exportTo(region, 'KZ');
        const rows = importInto(hub, bundle).rows;
        expect(rows).toBeLessThanOrEqual(Math.min(n, ids.length));
        // And what the centre sends back carries none of it.
        expect(importInto(region, exportTo(hub, REGIONS[who]!)).rows).toBe(0);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 6000);
});

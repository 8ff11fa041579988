import { describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { STAFF } from '../trainings/helpers';
import { event, shift } from '../events/helpers';
import { allocate, consumable, item, lineOf, stockOf } from './helpers';

describe('allocating reusables over overlapping events', () => {
  it('takes the peak held at one moment, not the sum: events on other days share the tents', () => {
    const core = officeCore('KZ-19');
    const tents = item(core, 'Палатка', 10);
    const early = event(core, { start: '2026-03-09', end: '2026-03-11' });
    const late = event(core, { start: '2026-03-12', end: '2026-03-13' });
    const middle = event(core, { start: '2026-03-11', end: '2026-03-12' });
    expect(allocate(core, early, tents, 6)).toMatchObject({ free: 4 });
    // Back to back with the first: all ten are free again.
    expect(allocate(core, late, tents, 8)).toMatchObject({ free: 2 });
    // Overlapping both: on the 11th six are out, on the 12th eight: two are free throughout.
    expect(lineOf(core, middle, tents)).toBeUndefined();
    const refused = failure(() => allocate(core, middle, tents, 3));
    expect(refused).toMatchObject({ code: 'conflict', key: 'error.logistics.shortage', params: { free: 2, asked: 3, item: 'Палатка' } });
    expect(allocate(core, middle, tents, 2)).toMatchObject({ free: 0 });
    expect(stockOf(core, tents, '2026-03-11')).toMatchObject({ onHand: 10, allocated: 8, free: 2 });
    expect(stockOf(core, tents, '2026-03-12')).toMatchObject({ onHand: 10, allocated: 10, free: 0 });
    expect(stockOf(core, tents, '2026-03-20')).toMatchObject({ onHand: 10, allocated: 0, free: 10 });
  });

  it('allocations to shifts hold only their hours: a morning and an evening shift share radios', () => {
    const core = officeCore('KZ-19');
    const radios = item(core, 'Рация', 5);
    const e = event(core);
    const morning = shift(core, e, { start: '2026-03-10T08:00', end: '2026-03-10T14:00' });
    const evening = shift(core, e, { start: '2026-03-10T14:00', end: '2026-03-10T20:00' });
    allocate(core, e, radios, 5, morning);
    expect(allocate(core, e, radios, 5, evening)).toMatchObject({ free: 0 });
    // The whole event's days include both shifts: nothing is left for the event as a whole.
    expect(failure(() => allocate(core, e, radios, 1)).params).toMatchObject({ free: 0 });
  });

  it('shows a request beyond what is free as a shortage before the day, and what is free to allocate', () => {
    const core = officeCore('KZ-19');
    const tents = item(core, 'Палатка', 10);
    const other = event(core, { start: '2026-03-10', end: '2026-03-10' });
    allocate(core, other, tents, 7);
    const flood = event(core);
    core.callAs(ADMIN, 'logistics.request', { eventId: flood, itemId: tents, quantity: 8 });
    expect(lineOf(core, flood, tents)).toMatchObject({ requested: 8, allocated: 0, free: 3, shortage: 5 });
    allocate(core, flood, tents, 3);
    expect(lineOf(core, flood, tents)).toMatchObject({ requested: 8, allocated: 3, free: 0, shortage: 5 });
  });

  it('cancelling an event releases its allocations; a closed one holds nothing either', () => {
    const core = officeCore('KZ-19');
    const tents = item(core, 'Палатка', 10);
    const a = event(core);
    const b = event(core);
    allocate(core, a, tents, 10);
    expect(failure(() => allocate(core, b, tents, 1)).params).toMatchObject({ free: 0 });
    core.callAs(ADMIN, 'events.cancel', { id: a });
    expect(allocate(core, b, tents, 10)).toMatchObject({ free: 0 });
    expect(lineOf(core, a, tents)).toMatchObject({ allocated: 0, shortage: 0 });
    expect(failure(() => allocate(core, a, tents, 1)).key).toBe('error.events.eventClosed');
  });

  it('refuses fractional, negative and zero counts of a reusable, naming it, with nothing written', () => {
    const core = officeCore('KZ-19');
    const tents = item(core, 'Палатка', 10);
    const e = event(core);
    const before = dump(core.db);
    expect(failure(() => allocate(core, e, tents, 1.5))).toMatchObject({ key: 'error.logistics.wholeNumber', params: { item: 'Палатка', quantity: 1.5 } });
    expect(failure(() => allocate(core, e, tents, -2)).fields?.[0]).toMatchObject({ path: 'quantity', key: 'error.logistics.quantity' });
    expect(failure(() => allocate(core, e, tents, 0)).fields?.[0]).toMatchObject({ key: 'error.logistics.quantity' });
    expect(failure(() => core.callAs(ADMIN, 'inventory.receive', { itemId: tents, quantity: 0.5 })).key).toBe('error.logistics.wholeNumber');
    expect(failure(() => allocate(core, e, tents, 11)).key).toBe('error.logistics.shortage');
    expect(dump(core.db)).toBe(before);
  });

  it('planning is a coordinator’s: staff may not allocate or add stock', () => {
    const core = officeCore('KZ-19');
    const tents = item(core, 'Палатка', 10);
    const e = event(core);
    expect(failure(() => core.callAs(STAFF, 'logistics.allocate', { eventId: e, itemId: tents, quantity: 1 })).code).toBe('forbidden');
    expect(failure(() => core.callAs(STAFF, 'inventory.add', { name: { ru: 'Вода' }, kind: 'consumable', quantity: 5 })).code).toBe('forbidden');
    expect(core.callAs(STAFF, 'inventory.list', {})).toHaveLength(1);
  });
});

describe('allocating consumables', () => {
  it('counts the total awaited by live events, whatever their days; what is issued comes off the stock instead', () => {
    const core = officeCore('KZ-19');
    const water = consumable(core, 'Вода питьевая', 100);
    // Later than any run of this test: what events await counts from today.
    const a = event(core, { start: '2030-03-09', end: '2030-03-09' });
    const b = event(core, { start: '2030-04-20', end: '2030-04-21' });
    allocate(core, a, water, 40);
    expect(allocate(core, b, water, 50)).toMatchObject({ free: 10 });
    expect(failure(() => allocate(core, b, water, 10.5)).params).toMatchObject({ free: 10 });
    expect(allocate(core, b, water, 2.5)).toMatchObject({ free: 7.5 });
    expect(stockOf(core, water, '2030-03-01')).toMatchObject({ onHand: 100, allocated: 92.5, free: 7.5 });
    // After the first event's day, what it awaited no longer counts.
    expect(stockOf(core, water, '2030-03-10')).toMatchObject({ allocated: 52.5, free: 47.5 });
  });

  it('sums litres on the event’s line without binary noise (0.1 + 0.2 l is 0.3 l, in the API and the CLI too)', () => {
    const core = officeCore('KZ-19');
    const water = consumable(core, 'Вода', 10);
    const flood = event(core, { start: '2030-03-09', end: '2030-03-11' });
    core.callAs(ADMIN, 'logistics.request', { eventId: flood, itemId: water, quantity: 0.1 });
    allocate(core, flood, water, 0.1);
    allocate(core, flood, water, 0.2);
    expect(lineOf(core, flood, water)).toMatchObject({ requested: 0.1, allocated: 0.3, shortage: 0 });
  });
});

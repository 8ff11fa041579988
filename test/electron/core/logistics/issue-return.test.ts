import { describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { failure } from '../../../helpers/call-error';
import { STAFF } from '../trainings/helpers';
import { event, volunteer } from '../events/helpers';
import { allocate, consumable, item, lineOf, onEvent, stockOf } from './helpers';

describe('issuing and returning equipment', () => {
  it('balances per person: issued less returned; damaged and missing leave the stock, the rest comes back', () => {
    const core = officeCore('KZ-19');
    const radios = item(core, 'Рация', 6);
    const e = event(core);
    const [aigerim, boris] = [volunteer(core, 'Сейтқали', { firstName: 'Әйгерім' }), volunteer(core, 'Борисов')];
    allocate(core, e, radios, 5);
    onEvent(core, e, aigerim, boris);
    const on = { eventId: e, itemId: radios };
    core.callAs(STAFF, 'logistics.issue', { ...on, volunteerId: aigerim, quantity: 3 });
    core.callAs(STAFF, 'logistics.issue', { ...on, volunteerId: boris, quantity: 2 });
    expect(stockOf(core, radios)).toMatchObject({ onHand: 6, out: 5 });
    // Beyond the allocation, and beyond what a person holds: refused, naming the numbers, nothing written.
    const before = dump(core.db);
    expect(failure(() => core.callAs(STAFF, 'logistics.issue', { ...on, volunteerId: boris, quantity: 1 }))).toMatchObject({
      key: 'error.logistics.beyondAllocated', params: { allocated: 5, out: 5, item: 'Рация' },
    });
    expect(failure(() => core.callAs(STAFF, 'logistics.return', { ...on, volunteerId: boris, quantity: 3 }))).toMatchObject({
      key: 'error.logistics.returnBeyondIssued', params: { out: 2, item: 'Рация' },
    });
    expect(dump(core.db)).toBe(before);
    core.callAs(STAFF, 'logistics.return', { ...on, volunteerId: aigerim, quantity: 2 });
    core.callAs(STAFF, 'logistics.return', { ...on, volunteerId: aigerim, quantity: 1, condition: 'damaged', note: 'Треснул корпус' });
    core.callAs(STAFF, 'logistics.return', { ...on, volunteerId: boris, quantity: 1, condition: 'missing' });
    expect(lineOf(core, e, radios)).toMatchObject({ allocated: 5, issued: 5, returned: 4, used: 2 });
    expect(stockOf(core, radios)).toMatchObject({ onHand: 4, out: 1 });
    const held = core.callAs(STAFF, 'logistics.event', { id: e }).held;
    expect(held).toEqual([expect.objectContaining({ volunteerId: boris, out: 1 })]);
    expect(failure(() => core.callAs(STAFF, 'logistics.return', { ...on, volunteerId: aigerim, quantity: 1 })).params).toMatchObject({ out: 0 });
  });

  it('consumables issued are used up; what comes back returns to the shelf', () => {
    const core = officeCore('KZ-19');
    const water = consumable(core, 'Вода', 50);
    const e = event(core, { start: '2030-05-01', end: '2030-05-02' });
    const p = volunteer(core, 'Жанов');
    onEvent(core, e, p);
    allocate(core, e, water, 30);
    core.callAs(STAFF, 'logistics.issue', { eventId: e, itemId: water, volunteerId: p, quantity: 30 });
    core.callAs(STAFF, 'logistics.return', { eventId: e, itemId: water, volunteerId: p, quantity: 4.5 });
    expect(lineOf(core, e, water)).toMatchObject({ issued: 30, returned: 4.5, used: 25.5 });
    expect(stockOf(core, water, '2030-05-01')).toMatchObject({ onHand: 24.5, out: 0, allocated: 4.5, free: 20 });
  });

  it('write-offs and transfers take only what is on the shelf', () => {
    const core = officeCore('KZ-19');
    const tents = item(core, 'Палатка', 4);
    const e = event(core);
    allocate(core, e, tents, 3);
    const person = volunteer(core, 'Абаев');
    onEvent(core, e, person);
    core.callAs(STAFF, 'logistics.issue', { eventId: e, itemId: tents, volunteerId: person, quantity: 3 });
    expect(failure(() => core.callAs(ADMIN, 'inventory.writeOff', { itemId: tents, quantity: 2, reason: 'Порвана' }))).toMatchObject({ key: 'error.logistics.notEnoughStock', params: { onHand: 1 } });
    core.callAs(ADMIN, 'inventory.writeOff', { itemId: tents, quantity: 1, reason: 'Порвана' });
    expect(stockOf(core, tents)).toMatchObject({ onHand: 3, out: 3 });
    expect(failure(() => core.callAs(ADMIN, 'inventory.transfer', { itemId: tents, quantity: 1, toOffice: 'KZ-71' })).key).toBe('error.logistics.notEnoughStock');
    expect(failure(() => core.callAs(ADMIN, 'inventory.writeOff', { itemId: tents, quantity: 1, reason: ' ' })).fields?.[0]?.key).toBe('error.required');
  });

  it('hands equipment only to the event’s people, naming the person refused', () => {
    const core = officeCore('KZ-19');
    const radios = item(core, 'Рация', 2);
    const e = event(core);
    allocate(core, e, radios, 2);
    const stranger = volunteer(core, 'Чужой');
    const before = dump(core.db);
    expect(failure(() => core.callAs(STAFF, 'logistics.issue', { eventId: e, itemId: radios, volunteerId: stranger, quantity: 1 }))).toMatchObject({
      key: 'error.logistics.notOnShifts', params: { name: 'Чужой Тест' },
    });
    expect(dump(core.db)).toBe(before);
  });
});

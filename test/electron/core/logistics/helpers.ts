import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';
import { shift } from '../events/helpers';

/** An item of this office with stock on hand. */
export function item(core: Core, ru: string, quantity: number, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'inventory.add', { name: { ru, kk: `${ru} (каз.)` }, kind: 'reusable', unit: 'pcs', quantity, ...extra }).id;
}

export const consumable = (core: Core, ru: string, quantity: number, unit = 'l') => item(core, ru, quantity, { kind: 'consumable', unit });

export const stockOf = (core: Core, id: string, on?: string) => core.callAs(ADMIN, 'inventory.list', { on }).find((r) => r.id === id)!;

export const lineOf = (core: Core, eventId: string, itemId: string) => core.callAs(ADMIN, 'logistics.event', { id: eventId }).lines.find((l) => l.itemId === itemId)!;

export const allocate = (core: Core, eventId: string, itemId: string, quantity: number, shiftId?: string) =>
  core.callAs(ADMIN, 'logistics.allocate', { eventId, itemId, quantity, shiftId });

/** Puts people on a shift of the event's first day: equipment and seats go only to the event's people. */
export function onEvent(core: Core, eventId: string, ...people: string[]): void {
  const day = core.db.prepare('SELECT start_date FROM events WHERE id = ?').pluck().get(eventId) as string;
  const shiftId = shift(core, eventId, { start: `${day}T09:00`, end: `${day}T17:00`, needed: 10 });
  const outcomes = core.callAs(ADMIN, 'events.assign', { shiftId, volunteerIds: people }).outcomes;
  if (outcomes.some((o) => o.outcome !== 'assigned')) throw new Error(`not assigned: ${JSON.stringify(outcomes)}`);
}

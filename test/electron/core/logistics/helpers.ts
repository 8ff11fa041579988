import type { Core } from '../../../../electron/core/app';
import { ADMIN } from '../../../helpers/temp-db';

/** An item of this office with stock on hand. */
export function item(core: Core, ru: string, quantity: number, extra: Record<string, unknown> = {}): string {
  return core.callAs(ADMIN, 'inventory.add', { name: { ru, kk: `${ru} (каз.)` }, kind: 'reusable', unit: 'pcs', quantity, ...extra }).id;
}

export const consumable = (core: Core, ru: string, quantity: number, unit = 'l') => item(core, ru, quantity, { kind: 'consumable', unit });

export const stockOf = (core: Core, id: string, on?: string) => core.callAs(ADMIN, 'inventory.list', { on }).find((r) => r.id === id)!;

export const lineOf = (core: Core, eventId: string, itemId: string) => core.callAs(ADMIN, 'logistics.event', { id: eventId }).lines.find((l) => l.itemId === itemId)!;

export const allocate = (core: Core, eventId: string, itemId: string, quantity: number, shiftId?: string) =>
  core.callAs(ADMIN, 'logistics.allocate', { eventId, itemId, quantity, shiftId });

import type { EventCategory } from './events';
import { addDays } from './trainings';

/**
 * Event logistics: equipment and supplies, transport and checklists (issue 16). The rules here
 * are pure: the core reads the rows, these do the arithmetic, so a test can check them alone.
 */

/** Reusables are counted, allocated and come back; consumables are counted and used up. */
export const ITEM_KINDS = ['reusable', 'consumable'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Stock movements, each its own row: stock on hand is their sum, never a counter kept in place. */
export const MOVEMENT_KINDS = ['receipt', 'writeOff', 'transfer'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Handing equipment to a person and taking it back, each its own row. */
export const HANDOUT_KINDS = ['issue', 'return'] as const;
export type HandoutKind = (typeof HANDOUT_KINDS)[number];

/** How a returned thing came back: damaged and missing ones leave the stock. */
export const RETURN_CONDITIONS = ['ok', 'damaged', 'missing'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const VEHICLE_OWNERS = ['office', 'partner'] as const;

/**
 * Checklist templates per event category: translation keys under `logistics.template.*`. An
 * emergency has its own list; every other event gets the everyday one.
 */
const EVERYDAY = ['briefing', 'firstAidKit', 'drinkingWater', 'headcountStart', 'headcountEnd'];
export const CHECKLIST_TEMPLATES: Record<EventCategory, readonly string[]> = {
  flood: ['waterSafetyBriefing', 'lifeVests', 'radiosCharged', 'firstAidKit', 'drinkingWater', 'headcountStart', 'headcountEnd'],
  fire: ['fireSafetyBriefing', 'respirators', 'radiosCharged', 'firstAidKit', 'drinkingWater', 'headcountStart', 'headcountEnd'],
  earthquake: ['aftershockBriefing', 'helmets', 'radiosCharged', 'firstAidKit', 'drinkingWater', 'headcountStart', 'headcountEnd'],
  search: ['searchBriefing', 'radiosCharged', 'flashlights', 'firstAidKit', 'headcountStart', 'headcountEnd'],
  socialSupport: EVERYDAY,
  animals: EVERYDAY,
  environment: ['briefing', 'gloves', 'bags', 'drinkingWater', 'headcountStart', 'headcountEnd'],
  publicEvent: ['briefing', 'vests', 'radiosCharged', 'firstAidKit', 'headcountStart', 'headcountEnd'],
  forum: EVERYDAY,
  other: EVERYDAY,
};

/** A span of Kazakhstan wall-clock time 'YYYY-MM-DDTHH:MM', the end not included. */
export interface Period {
  start: string;
  end: string;
}

/** An event's days as a period: from the first morning to the morning after the last day. */
export const eventPeriod = (startDate: string, endDate: string): Period => ({ start: `${startDate}T00:00`, end: `${addDays(endDate, 1)}T00:00` });

/** A calendar day as a period. */
export const dayPeriod = (date: string): Period => eventPeriod(date, date);

/** Two periods overlap when each starts before the other ends (touching ends do not). The text compares as time. */
export const periodsOverlap = (a: Period, b: Period) => a.start < b.end && b.start < a.end;

export interface Holding extends Period {
  quantity: number;
}

/**
 * The most held at one moment within `within`: what reusables need is the peak of the holdings
 * overlapping each other, not their sum (two one-day events on different days can share tents).
 * A holding ending when another starts frees its things for it.
 */
export function peakConcurrent(holdings: readonly Holding[], within: Period): number {
  const edges: { at: string; delta: number }[] = [];
  for (const h of holdings) {
    if (h.quantity <= 0 || !periodsOverlap(h, within)) continue;
    edges.push({ at: h.start < within.start ? within.start : h.start, delta: h.quantity });
    edges.push({ at: h.end > within.end ? within.end : h.end, delta: -h.quantity });
  }
  // Ends before starts at the same moment: touching holdings do not add up.
  edges.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.delta - b.delta));
  let held = 0;
  let peak = 0;
  for (const e of edges) {
    held += e.delta;
    if (held > peak) peak = held;
  }
  return peak;
}

/** A count of a reusable is a whole number; consumables may be fractional (litres, kilograms). */
export const isValidQuantity = (kind: ItemKind, quantity: number) => Number.isFinite(quantity) && quantity > 0 && (kind === 'consumable' || Number.isInteger(quantity));

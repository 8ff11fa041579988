/**
 * How dates and wall-clock times are written in Kazakhstan: dd.mm.yyyy and dd.mm.yyyy hh:mm.
 * One place for the screen, the printed page, the .xlsx and the core's messages, so that a
 * refusal never says "2026-04-01 08:00" where the screen beside it says "01.04.2026 08:00".
 */

/** 'YYYY-MM-DD' (or the date at the start of a longer ISO value) as dd.mm.yyyy; anything else as given. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A wall-clock time 'YYYY-MM-DDTHH:MM' as dd.mm.yyyy hh:mm. */
export const wallClockText = (value: string): string => `${dateText(value.slice(0, 10))} ${value.slice(11, 16)}`;

/** From one wall-clock time to another (a shift, a trip): the date once when both fall on one day. */
export function wallClockSpan(start: string, end: string): string {
  return start.slice(0, 10) === end.slice(0, 10) ? `${wallClockText(start)}–${end.slice(11, 16)}` : `${wallClockText(start)} – ${wallClockText(end)}`;
}

import { dateText, wallClockText } from '../../shared/domain/date-text';
import { formatPhone } from '../../shared/domain/phone';

/** Dates travel as ISO (YYYY-MM-DD) and are shown the way Kazakhstan writes them: dd.mm.yyyy. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateText(iso) : '';
}

/** A span of days: one day as dd.mm.yyyy, several as a range. */
export function formatDateRange(r: { start: string; end: string }): string {
  return r.start === r.end ? formatDate(r.start) : `${formatDate(r.start)} – ${formatDate(r.end)}`;
}

/** A timestamp (ISO with time) as dd.mm.yyyy hh:mm in local time, or hh:mm:ss with `seconds`. */
export function formatDateTime(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}${options.seconds ? `:${two(d.getSeconds())}` : ''}`;
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${time}`;
}

/**
 * Reads a typed date: dd.mm.yyyy (also with / or - and one-digit day or month) or ISO.
 * Returns ISO, or null when the text is not a date at all. Whether the day exists is left to
 * the shared schema, so the message is the same as the core's.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  if (!parts) return null;
  const [y, m, d] = parts as [string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Reads a typed Kazakhstan wall-clock time: a date as parseDate reads it, a space, a comma or 'T',
 * and h:mm or hh:mm (also h.mm, as Russian often writes the time). Returns 'YYYY-MM-DDTHH:MM', or
 * null when the text is not shaped like one.
 */
export function parseLocalDateTime(text: string): string | null {
  const m = /^([^\s,]+)(?:\s*,\s*|\s+|T)(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  const date = m ? parseDate(m[1]!) : null;
  return m && date ? `${date}T${m[2]!.padStart(2, '0')}:${m[3]}` : null;
}

/** A wall-clock time 'YYYY-MM-DDTHH:MM' as Kazakhstan writes it: dd.mm.yyyy hh:mm. */
export const formatLocalDateTime = wallClockText;

/**
 * What a date field sends: ISO when the text reads as a date, the text itself otherwise (so the
 * schema reports it as not a date), '' when empty.
 */
export function dateForInput(text: string): string {
  const t = text.trim();
  return t === '' ? '' : (parseDate(t) ?? t);
}

export function displayPhone(e164: string | null | undefined): string {
  return e164 ? formatPhone(e164) : '';
}

export function fullName(p: { lastName: string; firstName: string; middleName: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** Hours as people read them: Kazakh and Russian write a decimal comma (2,5), English a point (2.5). */
export function formatHours(hours: number, lang: 'kk' | 'ru' | 'en'): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'ru', { maximumFractionDigits: 2, useGrouping: false }).format(hours);
}

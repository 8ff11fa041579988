import { textAt, type Lang } from '../../../shared/i18n/translate';
import { clashText } from '../../../shared/domain/logistics-text';
import { HOLDING_STATUSES } from '../../../shared/domain/events';
import { formatPhone } from '../../../shared/domain/phone';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { eventRoster, eventRosterFileName } from '../documents/event-roster';
import { PERSON_NAME_SQL, loadEventFacts } from '../events/shared';
import { readOffice } from '../office/identity';
import { eventLines } from './allocation';
import { heldOn } from './issue-return';
import { itemName } from './shared';
import { tripsOf } from './transport';

/** Gathers an event's shifts, people, trips and equipment for the printed roster. */

const phone = (p: string | null) => (p ? formatPhone(p) : '');
/**
 * A count on paper in the reader's language, as the screens show it: a decimal comma in Kazakh
 * and Russian ("2,5 л"), the unit translated when it is one the app offers, else as typed.
 */
function countIn(lang: Lang, n: number, unit: string): string {
  const figure = new Intl.NumberFormat(lang === 'en' ? 'en' : 'ru', { maximumFractionDigits: 3, useGrouping: false }).format(Math.round(n * 1000) / 1000 || 0);
  if (!unit || unit === 'pcs') return figure;
  return `${figure} ${textAt(lang, `vocab.unit.${unit}`) ?? unit}`;
}

export function printRoster(db: ReadDb, eventId: string, lang: Lang, now: Date): { fileName: string; file: Buffer; pages: number } {
  const event = loadEventFacts(db, eventId);
  const extra = prepared(db, 'SELECT locality, address, contact FROM events WHERE id = ?').get(eventId) as { locality: string | null; address: string | null; contact: string | null };
  const shifts = prepared(db, 'SELECT id, title, start_at, end_at, meeting_point FROM shifts WHERE event_id = ? AND deleted = 0 ORDER BY start_at, id').all(eventId) as {
    id: string; title: string; start_at: string; end_at: string; meeting_point: string | null;
  }[];
  const people = prepared(
    db,
    `SELECT ${PERSON_NAME_SQL} AS name, v.phone FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id
     WHERE a.shift_id = ? AND a.deleted = 0 AND a.status IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')}) ORDER BY v.sort_name, v.id`,
  );
  const items = new Map((prepared(db, 'SELECT id, name_kk, name_ru, unit FROM inventory_items').all() as { id: string; name_kk: string | null; name_ru: string | null; unit: string | null }[]).map((i) => [i.id, i]));
  const nameOf = (id: string) => (items.get(id) ? itemName(items.get(id)!, lang) : id);
  const unitOf = (id: string) => items.get(id)?.unit ?? '';
  const printedOn = new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
  const trips = tripsOf(db, eventId);
  const { file, pages } = eventRoster({
    office: readOffice(db)?.name ?? '',
    title: event.title,
    start: event.start_date,
    end: event.end_date,
    place: [extra.locality, extra.address].filter((s) => s?.trim()).join(', '),
    contact: extra.contact ?? '',
    shifts: shifts.map((s) => ({
      title: s.title, start: s.start_at, end: s.end_at, meetingPoint: s.meeting_point ?? '',
      people: (people.all(s.id) as { name: string; phone: string | null }[]).map((p) => ({ name: p.name, phone: phone(p.phone) })),
    })),
    trips: trips.map((t) => ({
      vehicle: [t.plate, t.model].filter(Boolean).join(' '), driver: t.driver, driverPhone: phone(t.driverPhone), departAt: t.departAt,
      departPlace: t.departPlace, destination: t.destination, passengers: t.passengers.map((p) => ({ name: p.name, phone: phone(p.phone) })), seats: t.seats,
    })),
    tripWarnings: trips.flatMap((t) => t.clashes.map((c) => clashText(t, c, lang))),
    held: heldOn(db, eventId).map((h) => ({ name: h.name, phone: phone(h.phone), item: nameOf(h.itemId), quantity: countIn(lang, h.out, unitOf(h.itemId)) })),
    equipment: eventLines(db, eventId, printedOn).map((l) => ({ item: itemName({ name_kk: l.name.kk, name_ru: l.name.ru }, lang), allocated: countIn(lang, l.allocated, l.unit), issued: countIn(lang, l.issued, l.unit) })),
    printedOn,
  }, lang);
  return { fileName: eventRosterFileName({ start: event.start_date }), file, pages };
}

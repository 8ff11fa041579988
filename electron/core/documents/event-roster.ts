import { wallClockSpan, wallClockText } from '../../../shared/domain/date-text';
import { translate, type Lang, type Params } from '../../../shared/i18n/translate';
import { headedDocument, paperDates, type Table } from './layout';

/** What the printed event roster shows; the logistics module fills it from the event. */
export interface EventRosterInput {
  office: string;
  title: string;
  /** Calendar dates YYYY-MM-DD. */
  start: string;
  end: string;
  place: string;
  contact: string;
  shifts: {
    title: string;
    /** Wall-clock 'YYYY-MM-DDTHH:MM'. */
    start: string;
    end: string;
    meetingPoint: string;
    people: { name: string; phone: string }[];
  }[];
  trips: { vehicle: string; driver: string; driverPhone: string; departAt: string; departPlace: string; destination: string; passengers: { name: string; phone: string }[]; seats: number }[];
  /** Trips still clashing with another office's when printed (already in the reader's words): the coordinator should know before the day. */
  tripWarnings?: string[];
  /** Equipment out with people now: one row per person and item. */
  held: { name: string; phone: string; item: string; quantity: string }[];
  /** Every item planned for the event: allocated and issued. */
  equipment: { item: string; allocated: string; issued: string }[];
  printedOn?: string;
}


export const eventRosterFileName = (input: Pick<EventRosterInput, 'start'>) => `event-roster-${input.start}.pdf`;

/**
 * The event roster a coordinator takes into the field where there is no laptop: the event, each
 * shift with its meeting point and the people on it with phones, the trips with vehicles, drivers
 * and passengers, the equipment and who holds it; then, on a page of its own, the return sheet
 * (who gives back what, with boxes for how it came back and a signature). A4, in `lang`.
 */
export function eventRoster(input: EventRosterInput, lang: Lang): { file: Buffer; pages: number } {
  const t = (key: string, params?: Params) => translate(lang, `documents.eventRoster.${key}`, params);
  const doc = headedDocument({
    lang,
    printedOn: input.printedOn,
    office: input.office,
    title: t('title'),
    subject: input.title,
    lines: [
      { label: t('event'), value: input.title },
      { label: t('dates'), value: paperDates(input.start, input.end) },
      { label: t('place'), value: input.place },
      { label: t('contact'), value: input.contact },
    ],
  });
  for (const shift of input.shifts) {
    doc.paragraph(`${shift.title} · ${wallClockSpan(shift.start, shift.end)}`, { bold: true });
    if (shift.meetingPoint) doc.paragraph(`${t('meetingPoint')}: ${shift.meetingPoint}`);
    if (shift.people.length === 0) {
      doc.paragraph(t('nobody'));
      doc.pdf.moveDown(0.5);
      continue;
    }
    doc.table({
      numbered: true,
      columns: [
        { key: 'name', header: t('fullName'), width: 50 },
        { key: 'phone', header: t('phone'), width: 25 },
        { key: 'present', header: t('present'), width: 10, blank: 'box' },
      ],
      rows: shift.people.map((p) => ({ name: p.name, phone: p.phone })),
    });
  }
  /** A headed, numbered table; left out when there is nothing to list. */
  const section = <K extends string>(heading: string, table: Omit<Table<K>, 'numbered'>) => {
    if (table.rows.length === 0) return;
    doc.table({ numbered: true, heading, ...table });
  };
  section(t('trips'), {
    columns: [
      { key: 'when', header: t('departure'), width: 16 },
      { key: 'route', header: t('route'), width: 24 },
      { key: 'vehicle', header: t('vehicle'), width: 18 },
      { key: 'driver', header: t('driver'), width: 24 },
      { key: 'passengers', header: t('passengers'), width: 30 },
    ],
    rows: input.trips.map((trip) => ({
      when: wallClockText(trip.departAt), route: `${trip.departPlace} → ${trip.destination}`, vehicle: trip.vehicle,
      driver: [trip.driver, trip.driverPhone].filter(Boolean).join('\n'), passengers: `${trip.passengers.length}/${trip.seats}`,
    })),
  });
  for (const warning of input.tripWarnings ?? []) doc.paragraph(warning, { bold: true });
  // Each trip's passengers in a table of their own, a row each: a bus's twenty names in one
  // cell outgrew the page and were cut off, and the roster is what is read out at the door.
  for (const trip of input.trips) {
    section(`${t('passengers')} · ${trip.vehicle} · ${wallClockText(trip.departAt)}`, {
      columns: [
        { key: 'name', header: t('fullName'), width: 50 },
        { key: 'phone', header: t('phone'), width: 25 },
        { key: 'present', header: t('present'), width: 10, blank: 'box' },
      ],
      rows: trip.passengers,
    });
  }
  section(t('equipment'), {
    columns: [
      { key: 'item', header: t('item'), width: 50 },
      { key: 'allocated', header: t('allocated'), width: 15, align: 'right' },
      { key: 'issued', header: t('issued'), width: 15, align: 'right' },
    ],
    rows: input.equipment,
  });
  section(t('issuedTo'), {
    columns: [
      { key: 'name', header: t('fullName'), width: 36 },
      { key: 'phone', header: t('phone'), width: 24 },
      { key: 'item', header: t('item'), width: 28 },
      { key: 'quantity', header: t('quantity'), width: 10, align: 'right' },
    ],
    rows: input.held,
  });
  doc.signatureLine(t('coordinatorSignature'));
  // The return sheet: on its own page, to be filled in by hand as things come back.
  doc.newPage();
  doc.titleBlock({ office: input.office, title: t('returnTitle'), lines: [{ label: t('event'), value: input.title }] });
  doc.table({
    numbered: true,
    columns: [
      { key: 'name', header: t('fullName'), width: 24 },
      { key: 'item', header: t('item'), width: 19 },
      { key: 'quantity', header: t('quantity'), width: 8, align: 'right' },
      { key: 'returned', header: t('returnedCount'), width: 15 },
      { key: 'damaged', header: t('damaged'), width: 14, blank: 'box' },
      { key: 'missing', header: t('missing'), width: 12, blank: 'box' },
      { key: 'signature', header: t('signature'), width: 15, blank: 'signature' },
    ],
    rows: input.held.map((h) => ({ name: h.name, item: h.item, quantity: h.quantity })),
  });
  doc.signatureLine(t('receivedBy'));
  const pages = doc.pdf.bufferedPageRange().count;
  return { file: doc.finish(), pages };
}

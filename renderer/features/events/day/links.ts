import { hrefFor } from '../../../app/router';

/** Where the event screen links to its day (check-in and check-out): `<a href={dayHref(event.id)}>`. */
export const dayHref = (eventId: string) => hrefFor({ name: 'eventDay', id: eventId });

/** The office's hours ledger screen. */
export const hoursHref = () => hrefFor({ name: 'hours' });

/** The event's own screen, the day screen's way back. */
export const eventHref = (eventId: string) => hrefFor({ name: 'event', id: eventId });

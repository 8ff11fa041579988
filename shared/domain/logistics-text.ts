import type { TripClash, TripRow } from '../contract/logistics';
import { translate, type Lang } from '../i18n/translate';
import { wallClockSpan } from './date-text';
import { regionName } from './regions';

/** Logistics facts in words, the same on the event screen and on the printed roster. */

/** A trip's vehicle or driver also booked for another office's trip at the same time. */
export function clashText(trip: Pick<TripRow, 'plate' | 'driver'>, clash: TripClash, lang: Lang): string {
  return translate(lang, clash.with === 'vehicle' ? 'logistics.trips.clashVehicle' : 'logistics.trips.clashDriver', {
    plate: trip.plate, driver: trip.driver, event: clash.eventTitle, office: clash.office ? regionName(clash.office, lang) : '',
    when: wallClockSpan(clash.departAt, clash.returnAt),
  });
}

import { create } from 'zustand';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { monthOf } from '../../ui/calendar';

export interface EventFilters {
  status: string;
  category: string;
  region: string;
  /** dd.mm.yyyy as typed; the list asks for events overlapping the period. */
  from: string;
  to: string;
  text: string;
  /** Planned or under way and not over yet. */
  upcoming: boolean;
  /** Upcoming with places still to fill on a shift yet to start. */
  understaffed: boolean;
}

interface EventsViewState extends EventFilters {
  view: 'list' | 'calendar';
  /** The calendar's month, YYYY-MM. */
  month: string;
  page: number;
  set(patch: Partial<Omit<EventsViewState, 'set'>>): void;
}

/** How the events screen was left (list or calendar, filters, month), so coming back from an event returns there. */
export const useEventsView = create<EventsViewState>()((set) => ({
  view: 'list',
  status: '',
  category: '',
  region: '',
  from: '',
  to: '',
  text: '',
  upcoming: false,
  understaffed: false,
  month: monthOf(todayInKazakhstan()),
  page: 0,
  set: (patch) => set(patch),
}));

/** The filters an address may name ('#/events?upcoming=1&region=KZ-75'): the dashboard's figures open them. */
export const EVENTS_ADDRESS = ['upcoming', 'understaffed', 'region'] as const;
export type EventsAddress = Partial<Record<(typeof EVENTS_ADDRESS)[number], string>>;

/** Opens the events list filtered as an address says: those filters only, anything else cleared. */
export function showEventsFor(address: EventsAddress): void {
  useEventsView.getState().set({
    view: 'list', status: '', category: '', region: address.region ?? '', from: '', to: '', text: '', page: 0,
    upcoming: address.upcoming === '1', understaffed: address.understaffed === '1',
  });
}

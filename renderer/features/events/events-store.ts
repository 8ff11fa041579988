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
  month: monthOf(todayInKazakhstan()),
  page: 0,
  set: (patch) => set(patch),
}));

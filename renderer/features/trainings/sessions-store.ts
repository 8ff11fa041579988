import { create } from 'zustand';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { monthOf } from '../../ui/calendar';

interface SessionsViewState {
  view: 'list' | 'calendar';
  status: string;
  /** The calendar's month, YYYY-MM. */
  month: string;
  page: number;
  set(patch: Partial<Omit<SessionsViewState, 'set'>>): void;
}

/** How the sessions screen was left (list or calendar, filter, month), so coming back from a session returns there. */
export const useSessionsView = create<SessionsViewState>()((set) => ({
  view: 'list',
  status: '',
  month: monthOf(todayInKazakhstan()),
  page: 0,
  set: (patch) => set(patch),
}));

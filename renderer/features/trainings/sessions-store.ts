import { create } from 'zustand';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { monthOf } from '../../ui/calendar';

interface SessionsViewState {
  view: 'list' | 'calendar';
  status: string;
  /** 'YYYY-MM-DD': only sessions held (or closed) that ended on that date or later and by today. */
  heldSince: string;
  /** The calendar's month, YYYY-MM. */
  month: string;
  page: number;
  set(patch: Partial<Omit<SessionsViewState, 'set'>>): void;
}

/** How the sessions screen was left (list or calendar, filter, month), so coming back from a session returns there. */
export const useSessionsView = create<SessionsViewState>()((set) => ({
  view: 'list',
  status: '',
  heldSince: '',
  month: monthOf(todayInKazakhstan()),
  page: 0,
  set: (patch) => set(patch),
}));

/** The filters an address may name ('#/trainings?heldSince=2026-01-01'): the dashboard's "trainings held" opens it. */
export const SESSIONS_ADDRESS = ['heldSince'] as const;
export type SessionsAddress = Partial<Record<(typeof SESSIONS_ADDRESS)[number], string>>;

/** Opens the sessions list filtered as an address says, other filters cleared. */
export function showSessionsFor(address: SessionsAddress): void {
  useSessionsView.getState().set({ view: 'list', status: '', heldSince: address.heldSince ?? '', page: 0 });
}

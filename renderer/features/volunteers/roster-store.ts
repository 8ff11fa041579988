import { create } from 'zustand';
import type { VOLUNTEER_SORTS } from '../../../shared/contract/volunteers';

export type RosterSort = (typeof VOLUNTEER_SORTS)[number];

export interface RosterFilters {
  text: string;
  region: string;
  status: string;
  skill: string;
  area: string;
  organisationId: string;
  sort: RosterSort;
  descending: boolean;
}

interface RosterState {
  filters: RosterFilters;
  /** The highlighted row, kept so coming back from a profile returns to the same place. */
  selected: number;
  setFilters(patch: Partial<RosterFilters>): void;
  setSelected(index: number): void;
}

export const NO_FILTERS: RosterFilters = { text: '', region: '', status: '', skill: '', area: '', organisationId: '', sort: 'name', descending: false };

export const useRoster = create<RosterState>()((set) => ({
  filters: NO_FILTERS,
  selected: 0,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, selected: 0 })),
  setSelected: (selected) => set({ selected }),
}));

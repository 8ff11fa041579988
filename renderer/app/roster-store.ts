import { create } from 'zustand';
import type { VOLUNTEER_SORTS, VolunteerQuery } from '../../shared/contract/volunteers';
import { DEFAULT_ROSTER_COLUMNS, type RosterColumn } from '../../shared/contract/views';
import { OFFICE_CODES } from '../../shared/domain/regions';
import { AREAS, SKILLS, VOLUNTEER_STATUSES } from '../../shared/domain/vocabulary';
import { isoDate } from '../../shared/domain/text';
import { dateForInput, formatDate } from '../ui/format';
import { pickFrom } from '../ui/vocab';

export type RosterSort = (typeof VOLUNTEER_SORTS)[number];

export interface RosterFilters {
  text: string;
  region: string;
  status: string;
  skill: string;
  area: string;
  organisationId: string;
  /** 'missing': only people with no personal-data consent on record. */
  consent: string;
  /** A qualification kind the people must hold, valid on `qualifiedOn` (as typed; today when empty). */
  qualifiedKind: string;
  qualifiedOn: string;
  /** 'YYYY-MM-DD': only people registered on that date or later (the dashboard's "new this month" sets it). */
  createdFrom: string;
  sort: RosterSort;
  descending: boolean;
}

interface RosterState {
  filters: RosterFilters;
  /** The highlighted row, kept so coming back from a profile returns to the same place. */
  selected: number;
  /** The optional columns shown, in the table's order (the name is always there). */
  columns: RosterColumn[];
  setFilters(patch: Partial<RosterFilters>): void;
  setSelected(index: number): void;
  setColumns(columns: RosterColumn[]): void;
}

export const NO_FILTERS: RosterFilters = { text: '', region: '', status: '', skill: '', area: '', organisationId: '', consent: '', qualifiedKind: '', qualifiedOn: '', createdFrom: '', sort: 'name', descending: false };

export const useRoster = create<RosterState>()((set) => ({
  filters: NO_FILTERS,
  selected: 0,
  columns: DEFAULT_ROSTER_COLUMNS,
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, selected: 0 })),
  setSelected: (selected) => set({ selected }),
  setColumns: (columns) => set({ columns }),
}));

/** True when any filter narrows the roster (the order does not count). */
export function hasFilters(filters: RosterFilters): boolean {
  const { sort: _s, descending: _d, ...narrowing } = filters;
  return Object.values(narrowing).some((value) => value.trim() !== '');
}

/** The roster's query (without paging) for the given filters: the table and the export share it. */
export type RosterQuery = Omit<VolunteerQuery, 'offset' | 'limit'>;

export function rosterQuery(filters: RosterFilters, text = filters.text): RosterQuery {
  return {
    text: text.trim(),
    region: pickFrom(OFFICE_CODES, filters.region),
    status: pickFrom(VOLUNTEER_STATUSES, filters.status),
    skill: pickFrom(SKILLS, filters.skill),
    area: pickFrom(AREAS, filters.area),
    organisationId: filters.organisationId || undefined,
    consentMissing: filters.consent === 'missing' || undefined,
    qualifiedKind: filters.qualifiedKind || undefined,
    // A date still being typed does not filter yet (the field shows it is not a date).
    qualifiedOn: filters.qualifiedKind ? validDate(filters.qualifiedOn) : undefined,
    createdFrom: isoDate.safeParse(filters.createdFrom).success ? filters.createdFrom : undefined,
    sort: filters.sort,
    descending: filters.descending,
  };
}

/** The filters a saved query stands for: `rosterQuery` read backwards. */
export function filtersOf(query: RosterQuery): RosterFilters {
  return {
    text: query.text ?? '',
    region: query.region ?? '',
    status: query.status ?? '',
    skill: query.skill ?? '',
    area: query.area ?? '',
    organisationId: query.organisationId ?? '',
    consent: query.consentMissing ? 'missing' : '',
    qualifiedKind: query.qualifiedKind ?? '',
    qualifiedOn: query.qualifiedOn ? formatDate(query.qualifiedOn) : '',
    createdFrom: query.createdFrom ?? '',
    sort: query.sort ?? 'name',
    descending: query.descending ?? false,
  };
}

function validDate(text: string): string | undefined {
  const iso = dateForInput(text);
  return isoDate.safeParse(iso).success ? iso : undefined;
}

/** The roster's filters an address may name ('#/volunteers?status=active&createdFrom=2026-11-01'). */
export const ROSTER_ADDRESS = ['status', 'region', 'createdFrom'] as const;
export type RosterAddress = Partial<Record<(typeof ROSTER_ADDRESS)[number], string>>;

/** Opens the roster filtered as an address says: those filters only, anything else cleared. */
export function showRosterFor(address: RosterAddress): void {
  useRoster.getState().setFilters({ ...NO_FILTERS, ...address });
}

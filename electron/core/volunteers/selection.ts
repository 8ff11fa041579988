import type { z } from 'zod';
import type { rosterFilter, volunteerSelection } from '../../../shared/contract/volunteers';
import type { ReadDb } from '../db/read-only';
import { searchVolunteers } from './search';

type Filter = z.output<typeof rosterFilter>;
type Selection = z.output<typeof volunteerSelection>;

/**
 * Every volunteer the roster's filters find, in its order (the screen pages; an export or a bulk
 * action takes them all; LIMIT -1 is no limit), matched as the roster screen matches for this user.
 */
export function matchingIds(db: ReadDb, query: Filter, canReadIin: boolean): string[] {
  return searchVolunteers(db, { ...query, offset: 0, limit: -1 }, canReadIin).rows.map((r) => r.id);
}

/**
 * The ids a selection names: picked ones as given (once each), or everyone matching less those
 * unticked. "All N matching" is resolved here, so the page never sends 200,000 ids.
 */
export function selectedIds(db: ReadDb, selection: Selection, canReadIin: boolean): string[] {
  if (selection.kind === 'ids') return [...new Set(selection.ids)];
  const except = new Set(selection.except);
  const all = matchingIds(db, selection.query, canReadIin);
  return except.size === 0 ? all : all.filter((id) => !except.has(id));
}

/** The text a selection searched for (IIN lookups are counted from it). */
export const selectionText = (selection: Selection): string => (selection.kind === 'matching' ? selection.query.text : '');

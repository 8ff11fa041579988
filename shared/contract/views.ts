import { z } from 'zod';
import { requiredText } from '../domain/text';
import { call, ok } from './call';
import { rosterFilter } from './volunteers';

/**
 * Saved views of the roster: the columns, filters and order a user keeps under a name. Each user
 * has their own (office-local, never exchanged); a user sees and changes only theirs.
 */

/** Roster columns a user may hide or show; the name is always there. */
export const ROSTER_COLUMNS = ['iin', 'birthDate', 'phone', 'region', 'status', 'skills'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const DEFAULT_ROSTER_COLUMNS: RosterColumn[] = ['iin', 'birthDate', 'phone', 'region', 'status'];

export const MAX_SAVED_VIEWS = 50;

export const rosterView = z.strictObject({
  columns: z.array(z.enum(ROSTER_COLUMNS, { error: 'error.choice' })).max(ROSTER_COLUMNS.length),
  query: rosterFilter,
});
export type RosterView = z.infer<typeof rosterView>;

export const savedView = z.object({ id: z.number(), name: z.string(), view: rosterView });
export type SavedView = z.infer<typeof savedView>;

export const viewCalls = {
  /** The signed-in user's saved views, by name. */
  'views.list': call({ access: 'staff', writes: false, input: z.strictObject({}), output: z.array(savedView) }),
  /** Saves the view under a name; the user's view of the same name is replaced. */
  'views.save': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ name: requiredText(80), view: rosterView }),
    output: z.object({ id: z.number() }),
  }),
  'views.delete': call({ access: 'staff', writes: true, input: z.strictObject({ id: z.number().int().min(1) }), output: ok }),
};

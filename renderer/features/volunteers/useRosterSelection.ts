import { useCallback, useEffect, useRef, useState } from 'react';
import { BULK_LIMIT, type VolunteerRow, type VolunteerSelection } from '../../../shared/contract/volunteers';
import { call } from '../../app/api';
import type { RosterQuery } from '../../app/roster-store';

/** People ticked by id, or everyone matching the roster's filters less those unticked since. */
type Picked = { all: false; ids: Set<string> } | { all: true; except: Set<string> };

const NONE: Picked = { all: false, ids: new Set() };
const FETCH = 500;

const flip = (set: Set<string>, id: string) => {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
};

/**
 * The ids of rows from..to in the roster's order: from the pages on screen, and for a range that
 * runs past them (a Shift-click far down), asked of the core a few hundred at a time.
 */
async function idsBetween(query: RosterQuery, from: number, to: number, rowAt: (i: number) => VolunteerRow | undefined): Promise<string[]> {
  const last = Math.min(to, from + BULK_LIMIT - 1);
  const known = Array.from({ length: last - from + 1 }, (_, i) => rowAt(from + i)?.id);
  if (known.every((id) => id !== undefined)) return known as string[];
  const ids: string[] = [];
  for (let offset = from; offset <= last; offset += FETCH) {
    const page = await call('volunteers.search', { ...query, offset, limit: Math.min(FETCH, last - offset + 1) });
    ids.push(...page.rows.map((r) => r.id));
  }
  return ids;
}

/**
 * The roster's selection: click picks one, Ctrl/Cmd-click and Space toggle, Shift-click adds the
 * range from the last picked row, "all N matching" takes the filters whole (resolved in the
 * core). Another search or filter is another list, so it starts with nothing selected.
 */
export function useRosterSelection(query: RosterQuery, total: number, rowAt: (i: number) => VolunteerRow | undefined) {
  const [picked, setPicked] = useState<Picked>(NONE);
  const anchor = useRef<number | null>(null);
  const key = JSON.stringify(query);
  const clear = useCallback(() => {
    anchor.current = null;
    setPicked(NONE);
  }, []);
  useEffect(clear, [key, clear]);

  const has = (id: string) => (picked.all ? !picked.except.has(id) : picked.ids.has(id));
  const count = picked.all ? Math.max(0, total - picked.except.size) : picked.ids.size;

  const only = (id: string, index: number) => {
    anchor.current = index;
    setPicked({ all: false, ids: new Set([id]) });
  };
  const toggle = (id: string, index: number) => {
    anchor.current = index;
    setPicked((p) => (p.all ? { all: true, except: flip(p.except, id) } : { all: false, ids: flip(p.ids, id) }));
  };
  const extendTo = async (index: number) => {
    const from = anchor.current ?? index;
    const ids = await idsBetween(query, Math.min(from, index), Math.max(from, index), rowAt);
    setPicked((p) => {
      if (p.all) return { all: true, except: new Set([...p.except].filter((id) => !ids.includes(id))) };
      return { all: false, ids: new Set([...p.ids, ...ids]) };
    });
  };
  const selectAll = () => setPicked({ all: true, except: new Set() });

  /** What the core is asked to act on, or null when nothing is selected. */
  const selection = (): VolunteerSelection | null => {
    if (count === 0) return null;
    return picked.all ? { kind: 'matching', query, except: [...picked.except] } : { kind: 'ids', ids: [...picked.ids] };
  };

  return { all: picked.all, count, has, only, toggle, extendTo, selectAll, clear, selection };
}

export type RosterSelection = ReturnType<typeof useRosterSelection>;

import { useCallback, useEffect, useRef, useState } from 'react';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { call } from '../../app/api';

export const PAGE_SIZE = 100;

import type { RosterQuery } from '../../app/roster-store';

export type { RosterQuery };

export interface RosterPages {
  /** Matching volunteers in all, null until the first page answers. */
  total: number | null;
  /** True while a changed query's first page is on its way (the previous rows stay shown). */
  refreshing: boolean;
  rowAt(index: number): VolunteerRow | undefined;
  /** Asks for the pages covering these rows (those not cached or on their way). */
  want(first: number, last: number): void;
  error: unknown;
}

/**
 * The roster is never loaded whole: pages of 100 rows are fetched as they scroll into view and
 * cached by page number. A changed query starts a new generation: its first page replaces the
 * cache when it arrives (so the table does not flash empty while typing), and answers to older
 * generations are dropped, so fast typing never shows stale rows.
 */
export function useRosterPages(query: RosterQuery, reload = 0): RosterPages {
  const pages = useRef(new Map<number, VolunteerRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [, setArrivals] = useState(0);
  // A reload (after a bulk action changed people) is a new generation of the same query.
  const queryKey = JSON.stringify([query, reload]);

  const fetchPage = useCallback(
    (page: number) => {
      const ticket = generation.current;
      pending.current.add(page);
      const [q] = JSON.parse(queryKey) as [RosterQuery];
      call('volunteers.search', { ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (ticket !== generation.current) return;
          pending.current.delete(page);
          if (page === 0) pages.current = new Map();
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setRefreshing(false);
          setError(null);
          setArrivals((n) => n + 1);
        },
        (e: unknown) => {
          if (ticket !== generation.current) return;
          pending.current.delete(page);
          setRefreshing(false);
          setError(e);
        },
      );
    },
    [queryKey],
  );

  useEffect(() => {
    generation.current += 1;
    pending.current = new Set();
    setRefreshing(true);
    fetchPage(0);
  }, [fetchPage]);

  const want = useCallback(
    (first: number, last: number) => {
      // Until the new first page lands, the cache holds the old query's rows: ask for nothing yet.
      if (pending.current.has(0)) return;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (!pages.current.has(page) && !pending.current.has(page)) fetchPage(page);
      }
    },
    [fetchPage],
  );

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return { total, refreshing, rowAt, want, error };
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { regionName } from '../../../shared/domain/regions';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { displayPhone, formatDate, fullName } from '../../ui/format';
import { useDebounced } from '../../ui/useLoad';
import { useVocabLabel } from '../../ui/vocab';
import { RosterFiltersBar } from './RosterFiltersBar';
import { hasFilters, NO_FILTERS, rosterQuery, useRoster, type RosterSort } from '../../app/roster-store';
import { useRosterPages } from './useRosterPages';

const ROW_HEIGHT = 30;
const SEARCH_DELAY_MS = 150;

/** The volunteer roster: a virtual table over the core's paged search, driven by keyboard or mouse. */
export function RosterScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useVocabLabel();
  const { filters, selected, setSelected, setFilters } = useRoster();
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const text = useDebounced(filters.text, SEARCH_DELAY_MS);

  // Rebuilt only when what it depends on changes, so the page cache survives unrelated renders.
  const query = useMemo(() => rosterQuery(filters, text), [filters, text]);
  const pages = useRosterPages(query);
  const count = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { want } = pages;
  useEffect(() => {
    if (count > 0) want(first, last);
  }, [want, first, last, count, pages.refreshing]);

  // Another search, filter or order is another list: it starts at its top (entering the screen
  // is not a change, so coming back from a profile keeps its place, below).
  const listKey = JSON.stringify(query);
  const shownKey = useRef(listKey);
  useEffect(() => {
    if (shownKey.current === listKey) return;
    shownKey.current = listKey;
    if (gridRef.current) gridRef.current.scrollTop = 0;
  }, [listKey]);

  // Coming back from a profile: show the row the user left from.
  useEffect(() => {
    if (selected > 0) virtualizer.scrollToIndex(selected, { align: 'center' });
    // Only on entry (the virtualizer is created once); later moves scroll themselves.
  }, [virtualizer]);

  // '/' jumps to the search box from anywhere on the screen, as in many list-heavy tools.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (index: number) => {
    const row = pages.rowAt(index);
    if (row) navigate({ name: 'volunteer', id: row.id });
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setSelected(next);
    virtualizer.scrollToIndex(next);
  };

  const onGridKey = (e: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + pageRows,
      PageUp: selected - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(selected);
    }
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      gridRef.current?.focus();
      if (e.key === 'Enter') open(selected);
    }
  };

  return (
    <div className="screen roster">
      <div className="screen-head">
        <h1>{t('roster.title')}</h1>
        <span className="count" data-testid="roster-total" aria-live="polite">
          {pages.total === null ? t('common.loading') : t('roster.count', { count: pages.total })}
        </span>
        <span className="spacer" />
        {/* Excel import and export lives here, not in the header: it is work on this roster. */}
        <a className="button" href={hrefFor({ name: 'rosterImport' })} data-testid="roster-import-link">
          {t('rosterImport.nav')}
        </a>
        <a className="button" href={hrefFor({ name: 'certificates' })} data-testid="roster-certificates">
          {t('certificates.nav')}
        </a>
        <a className="button primary" href="#/volunteers/new">
          {t('volunteer.add')}
        </a>
      </div>
      <RosterFiltersBar searchRef={searchRef} onSearchKey={onSearchKey} />
      <ErrorText error={pages.error} />
      <div className="table roster-table" role="grid" aria-label={t('roster.title')} aria-rowcount={count}>
        <div className="table-head" role="row">
          <SortHeader sort="name" label={t('volunteer.fullName')} />
          <div role="columnheader">{t('volunteer.iin')}</div>
          <SortHeader sort="birthDate" label={t('volunteer.birthDate')} />
          <div role="columnheader">{t('volunteer.phone')}</div>
          <SortHeader sort="region" label={t('volunteer.region')} />
          <div role="columnheader">{t('volunteer.status')}</div>
        </div>
        <div className={`table-body${pages.refreshing ? ' refreshing' : ''}`} role="rowgroup" ref={gridRef} tabIndex={0} onKeyDown={onGridKey}>
          {pages.total === 0 &&
            (hasFilters(filters) ? (
              <div className="empty">
                {t('roster.empty')}{' '}
                <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
                  {t('roster.reset')}
                </button>
              </div>
            ) : (
              // An office with nobody yet: say where people come from.
              <div className="empty first-steps" data-testid="roster-first-steps">
                <p>{t('roster.emptyOffice')}</p>
                <a className="button primary" href="#/volunteers/new">
                  {t('volunteer.add')}
                </a>{' '}
                <a className="button" href={hrefFor({ name: 'rosterImport' })}>
                  {t('rosterImport.open')}
                </a>
              </div>
            ))}
          <div className="table-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <RosterRow
                key={item.key}
                row={pages.rowAt(item.index)}
                top={item.start}
                selected={item.index === selected}
                onSelect={() => setSelected(item.index)}
                onOpen={() => open(item.index)}
                region={(code) => regionName(code, lang)}
                status={(s) => label('status', s)}
              />
            ))}
          </div>
        </div>
      </div>
      <p className="muted small">{t('roster.keys')}</p>
    </div>
  );
}

interface RosterRowProps {
  row: VolunteerRow | undefined;
  top: number;
  selected: boolean;
  onSelect(): void;
  onOpen(): void;
  region(code: string): string;
  status(status: string): string;
}

function RosterRow({ row, top, selected, onSelect, onOpen, region, status }: RosterRowProps) {
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  if (!row) {
    return (
      <div className="table-row placeholder" role="row" style={style}>
        <div role="gridcell" className="shimmer" />
      </div>
    );
  }
  return (
    <div
      className={`table-row${selected ? ' selected' : ''}${row.status === 'inactive' ? ' inactive' : ''}`}
      role="row"
      aria-selected={selected}
      data-testid="roster-row"
      style={style}
      onMouseDown={onSelect}
      onClick={onOpen}
    >
      <div role="gridcell" className="name">{fullName(row)}</div>
      <div role="gridcell" className="mono">{row.iin ?? ''}</div>
      <div role="gridcell" className="mono">{formatDate(row.birthDate)}</div>
      <div role="gridcell" className="mono">{displayPhone(row.phone)}</div>
      <div role="gridcell">{row.region ? region(row.region) : ''}</div>
      <div role="gridcell"><span className={`badge status-${row.status}`}>{status(row.status)}</span></div>
    </div>
  );
}

function SortHeader({ sort, label }: { sort: RosterSort; label: string }) {
  const { filters, setFilters } = useRoster();
  const active = filters.sort === sort;
  const toggle = () => setFilters(active ? { descending: !filters.descending } : { sort, descending: false });
  return (
    <div role="columnheader" aria-sort={active ? (filters.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={toggle}>
        {label}
        <span className="sort-mark" aria-hidden="true">{active ? (filters.descending ? '▼' : '▲') : ''}</span>
      </button>
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterColumn } from '../../../shared/contract/views';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { regionName } from '../../../shared/domain/regions';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { displayPhone, formatDate, fullName } from '../../ui/format';
import { useDebounced } from '../../ui/useLoad';
import { useVocabLabel } from '../../ui/vocab';
import { RosterFiltersBar } from './RosterFiltersBar';
import { hasFilters, NO_FILTERS, rosterQuery, showRosterFor, useRoster, type RosterAddress, type RosterSort } from '../../app/roster-store';
import { useAddressFilters } from '../../ui/useAddressFilters';
import { useRosterPages } from './useRosterPages';
import { useRosterSelection, type RosterSelection } from './useRosterSelection';
import { SelectionBar } from './SelectionBar';
import { RosterViewsMenu } from './RosterViewsMenu';

const ROW_HEIGHT = 30;
const SEARCH_DELAY_MS = 150;

/** The roster, filtered first as its address says when it names filters (a dashboard figure's list). */
export function RosterScreen({ query }: { query?: RosterAddress }) {
  const ready = useAddressFilters(query, showRosterFor);
  return ready ? <Roster /> : null;
}

/** The volunteer roster: a virtual table over the core's paged search, driven by keyboard or mouse. */
function Roster() {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useVocabLabel();
  const { filters, selected, setSelected, setFilters, columns } = useRoster();
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const text = useDebounced(filters.text, SEARCH_DELAY_MS);

  // Rebuilt only when what it depends on changes, so the page cache survives unrelated renders.
  const query = useMemo(() => rosterQuery(filters, text), [filters, text]);
  const [reload, setReload] = useState(0);
  const pages = useRosterPages(query, reload);
  const count = pages.total ?? 0;
  const picked = useRosterSelection(query, count, pages.rowAt);
  const { clear: clearPicked } = picked;

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

  // '/' jumps to the search box from anywhere on the screen, as in many list-heavy tools; Esc
  // clears the selection.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'Escape' && !typing) {
        clearPicked();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clearPicked]);

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
    } else if (e.key === ' ') {
      e.preventDefault();
      const row = pages.rowAt(selected);
      if (row) picked.toggle(row.id, selected);
    }
  };

  // A click selects (it no longer opens: the name link, a double-click or Enter do).
  const onRowClick = (e: MouseEvent, index: number) => {
    const row = pages.rowAt(index);
    if (!row) return;
    setSelected(index);
    if (e.shiftKey) void picked.extendTo(index);
    else if (e.ctrlKey || e.metaKey) picked.toggle(row.id, index);
    else picked.only(row.id, index);
  };
  const gridColumns = { gridTemplateColumns: ['34px', 'minmax(220px, 2.6fr)', ...columns.map((c) => COLUMN_WIDTHS[c])].join(' ') };

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
        <RosterViewsMenu />
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
      <SelectionBar selection={picked} total={count} query={query} onChanged={() => setReload((n) => n + 1)} />
      <ErrorText error={pages.error} />
      <div className="table roster-table" role="grid" aria-multiselectable="true" aria-label={t('roster.title')} aria-rowcount={count}>
        <div className="table-head" role="row" style={gridColumns}>
          <div role="columnheader" className="pick">
            <input
              type="checkbox"
              aria-label={t('bulk.selectAllShort')}
              data-testid="roster-pick-all"
              checked={count > 0 && picked.count === count}
              disabled={count === 0}
              onChange={(e) => (e.target.checked ? picked.selectAll() : picked.clear())}
            />
          </div>
          <SortHeader sort="name" label={t('volunteer.fullName')} />
          {columns.map((c) => (SORTABLE[c] ? <SortHeader key={c} sort={SORTABLE[c]} label={t(`volunteer.${c}`)} /> : <div key={c} role="columnheader">{t(`volunteer.${c}`)}</div>))}
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
                focused={item.index === selected}
                picked={picked}
                columns={columns}
                style={gridColumns}
                onClick={(e) => onRowClick(e, item.index)}
                onToggle={() => {
                  const row = pages.rowAt(item.index);
                  if (row) picked.toggle(row.id, item.index);
                }}
                onOpen={() => open(item.index)}
                region={(code) => regionName(code, lang)}
                vocab={label}
              />
            ))}
          </div>
        </div>
      </div>
      <p className="muted small">{t('roster.keys')}</p>
    </div>
  );
}

/** Fixed widths for the optional columns; the name takes what is left. */
const COLUMN_WIDTHS: Record<RosterColumn, string> = {
  iin: '124px', birthDate: '136px', phone: '164px', region: 'minmax(150px, 1.4fr)', status: '130px', skills: 'minmax(150px, 1.4fr)',
};
const SORTABLE: Partial<Record<RosterColumn, RosterSort>> = { birthDate: 'birthDate', region: 'region' };

interface RosterRowProps {
  row: VolunteerRow | undefined;
  top: number;
  /** The keyboard's row (arrows move it, Space and Enter act on it). */
  focused: boolean;
  picked: RosterSelection;
  columns: RosterColumn[];
  style: { gridTemplateColumns: string };
  onClick(e: MouseEvent): void;
  onToggle(): void;
  onOpen(): void;
  region(code: string): string;
  vocab(kind: 'status' | 'skill', value: string): string;
}

function RosterRow({ row, top, focused, picked, columns, style: grid, onClick, onToggle, onOpen, region, vocab }: RosterRowProps) {
  const { t } = useTranslation();
  const style = { ...grid, transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  if (!row) {
    return (
      <div className="table-row placeholder" role="row" style={style}>
        <div role="gridcell" className="shimmer" />
      </div>
    );
  }
  const isPicked = picked.has(row.id);
  const name = fullName(row);
  const cell = (c: RosterColumn) => {
    switch (c) {
      case 'iin': return <div key={c} role="gridcell" className="mono">{row.iin ?? ''}</div>;
      case 'birthDate': return <div key={c} role="gridcell" className="mono">{formatDate(row.birthDate)}</div>;
      case 'phone': return <div key={c} role="gridcell" className="mono">{displayPhone(row.phone)}</div>;
      case 'region': return <div key={c} role="gridcell">{row.region ? region(row.region) : ''}</div>;
      case 'status': return <div key={c} role="gridcell"><span className={`badge status-${row.status}`}>{vocab('status', row.status)}</span></div>;
      case 'skills': return <div key={c} role="gridcell">{row.skills.map((s) => vocab('skill', s)).join(', ')}</div>;
    }
  };
  return (
    <div
      className={`table-row${focused ? ' selected' : ''}${isPicked ? ' picked' : ''}${row.status === 'inactive' ? ' inactive' : ''}`}
      role="row"
      aria-selected={isPicked}
      data-testid="roster-row"
      style={style}
      onMouseDown={(e) => {
        // Shift-click selects a range, not the page's text.
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={onClick}
      onDoubleClick={onOpen}
    >
      <div role="gridcell" className="pick" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" tabIndex={-1} aria-label={t('bulk.selectRow', { name })} checked={isPicked} onChange={onToggle} />
      </div>
      <div role="gridcell" className="name">
        <a href={hrefFor({ name: 'volunteer', id: row.id })} tabIndex={-1} data-testid="roster-open" onClick={(e) => e.stopPropagation()}>
          {name}
        </a>
      </div>
      {columns.map(cell)}
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

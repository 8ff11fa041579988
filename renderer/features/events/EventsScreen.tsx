import { useTranslation } from 'react-i18next';
import type { EventQuery, EventRow } from '../../../shared/contract/events';
import { EVENT_CATEGORIES, EVENT_STATUSES } from '../../../shared/domain/events';
import { OFFICE_CODES, regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useMayCall } from '../../app/session';
import { gridRange } from '../../ui/calendar';
import { ErrorText } from '../../ui/ErrorText';
import { Pager } from '../../ui/Pager';
import { Select } from '../../ui/Field';
import { dateForInput } from '../../ui/format';
import { MonthCalendar } from '../../ui/MonthCalendar';
import { useDebounced, useLoad } from '../../ui/useLoad';
import { pickFrom, useRegionOptions, useVocab } from '../../ui/vocab';
import { EventStatusBadge, eventDates } from './EventStatusBadge';
import { showEventsFor, useEventsView, type EventFilters, type EventsAddress } from './events-store';
import { useAddressFilters } from '../../ui/useAddressFilters';

const PAGE = 50;
/** A month of a busy region has a few hundred events; more in one grid is not readable anyway. */
const MAX_IN_MONTH = 1000;
const SEARCH_DELAY_MS = 200;

/** The filters as the core's query; a period typed only half-way (or not a date) is left out until it reads as one. */
function queryOf(f: EventFilters, text: string): EventQuery {
  const date = (typed: string) => {
    const iso = dateForInput(typed);
    return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : undefined;
  };
  const status = pickFrom(EVENT_STATUSES, f.status);
  const category = pickFrom(EVENT_CATEGORIES, f.category);
  const region = pickFrom(OFFICE_CODES, f.region);
  const from = date(f.from);
  const to = date(f.to);
  return {
    text, ...(status && { status }), ...(category && { category }), ...(region && { region }), ...(from && { from }), ...(to && { to }),
    ...(f.upcoming && { upcoming: true }), ...(f.understaffed && { understaffed: true }),
  };
}

/** Events, filtered first as the address says when it names filters (a dashboard figure's list). */
export function EventsScreen({ query }: { query?: EventsAddress }) {
  const ready = useAddressFilters(query, showEventsFor);
  return ready ? <Events /> : null;
}

/** Events: a filtered list, or the month's calendar; coordinators plan new ones. */
function Events() {
  const { t } = useTranslation();
  const may = useMayCall();
  const view = useEventsView();
  const statuses = useVocab('eventStatus', EVENT_STATUSES);
  const categories = useVocab('eventCategory', EVENT_CATEGORIES);
  const regions = useRegionOptions();
  const text = useDebounced(view.text.trim(), SEARCH_DELAY_MS);
  const query = queryOf(view, text);
  const filter = (patch: Partial<EventFilters>) => view.set({ ...patch, page: 0 });

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('events.title')}</h1>
        <span className="spacer" />
        <div className="segmented" role="group" aria-label={t('events.view')}>
          {(['list', 'calendar'] as const).map((v) => (
            <button key={v} type="button" className={view.view === v ? 'active' : undefined} aria-pressed={view.view === v} onClick={() => view.set({ view: v })} data-testid={`events-view-${v}`}>
              {t(`events.${v}View`)}
            </button>
          ))}
        </div>
        <a className="button" href={hrefFor({ name: 'hours' })} data-testid="hours-link">{t('hours.title')}</a>
        <a className="button" href={hrefFor({ name: 'logistics' })} data-testid="logistics-link">{t('logistics.inventory.title')}</a>
        {may('events.add') && <a className="button primary" href={hrefFor({ name: 'eventNew' })}>{t('events.add')}</a>}
      </div>
      <div className="filters">
        <input type="search" className="search" aria-label={t('events.search')} placeholder={t('events.search')} value={view.text} onChange={(e) => filter({ text: e.target.value })} />
        <Select id="events-status" ariaLabel={t('eventField.status')} value={view.status} options={statuses} empty={t('eventField.status')} onChange={(status) => filter({ status })} />
        <Select id="events-category" ariaLabel={t('eventField.category')} value={view.category} options={categories} empty={t('eventField.category')} onChange={(category) => filter({ category })} />
        <Select id="events-region" ariaLabel={t('eventField.region')} value={view.region} options={regions} empty={t('eventField.region')} onChange={(region) => filter({ region })} />
        {(['upcoming', 'understaffed'] as const).map((flag) => (
          <button key={flag} type="button" aria-pressed={view[flag]} className={view[flag] ? 'active' : undefined} onClick={() => filter({ [flag]: !view[flag] })} data-testid={`events-${flag}`}>
            {t(`events.${flag}`)}
          </button>
        ))}
        {view.view === 'list' && (
          <span className="period" role="group" aria-label={t('events.period')}>
            <span className="muted">{t('events.period')}</span>
            <input className="date-filter" aria-label={t('events.from')} placeholder={t('form.dateHint')} value={view.from} onChange={(e) => filter({ from: e.target.value })} maxLength={10} inputMode="numeric" />
            –
            <input className="date-filter" aria-label={t('events.to')} placeholder={t('form.dateHint')} value={view.to} onChange={(e) => filter({ to: e.target.value })} maxLength={10} inputMode="numeric" />
          </span>
        )}
      </div>
      {view.view === 'list' ? <EventList query={query} /> : <EventCalendar query={query} />}
    </div>
  );
}

function EventList({ query }: { query: EventQuery }) {
  const { t } = useTranslation();
  const { page, set } = useEventsView();
  const list = useLoad(() => call('events.list', { ...query, offset: page * PAGE, limit: PAGE }), [JSON.stringify(query), page]);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  return (
    <>
      <ErrorText error={list.error} />
      <table className="plain-table" data-testid="events-table">
        <thead>
          <tr>
            <th>{t('events.dates')}</th>
            <th>{t('eventField.title')}</th>
            <th>{t('eventField.category')}</th>
            <th>{t('events.place')}</th>
            <th className="num">{t('events.people')}</th>
            <th>{t('eventField.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <EventListRow key={e.id} e={e} />
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('events.empty')}</p>}
      <Pager page={page} pageSize={PAGE} shown={rows.length} total={total} label={t('events.pages')} onPage={(p) => set({ page: p })} />
    </>
  );
}

/** Where the event is: the locality (or its region when none was given) and the address. */
export function useEventPlace(): (e: Pick<EventRow, 'region' | 'locality' | 'place'>) => string {
  const lang = useLang();
  return (e) => [e.locality || (e.region ? regionName(e.region, lang) : ''), e.place].filter(Boolean).join(', ');
}

function EventListRow({ e }: { e: EventRow }) {
  const { t } = useTranslation();
  const place = useEventPlace();
  const short = e.filled < e.needed;
  return (
    <tr className="clickable" data-testid="event-row" onClick={() => navigate({ name: 'event', id: e.id })}>
      <td className="mono">{eventDates(e)}</td>
      <td><a href={hrefFor({ name: 'event', id: e.id })}>{e.title}</a></td>
      <td>{t(`vocab.eventCategory.${e.category}`)}</td>
      <td>{place(e)}</td>
      <td className={`num${short && e.status !== 'cancelled' ? ' gap' : ''}`}>{e.filled} / {e.needed}</td>
      <td><EventStatusBadge status={e.status} /></td>
    </tr>
  );
}

function EventCalendar({ query }: { query: EventQuery }) {
  const { t } = useTranslation();
  const { month, set } = useEventsView();
  // The calendar shows its own month: the list's period does not apply to it.
  const { from: _from, to: _to, ...rest } = query;
  const list = useLoad(() => call('events.list', { ...rest, ...gridRange(month), limit: MAX_IN_MONTH }), [JSON.stringify(rest), month]);
  const items = (list.data?.rows ?? []).map((e) => ({
    id: e.id, start: e.start, end: e.end, label: e.title, href: hrefFor({ name: 'event', id: e.id }), className: `event-${e.status}`,
    title: `${e.title} · ${t(`vocab.eventCategory.${e.category}`)} · ${eventDates(e)}`,
  }));
  return <MonthCalendar month={month} onMonth={(m) => set({ month: m })} items={items} error={list.error} label={t('events.calendarView')} testId="events-calendar" />;
}

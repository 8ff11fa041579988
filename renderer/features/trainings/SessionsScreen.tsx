import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/contract/trainings';
import { SESSION_STATUSES } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Pager } from '../../ui/Pager';
import { Select } from '../../ui/Field';
import { formatDate, formatDateRange } from '../../ui/format';
import { pickFrom } from '../../ui/vocab';
import { useLoad } from '../../ui/useLoad';
import { SessionCalendar } from './SessionCalendar';
import { showSessionsFor, useSessionsView, type SessionsAddress } from './sessions-store';
import { useAddressFilters } from '../../ui/useAddressFilters';
import { localizedText } from '../../ui/localized';
import { TrainingsTabs } from './TrainingsTabs';

const PAGE = 50;

/** Training sessions, filtered first as the address says when it names filters (a dashboard figure's list). */
export function SessionsScreen({ query }: { query?: SessionsAddress }) {
  const ready = useAddressFilters(query, showSessionsFor);
  return ready ? <Sessions /> : null;
}

/** Training sessions: a list with a status filter, or the month's calendar. */
function Sessions() {
  const { t } = useTranslation();
  const may = useMayCall();
  const { view, status, heldSince, set } = useSessionsView();
  const statuses = SESSION_STATUSES.map((s) => ({ value: s, label: t(`trainings.status.${s}`) }));

  return (
    <div className="screen">
      <TrainingsTabs current="trainings" />
      <div className="screen-head">
        <h1>{t('trainings.sessions.title')}</h1>
        <span className="spacer" />
        <div className="segmented" role="group" aria-label={t('trainings.sessions.view')}>
          <button type="button" className={view === 'list' ? 'active' : undefined} aria-pressed={view === 'list'} onClick={() => set({ view: 'list' })}>
            {t('trainings.sessions.listView')}
          </button>
          <button type="button" className={view === 'calendar' ? 'active' : undefined} aria-pressed={view === 'calendar'} onClick={() => set({ view: 'calendar' })}>
            {t('trainings.sessions.calendarView')}
          </button>
        </div>
        {may('trainings.sessions.add') && <a className="button primary" href={hrefFor({ name: 'sessionNew' })}>{t('trainings.sessions.add')}</a>}
      </div>
      <div className="filters">
        <Select id="sessions-status" ariaLabel={t('trainings.sessions.status')} value={status} options={statuses} empty={t('trainings.sessions.status')} onChange={(value) => set({ status: value, page: 0 })} />
        {heldSince && (
          // Set by the dashboard's "trainings held"; pressing it lets the filter go.
          <button type="button" aria-pressed className="active" title={t('trainings.sessions.heldSinceClear')} data-testid="sessions-held-since" onClick={() => set({ heldSince: '', page: 0 })}>
            {t('trainings.sessions.heldSince', { date: formatDate(heldSince) })} ×
          </button>
        )}
      </div>
      {view === 'list' ? <SessionList /> : <SessionCalendar status={pickFrom(SESSION_STATUSES, status)} />}
    </div>
  );
}

function SessionList() {
  const { t } = useTranslation();
  const { status, heldSince, page, set } = useSessionsView();
  const list = useLoad(
    () => call('trainings.sessions.list', { status: pickFrom(SESSION_STATUSES, status), heldSince: heldSince || undefined, offset: page * PAGE, limit: PAGE }),
    [status, heldSince, page],
  );
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  return (
    <>
      <ErrorText error={list.error} />
      <table className="plain-table" data-testid="sessions-table">
        <thead>
          <tr>
            <th>{t('trainings.sessions.dates')}</th>
            <th>{t('trainings.sessions.program')}</th>
            <th>{t('trainings.sessions.place')}</th>
            <th>{t('trainings.sessions.trainers')}</th>
            <th className="num">{t('trainings.sessions.taken')}</th>
            <th>{t('trainings.sessions.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <SessionListRow key={s.id} s={s} />
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('trainings.sessions.empty')}</p>}
      <Pager page={page} pageSize={PAGE} shown={rows.length} total={total} label={t('trainings.sessions.pages')} onPage={(p) => set({ page: p })} />
    </>
  );
}

function SessionListRow({ s }: { s: SessionRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <tr className="clickable" data-testid="session-row" onClick={() => navigate({ name: 'session', id: s.id })}>
      <td className="mono">{sessionDates(s)}</td>
      <td><a href={hrefFor({ name: 'session', id: s.id })}>{localizedText(s.programTitle, lang)}</a></td>
      <td>{s.place}</td>
      <td>{s.trainers}</td>
      <td className="num">
        {s.enrolled} / {s.capacity}
        {s.waitlisted > 0 && <span className="muted"> (+{s.waitlisted})</span>}
      </td>
      <td><StatusBadge status={s.status} label={t(`trainings.status.${s.status}`)} /></td>
    </tr>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge session-${status}`}>{label}</span>;
}

export const sessionDates = formatDateRange;

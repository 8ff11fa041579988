import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/domain/trainings';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { useLoad } from '../../ui/useLoad';
import { gridRange, monthOf, monthWeeks, onDay, shiftMonth } from './calendar';
import { sessionDates } from './SessionsScreen';
import { useSessionsView } from './sessions-store';
import { localizedText } from '../../ui/localized';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A month has a few dozen sessions at a large office; more than this in one grid is not readable anyway. */
const MAX_SESSIONS = 1000;

/** The month's sessions on a Monday-first grid; a session spanning days shows on each of them. */
export function SessionCalendar({ status }: { status: SessionStatus | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { month, set } = useSessionsView();
  const range = gridRange(month);
  const list = useLoad(() => call('trainings.sessions.list', { ...range, ...(status ? { status } : {}), limit: MAX_SESSIONS }), [month, status]);
  const sessions = list.data?.rows ?? [];
  const today = todayInKazakhstan();
  const [year, monthNumber] = month.split('-');

  return (
    <section className="calendar" aria-label={t('trainings.sessions.calendarView')} data-testid="sessions-calendar">
      <div className="calendar-head">
        <button type="button" onClick={() => set({ month: shiftMonth(month, -1) })} aria-label={t('trainings.calendar.previous')}>←</button>
        <h2 data-testid="calendar-month">{t(`trainings.calendar.month.${Number(monthNumber)}`)} {year}</h2>
        <button type="button" onClick={() => set({ month: shiftMonth(month, 1) })} aria-label={t('trainings.calendar.next')}>→</button>
        <button type="button" onClick={() => set({ month: monthOf(today) })}>{t('trainings.calendar.today')}</button>
      </div>
      <ErrorText error={list.error} />
      <div className="calendar-grid" role="table">
        <div className="calendar-row" role="row">
          {WEEKDAYS.map((d) => (
            <div key={d} role="columnheader" className="calendar-weekday">{t(`trainings.calendar.weekday.${d}`)}</div>
          ))}
        </div>
        {monthWeeks(month).map((week) => (
          <div key={week[0]!.iso} className="calendar-row" role="row">
            {week.map((day) => (
              <div key={day.iso} role="cell" className={`calendar-day${day.inMonth ? '' : ' other-month'}${day.iso === today ? ' today' : ''}`}>
                <span className="calendar-date">{Number(day.iso.slice(8))}</span>
                {onDay(sessions, day.iso).map((s) => (
                  <a
                    key={s.id}
                    className={`calendar-item session-${s.status}`}
                    href={hrefFor({ name: 'session', id: s.id })}
                    title={`${localizedText(s.programTitle, lang)} · ${sessionDates(s)}${s.place ? ` · ${s.place}` : ''}`}
                  >
                    {localizedText(s.programTitle, lang)}
                  </a>
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

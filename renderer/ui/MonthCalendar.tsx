import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInKazakhstan } from '../../shared/domain/trainings';
import { monthOf, monthWeeks, onDay, shiftMonth } from './calendar';
import { ErrorText } from './ErrorText';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** What the calendar draws of a record: its days, and a link with a status class and a tooltip. */
export interface CalendarItem {
  id: string;
  start: string;
  end: string;
  label: string;
  href: string;
  className: string;
  title: string;
}

interface Props {
  /** YYYY-MM. */
  month: string;
  onMonth(month: string): void;
  items: readonly CalendarItem[];
  error: unknown;
  label: string;
  testId: string;
  /** Something beside the month's name (a count, say). */
  extra?: ReactNode;
}

/**
 * A month on a Monday-first grid with its records (training sessions, events); a record spanning
 * days shows on each of them. The screen loads the records for `gridRange(month)`.
 */
export function MonthCalendar({ month, onMonth, items, error, label, testId, extra }: Props) {
  const { t } = useTranslation();
  const today = todayInKazakhstan();
  const [year, monthNumber] = month.split('-');
  return (
    <section className="calendar" aria-label={label} data-testid={testId}>
      <div className="calendar-head">
        <button type="button" onClick={() => onMonth(shiftMonth(month, -1))} aria-label={t('calendar.previous')}>←</button>
        <h2 data-testid="calendar-month">{t(`calendar.month.${Number(monthNumber)}`)} {year}</h2>
        <button type="button" onClick={() => onMonth(shiftMonth(month, 1))} aria-label={t('calendar.next')}>→</button>
        <button type="button" onClick={() => onMonth(monthOf(today))}>{t('calendar.today')}</button>
        {extra}
      </div>
      <ErrorText error={error} />
      <div className="calendar-grid" role="table">
        <div className="calendar-row" role="row">
          {WEEKDAYS.map((d) => (
            <div key={d} role="columnheader" className="calendar-weekday">{t(`calendar.weekday.${d}`)}</div>
          ))}
        </div>
        {monthWeeks(month).map((week) => (
          <div key={week[0]!.iso} className="calendar-row" role="row">
            {week.map((day) => (
              <div key={day.iso} role="cell" className={`calendar-day${day.inMonth ? '' : ' other-month'}${day.iso === today ? ' today' : ''}`}>
                <span className="calendar-date">{Number(day.iso.slice(8))}</span>
                {onDay(items, day.iso).map((item) => (
                  <a key={item.id} className={`calendar-item ${item.className}`} href={item.href} title={item.title}>
                    {item.label}
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

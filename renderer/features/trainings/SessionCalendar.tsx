import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { gridRange } from '../../ui/calendar';
import { localizedText } from '../../ui/localized';
import { MonthCalendar } from '../../ui/MonthCalendar';
import { useLoad } from '../../ui/useLoad';
import { sessionDates } from './SessionsScreen';
import { useSessionsView } from './sessions-store';

/** A month has a few dozen sessions at a large office; more than this in one grid is not readable anyway. */
const MAX_SESSIONS = 1000;

/** The month's sessions on the calendar grid. */
export function SessionCalendar({ status }: { status: SessionStatus | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { month, set } = useSessionsView();
  const list = useLoad(() => call('trainings.sessions.list', { ...gridRange(month), ...(status ? { status } : {}), limit: MAX_SESSIONS }), [month, status]);
  const items = (list.data?.rows ?? []).map((s) => {
    const title = localizedText(s.programTitle, lang);
    return {
      id: s.id, start: s.start, end: s.end, label: title, href: hrefFor({ name: 'session', id: s.id }), className: `session-${s.status}`,
      title: `${title} · ${sessionDates(s)}${s.place ? ` · ${s.place}` : ''}`,
    };
  });
  return <MonthCalendar month={month} onMonth={(m) => set({ month: m })} items={items} error={list.error} label={t('trainings.sessions.calendarView')} testId="sessions-calendar" />;
}

import { useTranslation } from 'react-i18next';
import type { EventStatus } from '../../../shared/domain/events';
import { wallClockSpan } from '../../../shared/domain/date-text';
import { formatDateRange } from '../../ui/format';

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return <span className={`badge event-${status}`}>{t(`vocab.eventStatus.${status}`)}</span>;
}

export const eventDates = formatDateRange;

/** A shift's times: the end's date only when it ends on another day. */
export const shiftTimes = (s: { start: string; end: string }): string => wallClockSpan(s.start, s.end);

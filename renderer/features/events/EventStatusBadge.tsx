import { useTranslation } from 'react-i18next';
import type { EventStatus } from '../../../shared/domain/events';
import { formatDateRange, formatLocalDateTime } from '../../ui/format';

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return <span className={`badge event-${status}`}>{t(`vocab.eventStatus.${status}`)}</span>;
}

export const eventDates = formatDateRange;

/** A shift's times: the end's date only when it ends on another day. */
export function shiftTimes(s: { start: string; end: string }): string {
  return s.start.slice(0, 10) === s.end.slice(0, 10) ? `${formatLocalDateTime(s.start)}–${s.end.slice(11, 16)}` : `${formatLocalDateTime(s.start)} – ${formatLocalDateTime(s.end)}`;
}

import { useTranslation } from 'react-i18next';
import type { QualificationStatus } from '../../../shared/domain/trainings';

/** Valid, in grace, expired (or not yet begun) — each in its own colour, so they are told apart at a glance. */
export function QualificationStatusBadge({ status }: { status: QualificationStatus }) {
  const { t } = useTranslation();
  return <span className={`badge qualification-${status}`} data-status={status}>{t(`trainings.qualifications.statuses.${status}`)}</span>;
}

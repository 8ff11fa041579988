import { useTranslation } from 'react-i18next';
import { KeptBy } from '../../ui/KeptBy';

/** "Kept by: <office>" on an event; when another office runs it, the screen is read-only. */
export function EventKeptBy({ event }: { event: { office: string | null; mayChange: boolean } }) {
  const { t } = useTranslation();
  return <KeptBy keptBy={event.office} mayChange={event.mayChange} hint={t('events.keptElsewhere')} label={(office) => t('events.keptBy', { office })} />;
}

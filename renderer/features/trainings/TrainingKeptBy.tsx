import { useTranslation } from 'react-i18next';
import { KeptBy } from '../../ui/KeptBy';

/**
 * "Kept by: <office>" on a kind, program or session; when another office keeps it, what only that
 * office (or the centre) may do with it (`hint`). The screen shows it read-only then.
 */
export function TrainingKeptBy({ record, hint }: { record: { office: string | null; mayChange: boolean }; hint: string }) {
  const { t } = useTranslation();
  return <KeptBy keptBy={record.office} mayChange={record.mayChange} hint={hint} label={(office) => t('trainings.keptBy', { office })} />;
}

import { useTranslation } from 'react-i18next';
import { hrefFor, type Route } from '../../app/router';

type TabName = 'trainings' | 'trainingPrograms' | 'qualificationKinds' | 'expiring';

/** The trainings section's own navigation: sessions, programs, qualification kinds and what expires soon. */
export function TrainingsTabs({ current }: { current: TabName }) {
  const { t } = useTranslation();
  const tabs: { route: Route & { name: TabName }; label: string }[] = [
    { route: { name: 'trainings' }, label: t('trainings.tabs.sessions') },
    { route: { name: 'trainingPrograms' }, label: t('trainings.tabs.programs') },
    { route: { name: 'qualificationKinds' }, label: t('trainings.tabs.kinds') },
    { route: { name: 'expiring' }, label: t('trainings.tabs.expiring') },
  ];
  return (
    <nav className="tabs" aria-label={t('trainings.tabs.label')}>
      {tabs.map((tab) => (
        <a key={tab.route.name} href={hrefFor(tab.route)} aria-current={tab.route.name === current ? 'page' : undefined} data-testid={`trainings-tab-${tab.route.name}`}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}

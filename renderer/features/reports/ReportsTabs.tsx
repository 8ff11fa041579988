import { useTranslation } from 'react-i18next';
import { hrefFor, type Route } from '../../app/router';

type TabName = 'dashboard' | 'reports';

/** The overview's own navigation: the dashboard and the reports behind it (one header entry for both). */
export function ReportsTabs({ current }: { current: TabName }) {
  const { t } = useTranslation();
  const tabs: { route: Route & { name: TabName }; label: string }[] = [
    { route: { name: 'dashboard' }, label: t('dashboard.title') },
    { route: { name: 'reports' }, label: t('reports.title') },
  ];
  return (
    <nav className="tabs" aria-label={t('dashboard.nav')}>
      {tabs.map((tab) => (
        <a key={tab.route.name} href={hrefFor(tab.route)} aria-current={tab.route.name === current ? 'page' : undefined} data-testid={`reports-tab-${tab.route.name}`}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}

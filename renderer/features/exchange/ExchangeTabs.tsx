import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { hrefFor, type Route } from '../../app/router';
import { useLoad } from '../../ui/useLoad';

type TabName = 'exchange' | 'conflicts' | 'duplicates' | 'trust';

/**
 * The exchange section's own navigation: bundles, the two review lists and the trusted offices.
 * The open conflicts are counted here, so a coordinator sees at once that some wait.
 */
export function ExchangeTabs({ current, refresh = 0 }: { current: TabName; refresh?: number }) {
  const { t } = useTranslation();
  const open = useLoad(() => call('conflicts.list', { limit: 1 }), [refresh]);
  const tabs: { route: Route & { name: TabName }; label: string; count?: number }[] = [
    { route: { name: 'exchange' }, label: t('exchange.tabs.bundles') },
    { route: { name: 'conflicts' }, label: t('exchange.tabs.conflicts'), ...(open.data?.total ? { count: open.data.total } : {}) },
    { route: { name: 'duplicates' }, label: t('exchange.tabs.duplicates') },
    { route: { name: 'trust' }, label: t('exchange.tabs.trust') },
  ];
  return (
    <nav className="tabs" aria-label={t('exchange.tabs.label')}>
      {tabs.map((tab) => (
        <a key={tab.route.name} href={hrefFor(tab.route)} aria-current={tab.route.name === current ? 'page' : undefined} data-testid={`exchange-tab-${tab.route.name}`}>
          {tab.label}
          {tab.count !== undefined && <span className="tab-count">{tab.count}</span>}
        </a>
      ))}
    </nav>
  );
}

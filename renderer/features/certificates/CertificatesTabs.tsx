import { useTranslation } from 'react-i18next';
import { hrefFor, type Route } from '../../app/router';
import { useCan } from '../../app/session';

type TabName = 'certificates' | 'certificateKeys';

/** The certificates section's tabs: the register and verification (everyone), the keys (administrators). */
export function CertificatesTabs({ current }: { current: TabName }) {
  const { t } = useTranslation();
  const admin = useCan('administrator');
  if (!admin) return null;
  const tabs: { route: Route & { name: TabName }; label: string }[] = [
    { route: { name: 'certificates' }, label: t('certificates.tabs.register') },
    { route: { name: 'certificateKeys' }, label: t('certificates.tabs.keys') },
  ];
  return (
    <nav className="tabs" aria-label={t('certificates.title')}>
      {tabs.map((tab) => (
        <a key={tab.route.name} href={hrefFor(tab.route)} aria-current={tab.route.name === current ? 'page' : undefined} data-testid={`certificates-tab-${tab.route.name}`}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}

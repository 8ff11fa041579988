import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../shared/contract/errors';
import { OfficeScreen } from '../features/admin/OfficeScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { PasswordScreen } from '../features/auth/PasswordScreen';
import { ConflictsScreen } from '../features/exchange/ConflictsScreen';
import { DuplicatesScreen } from '../features/exchange/DuplicatesScreen';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { TrustScreen } from '../features/exchange/TrustScreen';
import { OrganisationDetail } from '../features/organisations/OrganisationDetail';
import { OrganisationEdit } from '../features/organisations/OrganisationEdit';
import { OrganisationsScreen } from '../features/organisations/OrganisationsScreen';
import { RosterImportScreen } from '../features/roster-import/RosterImportScreen';
import { RosterScreen } from '../features/volunteers/RosterScreen';
import { VolunteerEdit } from '../features/volunteers/VolunteerEdit';
import { VolunteerProfile } from '../features/volunteers/VolunteerProfile';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { toastError } from '../ui/toasts';
import { call } from './api';
import { hrefFor, useRoute, type Route } from './router';
import { officeName } from '../../shared/domain/regions';
import { useLang } from './i18n';
import { useCan, useSession } from './session';

/** Header, navigation and the current screen, for a signed-in user. */
export function Shell() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, office, identified, signedOut } = useSession();
  const isAdmin = useCan('administrator');
  const isCoordinator = useCan('coordinator');
  const route = useRoute();

  // Who am I and where: refreshed on entry, so a changed role or office name shows at once.
  useEffect(() => {
    call('auth.me', {}).then(
      ({ user, office }) => identified(user, office),
      // An ended session already sends the user to sign-in, with its own notice.
      (error: unknown) => {
        if (!(error instanceof CallError && error.code === 'unauthenticated')) toastError(error);
      },
    );
  }, [identified]);

  const signOut = () => {
    // Forget the session here whatever the core says: the user asked to leave.
    call('auth.signOut', {}).catch(() => undefined).finally(() => signedOut());
  };

  const nav: { route: Route; label: string; section: string[] }[] = [
    { route: { name: 'volunteers' }, label: t('nav.volunteers'), section: ['volunteers', 'volunteerNew', 'volunteer', 'volunteerEdit'] },
    { route: { name: 'organisations' }, label: t('nav.organisations'), section: ['organisations', 'organisationNew', 'organisation', 'organisationEdit'] },
    { route: { name: 'rosterImport' }, label: t('rosterImport.nav'), section: ['rosterImport'] },
  ];
  // Exchange is a coordinator's work (the core refuses it to staff): one entry, its screens as tabs.
  if (isCoordinator) {
    nav.push({ route: { name: 'exchange' }, label: t('exchange.nav'), section: ['exchange', 'conflicts', 'duplicates', 'trust'] });
  }
  if (isAdmin) {
    nav.push({ route: { name: 'users' }, label: t('nav.users'), section: ['users'] });
    nav.push({ route: { name: 'office' }, label: t('nav.office'), section: ['office'] });
  }

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="office-name">{office ? officeName(office.code, office.name, lang) : ''}</span>
        </div>
        <nav className="shell-nav" aria-label={t('nav.label')}>
          {nav.map((item) => (
            <a
              key={item.route.name}
              href={hrefFor(item.route)}
              aria-current={item.section.includes(route.name) ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <div className="shell-user">
          <LanguageSwitch />
          {user && (
            <a
              className="user-name"
              href={hrefFor({ name: 'password' })}
              title={t('password.link')}
              aria-current={route.name === 'password' ? 'page' : undefined}
            >
              {user.displayName} <span className="muted">· {t(`vocab.role.${user.role}`)}</span>
            </a>
          )}
          <button type="button" onClick={signOut}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className="shell-main">
        <Screen route={route} isAdmin={isAdmin} isCoordinator={isCoordinator} />
      </main>
    </div>
  );
}

function Screen({ route, isAdmin, isCoordinator }: { route: Route; isAdmin: boolean; isCoordinator: boolean }) {
  switch (route.name) {
    case 'volunteers': return <RosterScreen />;
    case 'volunteerNew': return <VolunteerEdit key="new" />;
    case 'volunteer': return <VolunteerProfile key={route.id} id={route.id} />;
    case 'volunteerEdit': return <VolunteerEdit key={route.id} id={route.id} />;
    case 'organisations': return <OrganisationsScreen />;
    case 'organisationNew': return <OrganisationEdit key="new" />;
    case 'organisation': return <OrganisationDetail key={route.id} id={route.id} />;
    case 'organisationEdit': return <OrganisationEdit key={route.id} id={route.id} />;
    case 'users': return isAdmin ? <UsersScreen /> : <RosterScreen />;
    case 'office': return isAdmin ? <OfficeScreen /> : <RosterScreen />;
    case 'rosterImport': return <RosterImportScreen />;
    case 'exchange': return isCoordinator ? <ExchangeScreen /> : <RosterScreen />;
    case 'conflicts': return isCoordinator ? <ConflictsScreen /> : <RosterScreen />;
    case 'duplicates': return isCoordinator ? <DuplicatesScreen /> : <RosterScreen />;
    case 'trust': return isCoordinator ? <TrustScreen /> : <RosterScreen />;
    case 'password': return <PasswordScreen />;
  }
}

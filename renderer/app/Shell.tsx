import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../shared/contract/errors';
import { BackupBanner } from '../features/backups/BackupBanner';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { toastError, useToasts } from '../ui/toasts';
import { call } from './api';
import { hrefFor, routeDef, useRoute, type Route } from './router';
import type { RouteDef } from './route';
import { ROUTES } from './routes';
import { officeName } from '../../shared/domain/regions';
import { useLang } from './i18n';
import { useRoleCheck, useSession } from './session';

/** Header, navigation and the current screen, for a signed-in user. */
export function Shell() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, office, identified, signedOut } = useSession();
  const can = useRoleCheck();
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

  // Messages belong to the screen they were shown on; a route's key changes with its params too.
  const screen = hrefFor(route);
  useEffect(() => useToasts.getState().leftScreen(), [screen]);

  const signOut = () => {
    // Forget the session here whatever the core says: the user asked to leave.
    call('auth.signOut', {}).catch(() => undefined).finally(() => signedOut());
  };

  const nav = ROUTES.filter((def) => def.nav && can(def.role));
  const officeLabel = office ? officeName(office.code, office.name, lang) : '';
  const current = routeDef(route.name);

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="office-name" title={officeLabel}>{officeLabel}</span>
        </div>
        <nav className="shell-nav" aria-label={t('nav.label')}>
          {nav.map((def) => (
            <a
              key={def.name}
              href={hrefFor({ name: def.name } as Route)} // navigation entries take no parameters
              aria-current={def.name === current.name || def.name === current.under ? 'page' : undefined}
            >
              {t(def.nav!)}
            </a>
          ))}
        </nav>
        <div className="shell-user">
          <LanguageSwitch />
          {user && (
            <a
              className="user-name"
              href={hrefFor({ name: 'password' })}
              title={`${user.displayName} · ${t('password.link')}`} // the name may be shortened on a narrow screen
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
        {can('administrator') && current.name !== 'backups' && <BackupBanner screen={screen} />}
        {/* Another query is another start: the screen starts afresh from the filters the address names. */}
        <Fragment key={JSON.stringify('query' in route ? route.query : null)}>
          {can(current.role) ? current.screen(route as Parameters<RouteDef['screen']>[0]) : ROUTES[0].screen({})}
        </Fragment>
      </main>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { SignInScreen } from '../features/auth/SignInScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { ErrorText } from '../ui/ErrorText';
import { Toasts } from '../ui/Toasts';
import { useLoad } from '../ui/useLoad';
import { call } from './api';
import { useSession } from './session';
import { Shell } from './Shell';

/** Decides the first screen: first-run setup, sign-in, or the app itself. */
export function App() {
  const session = useSession((s) => s.session);
  return (
    <>
      {session ? <Shell /> : <Welcome />}
      <Toasts />
    </>
  );
}

function Welcome() {
  const { t } = useTranslation();
  const status = useLoad(() => call('app.status', {}), []);
  if (status.loading && !status.data) return <div className="splash">{t('common.loading')}</div>;
  if (!status.data) {
    return (
      <div className="splash">
        <ErrorText error={status.error} />
        <button type="button" onClick={status.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return status.data.needsFirstAdmin ? (
    <SetupScreen office={status.data.office} />
  ) : (
    <SignInScreen office={status.data.office} version={status.data.version} schema={status.data.schema} />
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../shared/contract/session';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Field, TextInput } from '../../ui/Field';
import { useAction } from '../../ui/useLoad';
import { officeName } from '../../../shared/domain/regions';
import { useLang } from '../../app/i18n';
import { WelcomeCard } from '../../ui/WelcomeCard';

export function SignInScreen({ office, version, schema }: { office: Office | null; version: string; schema: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { signedIn, notice } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await action.run(() => call('auth.signIn', { login, password }));
    if (result) return signedIn(result.session, result.user);
    // Refused: clear the password and put the cursor back in it for the next try.
    setPassword('');
    document.getElementById('signin-password')?.focus();
  };

  return (
    <WelcomeCard title={t('auth.title')} subtitle={office ? officeName(office.code, office.name, lang) : undefined}>
      {notice && !action.error && <div className="notice">{t(notice)}</div>}
      <form className="stack" onSubmit={submit}>
        <Field id="signin-login" label={t('auth.login')}>
          <TextInput id="signin-login" value={login} onChange={setLogin} autoComplete="username" autoFocus />
        </Field>
        <Field id="signin-password" label={t('auth.password')}>
          <TextInput id="signin-password" type="password" value={password} onChange={setPassword} autoComplete="current-password" />
        </Field>
        <ErrorText error={action.error} />
        <button type="submit" className="primary" disabled={action.busy || !login || !password}>
          {action.busy ? t('common.wait') : t('auth.signIn')}
        </button>
      </form>
      <p className="muted small">{t('app.version', { version, schema })}</p>
    </WelcomeCard>
  );
}

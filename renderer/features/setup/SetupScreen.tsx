import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { Office } from '../../../shared/contract/session';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { callFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/problems';
import { useAction } from '../../ui/useLoad';
import { useRegionOptions } from '../../ui/vocab';
import { officeName } from '../../../shared/domain/regions';
import { useLang } from '../../app/i18n';
import { WelcomeCard } from '../../ui/WelcomeCard';

/**
 * First run: the office (unless `erikti init` chose it already) and the first administrator.
 * On success the administrator is signed in.
 */
export function SetupScreen({ office }: { office: Office | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const signedIn = useSession((s) => s.signedIn);
  const regions = useRegionOptions();
  const [form, setForm] = useState({ officeCode: '', officeName: '', login: '', displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...(office ? {} : { officeCode: form.officeCode, ...(form.officeName.trim() ? { officeName: form.officeName } : {}) }),
      login: form.login,
      displayName: form.displayName,
      password: form.password,
    };
    const parsed = contract['app.setup'].input.safeParse(input);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!office && !form.officeCode) found.officeCode = { path: 'officeCode', key: 'error.required' };
    if (form.password !== form.confirm) found.confirm ??= { path: 'confirm', key: 'error.passwordMismatch' };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const result = await action.run(() => call('app.setup', parsed.data), (error) => setErrors(callFieldErrors(error)));
    if (result) signedIn(result.session, result.user);
  };

  return (
    <WelcomeCard title={t('setup.title')} subtitle={t('setup.intro')}>
      <form className="stack" onSubmit={submit} noValidate>
        {office ? (
          <p className="info">{t('setup.officeChosen', { name: officeName(office.code, office.name, lang) })}</p>
        ) : (
          <>
            <h2>{t('setup.office')}</h2>
            <Field id="setup-office" label={t('setup.officeCode')} problem={errors.officeCode}>
              <Select id="setup-office" value={form.officeCode} options={regions} onChange={set('officeCode')} empty={t('common.choose')} invalid={!!errors.officeCode} />
            </Field>
            <Field id="setup-office-name" label={t('setup.officeName')} problem={errors.officeName} hint={t('setup.officeNameHint')}>
              <TextInput id="setup-office-name" value={form.officeName} onChange={set('officeName')} />
            </Field>
          </>
        )}
        <h2>{t('setup.admin')}</h2>
        <Field id="setup-login" label={t('auth.login')} problem={errors.login} hint={t('setup.loginHint')}>
          <TextInput id="setup-login" value={form.login} onChange={set('login')} autoComplete="username" invalid={!!errors.login} />
        </Field>
        <Field id="setup-name" label={t('users.displayName')} problem={errors.displayName}>
          <TextInput id="setup-name" value={form.displayName} onChange={set('displayName')} invalid={!!errors.displayName} />
        </Field>
        <Field id="setup-password" label={t('auth.password')} problem={errors.password} hint={t('setup.passwordHint')}>
          <TextInput id="setup-password" type="password" value={form.password} onChange={set('password')} autoComplete="new-password" invalid={!!errors.password} />
        </Field>
        <Field id="setup-confirm" label={t('setup.confirm')} problem={errors.confirm}>
          <TextInput id="setup-confirm" type="password" value={form.confirm} onChange={set('confirm')} autoComplete="new-password" invalid={!!errors.confirm} />
        </Field>
        <ErrorText error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t('common.wait') : t('setup.submit')}
        </button>
      </form>
    </WelcomeCard>
  );
}

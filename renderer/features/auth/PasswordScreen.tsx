import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { call } from '../../app/api';
import { Field, TextInput } from '../../ui/Field';
import { callFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { SaveActions } from '../../ui/SaveActions';
import { useAction } from '../../ui/useLoad';

const EMPTY = { current: '', next: '', confirm: '' };

/** The signed-in user's own password: the current one proves it is them, the new one is typed twice. */
export function PasswordScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = contract['auth.changePassword'].input.safeParse({ current: form.current, next: form.next });
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!form.current) found.current ??= { path: 'current', key: 'error.required' };
    if (form.next !== form.confirm) found.confirm ??= { path: 'confirm', key: 'error.passwordMismatch' };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const done = await action.run(() => call('auth.changePassword', parsed.data), (error) => setErrors(callFieldErrors(error)));
    if (done) {
      setForm(EMPTY);
      toastOk('password.changed');
    }
  };

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('password.title')}</h1>
      </div>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form-section">
          <div className="form-grid">
            <Field id="password-current" label={t('password.current')} problem={errors.current}>
              <TextInput id="password-current" type="password" value={form.current} onChange={set('current')} autoComplete="current-password" invalid={!!errors.current} />
            </Field>
            <Field id="password-next" label={t('password.next')} problem={errors.next} hint={t('password.nextHint')}>
              <TextInput id="password-next" type="password" value={form.next} onChange={set('next')} autoComplete="new-password" invalid={!!errors.next} />
            </Field>
            <Field id="password-confirm" label={t('password.confirm')} problem={errors.confirm}>
              <TextInput id="password-confirm" type="password" value={form.confirm} onChange={set('confirm')} autoComplete="new-password" invalid={!!errors.confirm} />
            </Field>
          </div>
        </fieldset>
        <SaveActions busy={action.busy} error={action.error} fieldErrors={errors} label={action.busy ? t('common.saving') : t('password.submit')} />
      </form>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { isDefaultOfficeName, regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useSession } from '../../app/session';
import { Field, TextInput } from '../../ui/Field';
import { callFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { SaveActions } from '../../ui/SaveActions';
import { useAction } from '../../ui/useLoad';

/** The office's identity: its name and the person responsible for personal data (Law No. 94-V). */
export function OfficeScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { office, officeChanged } = useSession();
  // An office with no name of its own shows its region's name in each reader's language: the field
  // stays empty for it, rather than showing the default in whichever language set the office up.
  const [name, setName] = useState(office && !isDefaultOfficeName(office.code, office.name) ? office.name : '');
  const [dpo, setDpo] = useState(office?.dataProtectionOfficer ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();

  if (!office) return <div className="screen">{t('common.loading')}</div>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { name: name.trim() || regionName(office.code, lang), dataProtectionOfficer: dpo.trim() ? dpo : null };
    const parsed = contract['office.update'].input.safeParse(input);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    const saved = await action.run(() => call('office.update', parsed.data), (error) => setErrors(callFieldErrors(error)));
    if (saved) {
      officeChanged(saved);
      toastOk('office.saved');
    }
  };

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('office.title')}</h1>
        <a href={hrefFor({ name: 'backups' })}>{t('backups.link')}</a>
      </div>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form-section">
          <div className="form-grid">
            <div className="field">
              <span className="field-label">{t('office.code')}</span>
              <span>
                <span className="mono">{office.code}</span> · {regionName(office.code, lang)}
              </span>
            </div>
            <Field id="office-name" label={t('office.name')} problem={errors.name} hint={t('office.nameHint')}>
              <TextInput id="office-name" value={name} onChange={setName} invalid={!!errors.name} placeholder={regionName(office.code, lang)} />
            </Field>
            <Field id="office-dpo" label={t('office.dpo')} problem={errors.dataProtectionOfficer} hint={t('office.dpoHint')} wide>
              <TextInput id="office-dpo" value={dpo} onChange={setDpo} invalid={!!errors.dataProtectionOfficer} />
            </Field>
          </div>
        </fieldset>
        <SaveActions busy={action.busy} error={action.error} fieldErrors={errors} />
      </form>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationInput, type Organisation } from '../../../shared/contract/organisations';
import { ORGANISATION_TYPES } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { hrefFor, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailScreen } from '../../ui/DetailScreen';
import { Field, PhoneInput, Select, TextArea, TextInput } from '../../ui/Field';
import { displayPhone } from '../../ui/format';
import { callFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { SaveActions } from '../../ui/SaveActions';
import { useRegionOptions, useVocab } from '../../ui/vocab';

const FIELDS = ['name', 'bin', 'type', 'region', 'contactName', 'phone', 'email', 'notes'] as const;
type OrgField = (typeof FIELDS)[number];
type OrgValues = Record<OrgField, string>;

function valuesOf(o: Organisation | null, officeCode: string): OrgValues {
  if (!o) return { name: '', bin: '', type: 'association', region: officeCode === 'KZ' ? '' : officeCode, contactName: '', phone: '', email: '', notes: '' };
  return { name: o.name, bin: o.bin ?? '', type: o.type, region: o.region ?? '', contactName: o.contactName ?? '', phone: displayPhone(o.phone), email: o.email ?? '', notes: o.notes ?? '' };
}

/** Create or edit an organisation; an edit sends only the fields that changed. */
export function OrganisationEdit({ id }: { id?: string }) {
  const { t } = useTranslation();
  const officeCode = useSession((s) => s.office?.code ?? '');
  const loaded = useLoad(() => (id ? call('organisations.get', { id }) : Promise.resolve(null)), [id]);
  return (
    <DetailScreen loaded={loaded}>
      {(stored) => (
        <div className="screen">
          <div className="screen-head">
            <h1>{stored ? t('organisation.editTitle', { name: stored.name }) : t('organisation.newTitle')}</h1>
          </div>
          <OrganisationForm id={id} initial={valuesOf(stored, officeCode)} />
        </div>
      )}
    </DetailScreen>
  );
}

function OrganisationForm({ id, initial }: { id: string | undefined; initial: OrgValues }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const regions = useRegionOptions();
  const types = useVocab('orgType', ORGANISATION_TYPES);
  const set = (field: OrgField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = organisationInput.safeParse(values);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    const data = parsed.data;
    const onError = (error: unknown) => setErrors(callFieldErrors(error));
    let saved: { id: string } | undefined;
    if (id === undefined) {
      saved = await action.run(() => call('organisations.create', data), onError);
    } else {
      const patch = {};
      for (const field of FIELDS) if (values[field] !== initial[field]) Object.assign(patch, { [field]: data[field] });
      saved = await action.run(() => call('organisations.update', { id, patch }), onError);
    }
    if (saved) {
      toastOk('organisation.saved');
      navigate({ name: 'organisation', id: saved.id });
    }
  };

  const input = (field: OrgField, type: 'text' | 'tel' | 'email' = 'text') => (
    <Field id={`o-${field}`} label={t(`organisation.${field}`)} problem={errors[field]}>
      {type === 'tel' ? (
        <PhoneInput id={`o-${field}`} value={values[field]} onChange={set(field)} invalid={!!errors[field]} />
      ) : (
        <TextInput id={`o-${field}`} type={type} value={values[field]} onChange={set(field)} invalid={!!errors[field]} />
      )}
    </Field>
  );

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <div className="form-grid">
          {input('name')}
          <Field id="o-type" label={t('organisation.type')} problem={errors.type}>
            <Select id="o-type" value={values.type} options={types} onChange={set('type')} />
          </Field>
          {input('bin')}
          <Field id="o-region" label={t('organisation.region')} problem={errors.region}>
            <Select id="o-region" value={values.region} options={regions} empty={t('common.notSet')} onChange={set('region')} />
          </Field>
          {input('contactName')}
          {input('phone', 'tel')}
          {input('email', 'email')}
          <Field id="o-notes" label={t('organisation.notes')} problem={errors.notes} wide>
            <TextArea id="o-notes" value={values.notes} onChange={set('notes')} />
          </Field>
        </div>
      </fieldset>
      <SaveActions busy={action.busy} error={action.error} fieldErrors={errors}>
        <a className="button" href={hrefFor(id ? { name: 'organisation', id } : { name: 'organisations' })}>{t('common.cancel')}</a>
      </SaveActions>
    </form>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS, AVAILABILITY, CONSENT_BASES, DRIVING_CATEGORIES, LANGUAGES, SKILLS, VOLUNTEER_STATUSES } from '../../../shared/domain/vocabulary';
import { volunteerInput, type VolunteerPatch } from '../../../shared/domain/volunteer';
import { call } from '../../app/api';
import { hrefFor } from '../../app/router';
import { CheckboxGroup, Field, PhoneInput, Select, TextArea, TextInput, type Option } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { callFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/problems';
import { useAction } from '../../ui/useLoad';
import { useRegionOptions, useVocab } from '../../ui/vocab';
import { useIinCheck } from './useIinCheck';
import { SaveActions } from '../../ui/SaveActions';
import { changedFields, inputFromValues, isMinor, type ListField, type TextField, type VolunteerFormValues } from './volunteer-form';

interface Props {
  /** The record being edited; absent for a new volunteer. */
  id?: string | undefined;
  initial: VolunteerFormValues;
  /** The stored IIN as the user may see it (masked for staff), shown as a hint. */
  storedIin?: string | null;
  onSaved(id: string): void;
}

/**
 * Add or edit a volunteer. The shared schema judges the form before it is sent, so the user sees
 * the same messages, under the same fields, as the core would give; the core's own answers
 * (an IIN already taken, a minor without a guardian) land under their fields too.
 */
export function VolunteerForm({ id, initial, storedIin, onSaved }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const regions = useRegionOptions();
  const vocab = {
    sex: useVocab('sex', ['M', 'F']),
    status: useVocab('status', VOLUNTEER_STATUSES),
    skill: useVocab('skill', SKILLS),
    area: useVocab('area', AREAS),
    language: useVocab('language', LANGUAGES),
    availability: useVocab('availability', AVAILABILITY),
    consentBasis: useVocab('consentBasis', CONSENT_BASES),
  };
  const driving: Option[] = DRIVING_CATEGORIES.map((c) => ({ value: c, label: c }));

  const setText = (field: TextField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };
  const setList = (field: ListField) => (list: string[]) => {
    setValues((v) => ({ ...v, [field]: list }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };
  /** Phones may be typed any way; once the number reads, show it the standard way. */
  const iinCheck = useIinCheck(values.iin, id, initial.iin, (facts) => {
    setValues((v) => ({ ...v, birthDate: formatDate(facts.birthDate), sex: facts.sex }));
    setErrors(({ birthDate: _b, sex: _s, ...rest }) => rest);
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = volunteerInput.safeParse(inputFromValues(values));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstProblem();
      return;
    }
    const data = parsed.data;
    // The law asks for personal-data consent before a person is registered; the form asks for it.
    // (The command line and imports may still bring people in without it: they show as "no consent".)
    if (id === undefined && (!data.consentDate || !data.consentBasis)) {
      const missing: FieldErrors = {};
      if (!data.consentDate) missing.consentDate = { path: 'consentDate', key: 'error.consentRequired' };
      if (!data.consentBasis) missing.consentBasis = { path: 'consentBasis', key: 'error.consentRequired' };
      setErrors(missing);
      focusFirstProblem();
      return;
    }
    setErrors({});
    const onError = (error: unknown) => {
      setErrors(callFieldErrors(error));
      focusFirstProblem();
    };
    if (id === undefined) {
      const created = await action.run(() => call('volunteers.create', data), onError);
      if (created) onSaved(created.id);
      return;
    }
    const patch: VolunteerPatch = {};
    for (const field of changedFields(initial, values)) Object.assign(patch, { [field]: data[field] });
    if (Object.keys(patch).length === 0) return onSaved(id);
    const updated = await action.run(() => call('volunteers.update', { id, patch }), onError);
    if (updated) onSaved(updated.id);
  };

  const problemOf = (field: string) => errors[field] ?? (field === 'iin' ? (iinCheck.problem ?? undefined) : undefined);

  const text = (field: TextField, opts: { hint?: ReactNode; wide?: boolean; type?: 'text' | 'email' | 'tel'; inputMode?: 'numeric' | 'tel' } = {}) => {
    const fieldId = `v-${field}`;
    const phone = opts.type === 'tel';
    return (
      <Field id={fieldId} label={t(`volunteer.${field}`)} problem={problemOf(field)} hint={opts.hint} wide={opts.wide}>
        {phone ? (
          <PhoneInput id={fieldId} value={values[field]} onChange={setText(field)} invalid={!!problemOf(field)} />
        ) : (
          <TextInput id={fieldId} value={values[field]} onChange={setText(field)} type={opts.type} inputMode={opts.inputMode} invalid={!!problemOf(field)} />
        )}
      </Field>
    );
  };
  const date = (field: TextField) => {
    const fieldId = `v-${field}`;
    return (
      <Field id={fieldId} label={t(`volunteer.${field}`)} problem={problemOf(field)}>
        <TextInput id={fieldId} value={values[field]} onChange={setText(field)} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={!!problemOf(field)} />
      </Field>
    );
  };
  const select = (field: TextField, options: readonly Option[], empty?: string) => {
    const fieldId = `v-${field}`;
    return (
      <Field id={fieldId} label={t(`volunteer.${field}`)} problem={problemOf(field)}>
        <Select id={fieldId} value={values[field]} options={options} empty={empty} onChange={setText(field)} invalid={!!problemOf(field)} />
      </Field>
    );
  };
  const checks = (field: ListField, options: readonly Option[]) => (
    <CheckboxGroup id={`v-${field}`} legend={t(`volunteer.${field}`)} options={options} values={values[field]} onChange={setList(field)} problem={errors[field]} />
  );

  const iinHint = iinCheck.holder ? (
    <span className="warning">
      {t('error.iin.taken', { name: iinCheck.holder.name })}{' '}
      <a href={hrefFor({ name: 'volunteer', id: iinCheck.holder.id })}>{t('common.open')}</a>
    </span>
  ) : storedIin && !values.iin ? (
    t('volunteer.iinStored', { iin: storedIin })
  ) : (
    t('volunteer.iinHint')
  );
  const minor = isMinor(values.birthDate);
  const none = t('common.notSet');

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Section title={t('volunteer.section.identity')}>
        {text('lastName')}
        {text('firstName')}
        {text('middleName')}
        {text('lastNameLatin', { hint: t('volunteer.latinHint') })}
        {text('firstNameLatin')}
        {text('iin', { hint: iinHint, inputMode: 'numeric' })}
        {date('birthDate')}
        {select('sex', vocab.sex, none)}
        {checks('languages', vocab.language)}
      </Section>
      <Section title={t('volunteer.section.contacts')}>
        {text('phone', { type: 'tel', inputMode: 'tel' })}
        {text('email', { type: 'email' })}
      </Section>
      <Section title={t('volunteer.section.location')}>
        {select('region', regions, none)}
        {text('district')}
        {text('locality')}
      </Section>
      <Section title={t('volunteer.section.skills')}>
        {checks('skills', vocab.skill)}
        {(values.skills.includes('driving') || values.drivingCategories.length > 0) && checks('drivingCategories', driving)}
        {checks('areas', vocab.area)}
      </Section>
      <Section title={t('volunteer.section.availability')}>
        {select('availability', vocab.availability, none)}
        {select('status', vocab.status)}
      </Section>
      <Section title={t('volunteer.section.consent')}>
        {date('consentDate')}
        {select('consentBasis', vocab.consentBasis, none)}
        {minor && <p className="notice field-wide">{t('volunteer.minorNotice')}</p>}
        {text('guardianName')}
        {text('guardianPhone', { type: 'tel', inputMode: 'tel' })}
        {date('guardianConsentDate')}
      </Section>
      <Section title={t('volunteer.section.emergency')}>
        {text('emergencyContactName')}
        {text('emergencyContactPhone', { type: 'tel', inputMode: 'tel' })}
      </Section>
      <Section title={t('volunteer.section.notes')}>
        <Field id="v-notes" label={t('volunteer.notes')} problem={problemOf('notes')} wide>
          <TextArea id="v-notes" value={values.notes} onChange={setText('notes')} />
        </Field>
      </Section>
      <SaveActions
        busy={action.busy}
        error={action.error}
        fieldErrors={errors}
        summary={Object.keys(errors).length > 0 && <div className="error-banner" role="alert">{t('error.validation')}</div>}
      >
        <a className="button" href={hrefFor(id ? { name: 'volunteer', id } : { name: 'volunteers' })}>
          {t('common.cancel')}
        </a>
      </SaveActions>
    </form>
  );
}

/** After a refused save, the keyboard lands on the first field to correct. */
function focusFirstProblem() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.form [aria-invalid="true"]')?.focus());
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

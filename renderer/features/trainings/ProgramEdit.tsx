import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { programInput, type Program } from '../../../shared/contract/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { EditScreen } from '../../ui/DetailScreen';
import { Field, Select, TextArea, TextInput } from '../../ui/Field';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useEditForm } from '../../ui/useEditForm';
import { useLoad } from '../../ui/useLoad';
import { LocalizedFields, emptyLocalized, localizedInput, localizedProblems, localizedValues, type LocalizedValues } from './LocalizedFields';
import { localizedText, numberForInput, numberText } from '../../ui/localized';
import { TrainingKeptBy } from './TrainingKeptBy';
import { useWorkingLanguage } from './useWorkingLanguage';

interface ProgramValues {
  title: LocalizedValues;
  hours: string;
  passMark: string;
  grants: string;
  prerequisite: string;
  minAge: string;
  description: string;
}

const valuesOf = (p: Program | null): ProgramValues =>
  p
    ? {
        title: localizedValues(p.title),
        hours: numberText(p.hours),
        passMark: numberText(p.passMark),
        grants: p.grants ?? '',
        prerequisite: p.prerequisite ?? '',
        minAge: numberText(p.minAge),
        description: p.description ?? '',
      }
    : { title: emptyLocalized(), hours: '8', passMark: '', grants: '', prerequisite: '', minAge: '', description: '' };

/** Create or edit a training program (coordinators). */
export function ProgramEdit({ id }: { id?: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => (id ? call('trainings.programs.get', { id }) : Promise.resolve(null)), [id]);
  return (
    <EditScreen
      loaded={loaded}
      back={{ href: hrefFor({ name: 'trainingPrograms' }), label: t('trainings.programs.back') }}
      title={(stored) => (!stored ? t('trainings.programs.newTitle') : stored.mayChange ? t('trainings.programs.editTitle') : t('trainings.programs.viewTitle'))}
    >
      {(stored) => (
        <>
          {stored && <TrainingKeptBy record={stored} hint={t('trainings.programKeptElsewhere')} />}
          <ProgramForm id={id} initial={valuesOf(stored)} readOnly={stored?.mayChange === false} />
        </>
      )}
    </EditScreen>
  );
}

/** `readOnly`: another office's program, shown but not offered for saving (the core would refuse it). */
function ProgramForm({ id, initial, readOnly }: { id: string | undefined; initial: ProgramValues; readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const working = useWorkingLanguage();
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindOptions = (kinds.data ?? []).map((k) => ({ value: k.id, label: localizedText(k.names, lang) }));
  const { values, patch: set, problems, errors, action, save } = useEditForm(initial);
  const text = (field: 'hours' | 'passMark' | 'minAge', hint?: string) => (
    <Field id={`program-${field}`} label={t(`trainings.programs.${field}`)} problem={errors[field]} hint={hint}>
      <TextInput id={`program-${field}`} value={values[field]} onChange={(value) => set({ [field]: value })} inputMode="numeric" invalid={!!errors[field]} />
    </Field>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = programInput.safeParse({
      title: localizedInput(values.title),
      hours: numberForInput(values.hours) ?? undefined,
      passMark: numberForInput(values.passMark),
      grants: values.grants || null,
      prerequisite: values.prerequisite || null,
      minAge: numberForInput(values.minAge),
      description: values.description.trim() || null,
    });
    const saved = await save(parsed, (data) => (id ? call('trainings.programs.update', { id, patch: data }) : call('trainings.programs.add', data)));
    if (saved) {
      toastOk('trainings.programs.saved');
      navigate({ name: 'trainingPrograms' });
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form-section" disabled={readOnly}>
        <div className="form-grid">
          <LocalizedFields prefix="program-title" label={t('trainings.programs.titleField')} values={values.title} onChange={(title) => set({ title })} required={working} problems={localizedProblems(problems, 'title')} />
          {text('hours')}
          {text('passMark', t('trainings.programs.passMarkHint'))}
          {text('minAge')}
          <Field id="program-grants" label={t('trainings.programs.grants')} problem={errors.grants}>
            <Select id="program-grants" value={values.grants} options={kindOptions} empty={t('trainings.programs.grantsNone')} onChange={(grants) => set({ grants })} />
          </Field>
          <Field id="program-prerequisite" label={t('trainings.programs.prerequisite')} problem={errors.prerequisite}>
            <Select id="program-prerequisite" value={values.prerequisite} options={kindOptions} empty={t('trainings.programs.prerequisiteNone')} onChange={(prerequisite) => set({ prerequisite })} />
          </Field>
          <Field id="program-description" label={t('trainings.programs.description')} problem={errors.description} wide>
            <TextArea id="program-description" value={values.description} onChange={(description) => set({ description })} />
          </Field>
        </div>
      </fieldset>
      {readOnly ? (
        <div className="form-actions">
          <a className="button" href={hrefFor({ name: 'trainingPrograms' })}>{t('trainings.programs.back')}</a>
        </div>
      ) : (
        <SaveActions busy={action.busy} error={action.error} fieldErrors={errors}>
          <a className="button" href={hrefFor({ name: 'trainingPrograms' })}>{t('common.cancel')}</a>
        </SaveActions>
      )}
    </form>
  );
}

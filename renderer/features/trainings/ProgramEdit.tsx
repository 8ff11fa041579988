import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { programInput, type Program } from '../../../shared/contract/trainings';
import { CallError, problemsFromZod, type FieldProblem } from '../../../shared/contract/errors';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { DetailScreen } from '../../ui/DetailScreen';
import { Field, Select, TextArea, TextInput } from '../../ui/Field';
import { fieldErrors } from '../../ui/problems';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
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
    <DetailScreen loaded={loaded} back={{ href: hrefFor({ name: 'trainingPrograms' }), label: t('trainings.programs.back') }}>
      {(stored) => (
        <div className="screen">
          <div className="screen-head">
            <a href={hrefFor({ name: 'trainingPrograms' })} className="back">← {t('trainings.programs.back')}</a>
            <h1>{!stored ? t('trainings.programs.newTitle') : stored.mayChange ? t('trainings.programs.editTitle') : t('trainings.programs.viewTitle')}</h1>
          </div>
          {stored && <TrainingKeptBy record={stored} hint={t('trainings.programKeptElsewhere')} />}
          <ProgramForm id={id} initial={valuesOf(stored)} readOnly={stored?.mayChange === false} />
        </div>
      )}
    </DetailScreen>
  );
}

/** `readOnly`: another office's program, shown but not offered for saving (the core would refuse it). */
function ProgramForm({ id, initial, readOnly }: { id: string | undefined; initial: ProgramValues; readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const working = useWorkingLanguage();
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindOptions = (kinds.data ?? []).map((k) => ({ value: k.id, label: localizedText(k.names, lang) }));
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const action = useAction();
  const errors = fieldErrors(problems);
  const set = (patch: Partial<ProgramValues>) => setValues((v) => ({ ...v, ...patch }));
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
    if (!parsed.success) return setProblems(problemsFromZod(parsed.error));
    setProblems([]);
    const onError = (error: unknown) => setProblems(error instanceof CallError ? (error.fields ?? []) : []);
    const saved = await action.run(
      () => (id ? call('trainings.programs.update', { id, patch: parsed.data }) : call('trainings.programs.add', parsed.data)),
      onError,
    );
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

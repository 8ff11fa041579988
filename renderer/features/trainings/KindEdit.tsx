import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kindInput, type QualificationKind } from '../../../shared/contract/trainings';
import { CallError, type FieldProblem } from '../../../shared/contract/errors';
import { call } from '../../app/api';
import { hrefFor, navigate } from '../../app/router';
import { EditScreen } from '../../ui/DetailScreen';
import { Field, TextInput } from '../../ui/Field';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useEditForm } from '../../ui/useEditForm';
import { useLoad } from '../../ui/useLoad';
import { LocalizedFields, emptyLocalized, localizedInput, localizedProblems, localizedValues, type LocalizedValues } from './LocalizedFields';
import { numberForInput, numberText } from '../../ui/localized';
import { TrainingKeptBy } from './TrainingKeptBy';
import { useWorkingLanguage } from './useWorkingLanguage';

interface KindValues {
  names: LocalizedValues;
  validityMonths: string;
  never: boolean;
  graceMonths: string;
}

const valuesOf = (k: QualificationKind | undefined): KindValues =>
  k
    ? { names: localizedValues(k.names), validityMonths: numberText(k.validityMonths), never: k.validityMonths === null, graceMonths: String(k.graceMonths) }
    : { names: emptyLocalized(), validityMonths: '24', never: false, graceMonths: '0' };

/** Create or edit a qualification kind (coordinators). */
export function KindEdit({ id }: { id?: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(async () => {
    if (!id) return null;
    const found = (await call('trainings.kinds.list', {})).find((k) => k.id === id);
    if (!found) throw new CallError({ code: 'notFound', key: 'error.notFound' });
    return found;
  }, [id]);
  return (
    <EditScreen
      loaded={loaded}
      back={{ href: hrefFor({ name: 'qualificationKinds' }), label: t('trainings.kinds.back') }}
      title={(stored) => (!stored ? t('trainings.kinds.newTitle') : stored.mayChange ? t('trainings.kinds.editTitle') : t('trainings.kinds.viewTitle'))}
    >
      {(stored) => (
        <>
          {stored && <TrainingKeptBy record={stored} hint={t('trainings.kindKeptElsewhere')} />}
          <KindForm id={id} initial={valuesOf(stored ?? undefined)} readOnly={stored?.mayChange === false} />
        </>
      )}
    </EditScreen>
  );
}

/** `readOnly`: another office's kind (the centre's national one, say), shown but not offered for saving. */
function KindForm({ id, initial, readOnly }: { id: string | undefined; initial: KindValues; readOnly: boolean }) {
  const { t } = useTranslation();
  const working = useWorkingLanguage();
  const { values, patch: set, problems, errors, action, save } = useEditForm(initial);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = kindInput.safeParse({
      names: localizedInput(values.names),
      validityMonths: values.never ? null : numberForInput(values.validityMonths),
      graceMonths: values.never ? 0 : (numberForInput(values.graceMonths) ?? 0),
    });
    // An empty "valid for" would read as "never": never is the checkbox's to say.
    const missing: FieldProblem[] = !values.never && values.validityMonths.trim() === '' ? [{ path: 'validityMonths', key: 'error.required' }] : [];
    const saved = await save(parsed, (data) => (id ? call('trainings.kinds.update', { id, patch: data }) : call('trainings.kinds.add', data)), missing);
    if (saved) {
      toastOk('trainings.kinds.saved');
      navigate({ name: 'qualificationKinds' });
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form-section" disabled={readOnly}>
        <div className="form-grid">
          <LocalizedFields prefix="kind-name" label={t('trainings.kinds.name')} values={values.names} onChange={(names) => set({ names })} required={working} problems={localizedProblems(problems, 'names')} />
          {!values.never && (
            <Field id="kind-validity" label={t('trainings.kinds.validityMonths')} problem={errors.validityMonths}>
              <TextInput id="kind-validity" value={values.validityMonths} onChange={(validityMonths) => set({ validityMonths })} inputMode="numeric" invalid={!!errors.validityMonths} />
            </Field>
          )}
          <div className="field field-end">
            <label className="checkbox">
              <input type="checkbox" id="kind-never" checked={values.never} onChange={(e) => set({ never: e.target.checked })} />
              {t('trainings.kinds.never')}
            </label>
          </div>
          {!values.never && (
            <Field id="kind-grace" label={t('trainings.kinds.graceMonths')} problem={errors.graceMonths} hint={t('trainings.kinds.graceHint')}>
              <TextInput id="kind-grace" value={values.graceMonths} onChange={(graceMonths) => set({ graceMonths })} inputMode="numeric" invalid={!!errors.graceMonths} />
            </Field>
          )}
        </div>
      </fieldset>
      {readOnly ? (
        <div className="form-actions">
          <a className="button" href={hrefFor({ name: 'qualificationKinds' })}>{t('trainings.kinds.back')}</a>
        </div>
      ) : (
        <SaveActions busy={action.busy} error={action.error} fieldErrors={errors}>
          <a className="button" href={hrefFor({ name: 'qualificationKinds' })}>{t('common.cancel')}</a>
        </SaveActions>
      )}
    </form>
  );
}

import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionInput, type SessionDetail } from '../../../shared/contract/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { EditScreen } from '../../ui/DetailScreen';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDate } from '../../ui/format';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useEditForm } from '../../ui/useEditForm';
import { useLoad } from '../../ui/useLoad';
import { localizedText, numberForInput, numberText } from '../../ui/localized';
import { TrainingKeptBy } from './TrainingKeptBy';

interface SessionValues {
  programId: string;
  start: string;
  end: string;
  place: string;
  trainers: string;
  capacity: string;
}

const valuesOf = (s: SessionDetail | null): SessionValues =>
  s
    ? { programId: s.programId, start: formatDate(s.start), end: formatDate(s.end), place: s.place, trainers: s.trainers, capacity: numberText(s.capacity) }
    : { programId: '', start: '', end: '', place: '', trainers: '', capacity: '20' };

/** Plan a session of a program, or change its dates, place, trainers or capacity (coordinators). */
export function SessionEdit({ id }: { id?: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => (id ? call('trainings.sessions.get', { id }) : Promise.resolve(null)), [id]);
  const back = id ? { href: hrefFor({ name: 'session', id }), label: t('trainings.sessions.backToSession') } : { href: hrefFor({ name: 'trainings' }), label: t('trainings.sessions.back') };
  return (
    <EditScreen loaded={loaded} back={back} title={(stored) => (stored ? t('trainings.sessions.editTitle') : t('trainings.sessions.newTitle'))}>
      {/* Another office's session: the core refuses its changes, and its screen shows it all. */}
      {(stored) => (stored?.mayChange === false ? <TrainingKeptBy record={stored} hint={t('trainings.sessionKeptElsewhere')} /> : <SessionForm id={id} initial={valuesOf(stored)} />)}
    </EditScreen>
  );
}

function SessionForm({ id, initial }: { id: string | undefined; initial: SessionValues }) {
  const { t } = useTranslation();
  const lang = useLang();
  const programs = useLoad(() => call('trainings.programs.list', {}), []);
  const programOptions = (programs.data ?? []).map((p) => ({ value: p.id, label: localizedText(p.title, lang) }));
  const { values, set, errors, action, save } = useEditForm(initial);
  const input = (field: 'start' | 'end' | 'place' | 'trainers' | 'capacity', extra: { date?: boolean; numeric?: boolean; wide?: boolean } = {}) => (
    <Field id={`session-${field}`} label={t(`trainings.sessions.${field}`)} problem={errors[field]} wide={extra.wide}>
      <TextInput
        id={`session-${field}`}
        value={values[field]}
        onChange={set(field)}
        invalid={!!errors[field]}
        {...(extra.date ? { placeholder: t('form.dateHint'), inputMode: 'numeric' as const, maxLength: 10 } : {})}
        {...(extra.numeric ? { inputMode: 'numeric' as const } : {})}
      />
    </Field>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = sessionInput.safeParse({
      programId: values.programId,
      start: dateForInput(values.start),
      end: dateForInput(values.end) || dateForInput(values.start),
      place: values.place,
      trainers: values.trainers,
      capacity: numberForInput(values.capacity) ?? undefined,
    });
    const saved = await save(parsed, (data) => {
      const { programId: _fixed, status: _status, ...patch } = data;
      return id ? call('trainings.sessions.update', { id, patch }) : call('trainings.sessions.add', data);
    });
    if (saved) {
      toastOk('trainings.sessions.saved');
      navigate({ name: 'session', id: saved.id });
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <div className="form-grid">
          <Field id="session-program" label={t('trainings.sessions.program')} problem={errors.programId} wide>
            {id ? (
              <span>{programOptions.find((o) => o.value === values.programId)?.label ?? ''}</span>
            ) : (
              <Select id="session-program" value={values.programId} options={programOptions} empty={t('common.choose')} onChange={set('programId')} invalid={!!errors.programId} />
            )}
          </Field>
          {input('start', { date: true })}
          {input('end', { date: true })}
          {input('capacity', { numeric: true })}
          {input('place', { wide: true })}
          {input('trainers', { wide: true })}
        </div>
      </fieldset>
      <SaveActions busy={action.busy} error={action.error} fieldErrors={errors}>
        <a className="button" href={hrefFor(id ? { name: 'session', id } : { name: 'trainings' })}>{t('common.cancel')}</a>
      </SaveActions>
    </form>
  );
}

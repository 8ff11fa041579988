import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { EVENT_CATEGORIES } from '../../../shared/domain/events';
import { isoDate } from '../../../shared/domain/text';
import { call } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput } from '../../ui/format';
import { callFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';
import { VolunteerPicker } from '../../ui/VolunteerPicker';
import { pickFrom } from '../../ui/vocab';

/** Hours for work outside events, typed by hand: who (from the roster), the date, hours, category and a note. */
export function AddHours({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<VolunteerRow | null>(null);
  const [date, setDate] = useState('');
  const [hours, setHours] = useState('');
  const [category, setCategory] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const categories = EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`vocab.eventCategory.${c}`) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const dateIso = dateForInput(date);
    const value = Number(hours.replace(',', '.'));
    const problems: FieldErrors = {};
    if (!person) problems.volunteerId = { path: 'volunteerId', key: 'error.required' };
    if (!dateIso) problems.date = { path: 'date', key: 'error.required' };
    else if (!isoDate.safeParse(dateIso).success) problems.date = { path: 'date', key: 'error.date' };
    if (hours.trim() === '' || !Number.isFinite(value)) problems.hours = { path: 'hours', key: 'error.events.hours' };
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setErrors({});
    const done = await action.run(
      () => call('hours.add', { volunteerId: person!.id, date: dateIso, hours: value, category: pickFrom(EVENT_CATEGORIES, category), note: note.trim() }),
      (error) => setErrors(callFieldErrors(error)),
    );
    if (done) {
      toastOk('hours.added');
      onDone();
    }
  };

  return (
    <form className="form-section" onSubmit={submit} noValidate data-testid="hours-add">
      <h2>{t('hours.addTitle')}</h2>
      <div className="form-grid">
        <Field id="add-hours-person" label={t('eventField.volunteerId')} problem={errors.volunteerId}>
          <VolunteerPicker id="add-hours-person" label={t('eventField.volunteerId')} chosen={person} onChoose={setPerson} />
        </Field>
        <Field id="add-hours-date" label={t('hours.date')} problem={errors.date}>
          <TextInput id="add-hours-date" value={date} onChange={setDate} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={!!errors.date} />
        </Field>
        <Field id="add-hours-hours" label={t('hours.hours')} problem={errors.hours} hint={t('hours.hoursHint')}>
          <TextInput id="add-hours-hours" value={hours} onChange={setHours} inputMode="numeric" maxLength={5} invalid={!!errors.hours} />
        </Field>
        <Field id="add-hours-category" label={t('eventField.category')} problem={errors.category}>
          <Select id="add-hours-category" value={category} options={categories} empty={t('common.notSet')} onChange={setCategory} />
        </Field>
        <Field id="add-hours-note" label={t('eventField.note')} problem={errors.note} wide>
          <TextInput id="add-hours-note" value={note} onChange={setNote} maxLength={1000} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{t('common.save')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        <ErrorText error={Object.keys(errors).length > 0 ? null : action.error} />
      </div>
    </form>
  );
}

import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shiftInput, type EventDetail, type ShiftRow } from '../../../shared/contract/events';
import type { FieldProblem } from '../../../shared/contract/errors';
import { LANGUAGES } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { CheckboxGroup, Field, TextInput } from '../../ui/Field';
import { formatLocalDateTime, parseLocalDateTime } from '../../ui/format';
import { localizedText, numberForInput, numberText } from '../../ui/localized';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useEditForm } from '../../ui/useEditForm';
import { useLoad } from '../../ui/useLoad';
import { useVocab } from '../../ui/vocab';

interface ShiftValues {
  title: string;
  start: string;
  end: string;
  meetingPoint: string;
  needed: string;
  requires: string[];
  minAge: string;
  languages: string[];
}

/** A new shift starts on the event's first day, 9 to 17: the usual day, changed in two fields if not. */
const valuesOf = (s: ShiftRow | undefined, event: EventDetail): ShiftValues =>
  s
    ? { title: s.title, start: formatLocalDateTime(s.start), end: formatLocalDateTime(s.end), meetingPoint: s.meetingPoint, needed: numberText(s.needed), requires: s.requires, minAge: numberText(s.minAge), languages: s.languages }
    : { title: '', start: formatLocalDateTime(`${event.start}T09:00`), end: formatLocalDateTime(`${event.start}T17:00`), meetingPoint: '', needed: '5', requires: [], minAge: '', languages: [] };

/** Adds a shift to the event or changes one, in place on the event screen (coordinators). */
export function ShiftForm({ event, shift, onDone, onCancel }: { event: EventDetail; shift?: ShiftRow; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindOptions = (kinds.data ?? []).map((k) => ({ value: k.id, label: localizedText(k.names, lang) }));
  const languages = useVocab('language', LANGUAGES);
  const { values, set, errors, action, save } = useEditForm(() => valuesOf(shift, event));
  const labels = { title: 'title', start: 'startAt', end: 'endAt', meetingPoint: 'meetingPoint', needed: 'needed', minAge: 'minAge' } as const;
  const input = (field: keyof typeof labels, extra: { numeric?: boolean; wide?: boolean } = {}) => (
    <Field id={`shift-${field}`} label={t(`eventField.${labels[field]}`)} problem={errors[field]} wide={extra.wide}>
      <TextInput id={`shift-${field}`} value={values[field]} onChange={set(field)} invalid={!!errors[field]} {...(extra.numeric ? { inputMode: 'numeric' as const } : {})} />
    </Field>
  );
  // Typed as Kazakhstan writes it (dd.mm.yyyy hh:mm), the same on every machine whatever its locale.
  const time = (field: 'start' | 'end') => (
    <Field id={`shift-${field}`} label={t(`eventField.${labels[field]}`)} problem={errors[field]} hint={t('events.shifts.timesHint')}>
      <TextInput id={`shift-${field}`} value={values[field]} onChange={set(field)} invalid={!!errors[field]} placeholder={t('form.dateTimeHint')} maxLength={16} />
    </Field>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const start = parseLocalDateTime(values.start);
    const end = parseLocalDateTime(values.end);
    // An empty minimum age is no minimum; text that is not a number goes as is, for the schema to name.
    const parsed = shiftInput.safeParse({ ...values, start: start ?? '', end: end ?? '', needed: numberForInput(values.needed) ?? undefined, minAge: numberForInput(values.minAge) });
    // A time not typed as dd.mm.yyyy hh:mm is named so here: the contract's own message shows its wire form.
    const typed: FieldProblem[] = [...(start ? [] : [{ path: 'start', key: 'error.dateTime' }]), ...(end ? [] : [{ path: 'end', key: 'error.dateTime' }])];
    const saved = await save(parsed, (data) => (shift ? call('events.shifts.update', { id: shift.id, patch: data }) : call('events.shifts.add', { eventId: event.id, ...data })), typed);
    if (saved) {
      toastOk('events.shifts.saved');
      onDone();
    }
  };

  return (
    <form className="form shift-form" onSubmit={submit} noValidate data-testid="shift-form">
      <h3>{shift ? t('events.shifts.editTitle') : t('events.shifts.newTitle')}</h3>
      <div className="form-grid">
        {input('title', { wide: true })}
        {time('start')}
        {time('end')}
        {input('needed', { numeric: true })}
        {input('minAge', { numeric: true })}
        {input('meetingPoint', { wide: true })}
      </div>
      {kindOptions.length > 0 && <CheckboxGroup id="shift-requires" legend={t('eventField.requiredKinds')} options={kindOptions} values={values.requires} onChange={set('requires')} problem={errors.requires} />}
      <CheckboxGroup id="shift-languages" legend={t('eventField.languages')} options={languages} values={values.languages} onChange={set('languages')} problem={errors.languages} />
      <SaveActions busy={action.busy} error={action.error} fieldErrors={errors}>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </SaveActions>
    </form>
  );
}

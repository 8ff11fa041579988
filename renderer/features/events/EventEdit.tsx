import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { eventInput, type EventDetail } from '../../../shared/contract/events';
import { EVENT_CATEGORIES } from '../../../shared/domain/events';
import { call } from '../../app/api';
import { hrefFor, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { EditScreen } from '../../ui/DetailScreen';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDate } from '../../ui/format';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useEditForm } from '../../ui/useEditForm';
import { useLoad } from '../../ui/useLoad';
import { useRegionOptions, useVocab } from '../../ui/vocab';
import { EventKeptBy } from './EventKeptBy';

interface EventValues {
  title: string;
  category: string;
  start: string;
  end: string;
  region: string;
  locality: string;
  place: string;
  partners: string;
  contact: string;
}

const valuesOf = (e: EventDetail | null, region: string): EventValues =>
  e
    ? { title: e.title, category: e.category, start: formatDate(e.start), end: formatDate(e.end), region: e.region ?? '', locality: e.locality, place: e.place, partners: e.partners, contact: e.contact }
    : { title: '', category: '', start: '', end: '', region, locality: '', place: '', partners: '', contact: '' };

/** Plan an event, or change what it is, when and where (coordinators). Its status changes on its screen. */
export function EventEdit({ id }: { id?: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => (id ? call('events.get', { id }) : Promise.resolve(null)), [id]);
  // A new event is most often in the office's own region (the centre has none).
  const { office } = useSession();
  const ownRegion = office?.code.startsWith('KZ-') ? office.code : '';
  const back = id ? { href: hrefFor({ name: 'event', id }), label: t('events.backToEvent') } : { href: hrefFor({ name: 'events' }), label: t('events.back') };
  return (
    <EditScreen loaded={loaded} back={back} title={(stored) => (stored ? t('events.editTitle') : t('events.newTitle'))}>
      {(stored) => (stored?.mayChange === false ? <EventKeptBy event={stored} /> : <EventForm id={id} initial={valuesOf(stored, ownRegion)} />)}
    </EditScreen>
  );
}

function EventForm({ id, initial }: { id: string | undefined; initial: EventValues }) {
  const { t } = useTranslation();
  const categories = useVocab('eventCategory', EVENT_CATEGORIES);
  const regions = useRegionOptions();
  const { values, set, errors, action, save } = useEditForm(initial);
  const labels: Record<keyof EventValues, string> = {
    title: 'title', category: 'category', start: 'startDate', end: 'endDate', region: 'region', locality: 'locality', place: 'address', partners: 'partners', contact: 'contact',
  };
  const label = (field: keyof EventValues) => t(`eventField.${labels[field]}`);
  const input = (field: Exclude<keyof EventValues, 'category' | 'region'>, extra: { date?: boolean; wide?: boolean } = {}) => (
    <Field id={`event-${field}`} label={label(field)} problem={errors[field]} wide={extra.wide}>
      <TextInput
        id={`event-${field}`}
        value={values[field]}
        onChange={set(field)}
        invalid={!!errors[field]}
        {...(extra.date ? { placeholder: t('form.dateHint'), inputMode: 'numeric' as const, maxLength: 10 } : {})}
      />
    </Field>
  );
  const select = (field: 'category' | 'region', options: { value: string; label: string }[]) => (
    <Field id={`event-${field}`} label={label(field)} problem={errors[field]}>
      <Select id={`event-${field}`} value={values[field]} options={options} empty={t('common.choose')} onChange={set(field)} invalid={!!errors[field]} />
    </Field>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = eventInput.safeParse({ ...values, start: dateForInput(values.start), end: dateForInput(values.end) || dateForInput(values.start) });
    const saved = await save(parsed, (data) => (id ? call('events.update', { id, patch: data }) : call('events.add', data)));
    if (saved) {
      toastOk('events.saved');
      navigate({ name: 'event', id: saved.id });
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="event-form">
      <fieldset className="form-section">
        <div className="form-grid">
          {input('title', { wide: true })}
          {select('category', categories)}
          {input('start', { date: true })}
          {input('end', { date: true })}
          {select('region', regions)}
          {input('locality')}
          {input('place', { wide: true })}
          {input('partners', { wide: true })}
          {input('contact', { wide: true })}
        </div>
      </fieldset>
      <SaveActions busy={action.busy} error={action.error} fieldErrors={errors}>
        <a className="button" href={hrefFor(id ? { name: 'event', id } : { name: 'events' })}>{t('common.cancel')}</a>
      </SaveActions>
    </form>
  );
}

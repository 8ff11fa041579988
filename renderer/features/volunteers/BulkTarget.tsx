import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkActionName } from '../../../shared/contract/volunteers';
import { ENROLLING_STATUSES, todayInKazakhstan } from '../../../shared/domain/trainings';
import { AREAS, BULK_DEACTIVATION_REASONS, SKILLS } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { Select } from '../../ui/Field';
import { formatDate, formatLocalDateTime } from '../../ui/format';
import { localizedText } from '../../ui/localized';
import { useLoad } from '../../ui/useLoad';
import { useVocab } from '../../ui/vocab';

interface Props {
  action: BulkActionName;
  value: string;
  onChange(value: string): void;
}

/** What a bulk action needs besides the people: why they are deactivated, or the organisation, skill, area, session or shift. */
export function BulkTarget({ action, value, onChange }: Props) {
  const { t } = useTranslation();
  const skills = useVocab('skill', SKILLS);
  const areas = useVocab('area', AREAS);
  const reasons = useVocab('deactivationReason', BULK_DEACTIVATION_REASONS);
  const choose = t('common.choose');
  const label = t(`bulk.target.${action}`);
  switch (action) {
    case 'deactivate':
      return <Select id="bulk-target" ariaLabel={label} value={value} options={reasons} empty={choose} onChange={onChange} />;
    case 'addSkill':
      return <Select id="bulk-target" ariaLabel={label} value={value} options={skills} empty={choose} onChange={onChange} />;
    case 'addArea':
      return <Select id="bulk-target" ariaLabel={label} value={value} options={areas} empty={choose} onChange={onChange} />;
    case 'addToOrganisation':
      return <OrganisationTarget label={label} value={value} onChange={onChange} />;
    case 'enrol':
      return <SessionTarget label={label} value={value} onChange={onChange} />;
    case 'assign':
      return <ShiftTarget label={label} value={value} onChange={onChange} />;
  }
}

type TargetProps = { label: string; value: string; onChange(value: string): void };

function OrganisationTarget({ label, value, onChange }: TargetProps) {
  const { t } = useTranslation();
  const list = useLoad(() => call('organisations.list', { text: '' }), []);
  const options = (list.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return <Select id="bulk-target" ariaLabel={label} value={value} options={options} empty={t('common.choose')} onChange={onChange} />;
}

/** Sessions still taking people, from today on. */
function SessionTarget({ label, value, onChange }: TargetProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useLoad(() => call('trainings.sessions.list', { from: todayInKazakhstan() }), []);
  const options = (list.data?.rows ?? [])
    .filter((s) => ENROLLING_STATUSES.includes(s.status))
    .map((s) => ({ value: s.id, label: `${localizedText(s.programTitle, lang)} · ${formatDate(s.start)}` }));
  return <Select id="bulk-target" ariaLabel={label} value={value} options={options} empty={t('common.choose')} onChange={onChange} />;
}

/** An event from today on, then one of its shifts. */
function ShiftTarget({ label, value, onChange }: TargetProps) {
  const { t } = useTranslation();
  const [eventId, setEventId] = useState('');
  const events = useLoad(() => call('events.list', { from: todayInKazakhstan() }), []);
  const detail = useLoad(() => (eventId ? call('events.get', { id: eventId }) : Promise.resolve(null)), [eventId]);
  const eventOptions = (events.data?.rows ?? []).map((e) => ({ value: e.id, label: `${e.title} · ${formatDate(e.start)}` }));
  const shiftOptions = (detail.data?.shifts ?? []).map((s) => ({ value: s.id, label: `${s.title} · ${formatLocalDateTime(s.start)}` }));
  return (
    <>
      <Select
        id="bulk-event"
        ariaLabel={t('bulk.target.event')}
        value={eventId}
        options={eventOptions}
        empty={t('bulk.target.event')}
        onChange={(id) => {
          setEventId(id);
          onChange('');
        }}
      />
      {eventId && <Select id="bulk-target" ariaLabel={label} value={value} options={shiftOptions} empty={t('common.choose')} onChange={onChange} />}
    </>
  );
}

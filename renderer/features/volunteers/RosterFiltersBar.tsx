import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS, SKILLS, VOLUNTEER_STATUSES } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { isoDate } from '../../../shared/domain/text';
import { useLang } from '../../app/i18n';
import { Select } from '../../ui/Field';
import { dateForInput, formatDate } from '../../ui/format';
import { localizedText } from '../../ui/localized';
import { useLoad } from '../../ui/useLoad';
import { useRegionOptions, useVocab } from '../../ui/vocab';
import { NO_FILTERS, useRoster } from '../../app/roster-store';

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKey(e: KeyboardEvent): void;
}

export function RosterFiltersBar({ searchRef, onSearchKey }: Props) {
  const { t } = useTranslation();
  const { filters, setFilters } = useRoster();
  const lang = useLang();
  const regions = useRegionOptions();
  const statuses = useVocab('status', VOLUNTEER_STATUSES);
  const skills = useVocab('skill', SKILLS);
  const areas = useVocab('area', AREAS);
  // About 700 organisations nationally: one list is small enough for a select.
  const organisations = useLoad(() => call('organisations.list', { text: '' }), []);
  const orgOptions = (organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindOptions = (kinds.data ?? []).map((k) => ({ value: k.id, label: localizedText(k.names, lang) }));
  const onDate = filters.qualifiedOn.trim();
  const badDate = onDate !== '' && !isoDate.safeParse(dateForInput(onDate)).success;
  const recent = filters.sort === 'updatedAt';
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    // Two groups that each keep to one row: the fields, then the toggles (and the filters the
    // overview's links set). When the toggles do not fit beside the fields, as in Russian with
    // "Registered since" on, they move to a row of their own together instead of one by one.
    <div className="filters roster-filters">
      <div className="filter-group">
        <input
          ref={searchRef}
          type="search"
          className="search"
          aria-label={t('roster.search')}
          placeholder={t('roster.searchPlaceholder')}
          title={t('roster.searchHint')}
          value={filters.text}
          onChange={(e) => setFilters({ text: e.target.value })}
          onKeyDown={onSearchKey}
          autoFocus
        />
        <Select id="filter-region" ariaLabel={t('volunteer.region')} value={filters.region} options={regions} empty={t('volunteer.region')} onChange={(region) => setFilters({ region })} />
        <Select id="filter-status" ariaLabel={t('volunteer.status')} value={filters.status} options={statuses} empty={t('volunteer.status')} onChange={(status) => setFilters({ status })} />
        <Select id="filter-skill" ariaLabel={t('volunteer.skills')} value={filters.skill} options={skills} empty={t('volunteer.skills')} onChange={(skill) => setFilters({ skill })} />
        <Select id="filter-area" ariaLabel={t('volunteer.areas')} value={filters.area} options={areas} empty={t('roster.areasShort')} onChange={(area) => setFilters({ area })} />
        <Select id="filter-org" ariaLabel={t('volunteer.organisation')} value={filters.organisationId} options={orgOptions} empty={t('volunteer.organisation')} onChange={(organisationId) => setFilters({ organisationId })} />
        <Select id="filter-qualification" ariaLabel={t('trainings.qualifications.filter')} value={filters.qualifiedKind} options={kindOptions} empty={t('trainings.qualifications.filter')} onChange={(qualifiedKind) => setFilters({ qualifiedKind })} />
        {filters.qualifiedKind && (
          <input
            id="filter-qualified-on"
            className="date-filter"
            aria-label={t('trainings.qualifications.validOn')}
            title={t('trainings.qualifications.validOn')}
            placeholder={t('trainings.qualifications.validOnPlaceholder')}
            inputMode="numeric"
            maxLength={10}
            value={filters.qualifiedOn}
            aria-invalid={badDate || undefined}
            onChange={(e) => setFilters({ qualifiedOn: e.target.value })}
          />
        )}
      </div>
      <div className="filter-group">
        <button
          type="button"
          aria-pressed={filters.consent === 'missing'}
          className={filters.consent === 'missing' ? 'active' : undefined}
          data-testid="filter-consent-missing"
          onClick={() => setFilters({ consent: filters.consent === 'missing' ? '' : 'missing' })}
        >
          {t('roster.consentMissing')}
        </button>
        {filters.createdFrom && (
          // Set by the dashboard's "new this month"; pressing it lets the filter go.
          <button type="button" aria-pressed className="active" title={t('roster.createdFromClear')} data-testid="filter-created-from" onClick={() => setFilters({ createdFrom: '' })}>
            {t('roster.createdFrom', { date: formatDate(filters.createdFrom) })} ×
          </button>
        )}
        <button
          type="button"
          aria-pressed={recent}
          className={recent ? 'active' : undefined}
          onClick={() => setFilters(recent ? { sort: 'name', descending: false } : { sort: 'updatedAt', descending: true })}
        >
          {t('roster.recent')}
        </button>
        {filtered && (
          <button type="button" className="link" title={t('roster.reset')} onClick={() => setFilters(NO_FILTERS)}>
            {t('roster.clear')}
          </button>
        )}
      </div>
    </div>
  );
}

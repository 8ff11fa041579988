import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS, SKILLS, VOLUNTEER_STATUSES } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { Select } from '../../ui/Field';
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
  const regions = useRegionOptions();
  const statuses = useVocab('status', VOLUNTEER_STATUSES);
  const skills = useVocab('skill', SKILLS);
  const areas = useVocab('area', AREAS);
  // About 700 organisations nationally: one list is small enough for a select.
  const organisations = useLoad(() => call('organisations.list', { text: '' }), []);
  const orgOptions = (organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const any = t('roster.any');
  const recent = filters.sort === 'updatedAt';
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <div className="filters">
      <input
        ref={searchRef}
        type="search"
        className="search"
        aria-label={t('roster.search')}
        placeholder={t('roster.searchPlaceholder')}
        value={filters.text}
        onChange={(e) => setFilters({ text: e.target.value })}
        onKeyDown={onSearchKey}
        autoFocus
      />
      <Select id="filter-region" ariaLabel={t('volunteer.region')} value={filters.region} options={regions} empty={`${t('volunteer.region')}: ${any}`} onChange={(region) => setFilters({ region })} />
      <Select id="filter-status" ariaLabel={t('volunteer.status')} value={filters.status} options={statuses} empty={`${t('volunteer.status')}: ${any}`} onChange={(status) => setFilters({ status })} />
      <Select id="filter-skill" ariaLabel={t('volunteer.skills')} value={filters.skill} options={skills} empty={`${t('volunteer.skills')}: ${any}`} onChange={(skill) => setFilters({ skill })} />
      <Select id="filter-area" ariaLabel={t('volunteer.areas')} value={filters.area} options={areas} empty={`${t('volunteer.areas')}: ${any}`} onChange={(area) => setFilters({ area })} />
      <Select id="filter-org" ariaLabel={t('volunteer.organisation')} value={filters.organisationId} options={orgOptions} empty={`${t('volunteer.organisation')}: ${any}`} onChange={(organisationId) => setFilters({ organisationId })} />
      <button
        type="button"
        aria-pressed={recent}
        className={recent ? 'active' : undefined}
        onClick={() => setFilters(recent ? { sort: 'name', descending: false } : { sort: 'updatedAt', descending: true })}
      >
        {t('roster.recent')}
      </button>
      {filtered && (
        <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
          {t('roster.reset')}
        </button>
      )}
    </div>
  );
}

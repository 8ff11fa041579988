import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import type { RosterFilters } from '../../app/roster-store';
import { localizedText } from '../../ui/localized';
import { useLoad } from '../../ui/useLoad';
import { useRegionOptions, useVocabLabel } from '../../ui/vocab';

interface Props {
  filters: RosterFilters;
  /** How many people the roster's filters find, and how many there are in all; unknown while counting. */
  counts: { matching: number; everyone: number } | undefined;
  everyone: boolean;
  onEveryone(everyone: boolean): void;
}

/** The roster's filters that are on, each as "field: value" in the reader's language. */
function useActiveFilters(filters: RosterFilters): string[] {
  const { t } = useTranslation();
  const lang = useLang();
  const vocab = useVocabLabel();
  const regions = useRegionOptions();
  const organisations = useLoad(async () => (filters.organisationId ? call('organisations.list', { text: '' }) : []), [filters.organisationId]);
  const kinds = useLoad(async () => (filters.qualifiedKind ? call('trainings.kinds.list', {}) : []), [filters.qualifiedKind]);
  const active: string[] = [];
  if (filters.text.trim()) active.push(`${t('roster.search')}: «${filters.text.trim()}»`);
  if (filters.region) active.push(`${t('volunteer.region')}: ${regions.find((r) => r.value === filters.region)?.label ?? filters.region}`);
  if (filters.status) active.push(`${t('volunteer.status')}: ${vocab('status', filters.status)}`);
  if (filters.skill) active.push(`${t('volunteer.skills')}: ${vocab('skill', filters.skill)}`);
  if (filters.area) active.push(`${t('volunteer.areas')}: ${vocab('area', filters.area)}`);
  if (filters.consent === 'missing') active.push(t('roster.consentMissing'));
  if (filters.organisationId) {
    const name = organisations.data?.find((o) => o.id === filters.organisationId)?.name ?? '…';
    active.push(`${t('volunteer.organisation')}: ${name}`);
  }
  if (filters.qualifiedKind) {
    const kind = kinds.data?.find((k) => k.id === filters.qualifiedKind);
    active.push(`${t('trainings.qualifications.filter')}: ${kind ? localizedText(kind.names, lang) : '…'}`);
  }
  return active;
}

/**
 * Which people an export takes, said before it runs: the filters left on the roster and their
 * count, or everyone. Filters are easy to forget once the roster screen is out of sight.
 */
export function ExportScope({ filters, counts, everyone, onEveryone }: Props) {
  const { t } = useTranslation();
  const active = useActiveFilters(filters);
  // Counted in the background; until then the choice still reads, without its number.
  const said = (key: string, n: number | undefined) => (n === undefined ? `${t(`${key}Uncounted`)}…` : t(key, { count: n }));
  if (active.length === 0) {
    return (
      <p className="small" data-testid="export-scope">
        {said('rosterImport.scopeAll', counts?.everyone)}
      </p>
    );
  }
  return (
    <fieldset className="radio-group" data-testid="export-scope">
      <legend>{t('rosterImport.scopeTitle')}</legend>
      <label className="radio">
        <input type="radio" name="export-scope" checked={!everyone} onChange={() => onEveryone(false)} />
        <span>
          {said('rosterImport.scopeMatching', counts?.matching)}
          <span className="muted small"> — {active.join('; ')}</span>
        </span>
      </label>
      <label className="radio">
        <input type="radio" name="export-scope" checked={everyone} onChange={() => onEveryone(true)} data-testid="export-everyone" />
        {said('rosterImport.scopeEveryone', counts?.everyone)}
      </label>
    </fieldset>
  );
}

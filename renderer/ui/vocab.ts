import { useTranslation } from 'react-i18next';
import { REGIONS } from '../../shared/domain/regions';
import { useLang } from '../app/i18n';
import type { Option } from './Field';

/** The closed lists' groups, as named under `vocab.*` in the translation files. */
export type VocabGroup = 'status' | 'skill' | 'area' | 'sex' | 'availability' | 'consentBasis' | 'orgType' | 'language' | 'role' | 'eventCategory' | 'eventStatus' | 'assignmentStatus' | 'deactivationReason';

/** Options for a closed list, labelled in the current language. */
export function useVocab(group: VocabGroup, values: readonly string[]): Option[] {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`vocab.${group}.${value}`) }));
}

/** A closed-list value's label, or nothing for no value. */
export function useVocabLabel(): (group: VocabGroup, value: string | null | undefined) => string {
  const { t } = useTranslation();
  return (group, value) => (value ? t(`vocab.${group}.${value}`) : '');
}

/** The 21 offices and regions, named in the current language. */
export function useRegionOptions(): Option[] {
  const lang = useLang();
  return REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }));
}

/** Narrows a select's string to a closed list's value, or undefined for no choice. */
export function pickFrom<T extends string>(list: readonly T[], value: string): T | undefined {
  return (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

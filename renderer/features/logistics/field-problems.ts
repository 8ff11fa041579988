import type { TFunction } from 'i18next';
import { CallError } from '../../../shared/contract/errors';
import { translateProblem } from '../../ui/problems';

/**
 * A refusal's field problems as one line, each after its field's label ("Seats: Too small: at
 * least 1."). The logistics forms are inline rows that mark no field, so the core's general
 * "correct the marked fields" would leave the reader guessing which one; null when the refusal
 * names no field (its own message says it all).
 */
export function fieldProblemsText(t: TFunction, error: unknown): string | null {
  const fields = error instanceof CallError ? error.fields ?? [] : [];
  if (fields.length === 0) return null;
  return fields.map((p) => `${fieldLabel(t, p.path.split('.')[0] ?? p.path)}: ${translateProblem(t, p)}`).join(' ');
}

/** The item's name is asked in two languages, either one enough: both labels name it. */
const fieldLabel = (t: TFunction, field: string) =>
  field === 'name' ? `${t('logisticsField.nameRu')} / ${t('logisticsField.nameKk')}` : t(`logisticsField.${field}`, { defaultValue: field });

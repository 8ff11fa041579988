import type { TFunction } from 'i18next';
import { fieldOf } from '../../shared/domain/replicated-table';
import { regionName } from '../../shared/domain/regions';
import { tableSpec } from '../../shared/domain/tables';
import type { Lang } from '../app/i18n';
import { displayPhone, formatDate } from './format';

/* How any replicated record's fields read on screen: the conflict list, exchange reports, a record's history. */

/** A replicated field's label, as its table declares it (the record form's own label where there is one). */
export function fieldLabel(t: TFunction, table: string, field: string): string {
  const spec = tableSpec(table);
  const declared = spec && fieldOf(spec, field);
  return declared ? t(declared.label) : field;
}

/** A list stored as JSON text (languages, skills …), or null when the value is not one. */
function listOf(value: string): string[] | null {
  if (!value.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : null;
  } catch {
    return null;
  }
}

/**
 * A field value from the conflict list or an exchange report the way the record's screens show
 * it, by the kind its table declares: dates as dd.mm.yyyy, phones formatted, closed-list codes
 * and regions named. Empty is '' (the caller shows a dash).
 */
export function displayValue(t: TFunction, lang: Lang, table: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : JSON.stringify(value);
  const spec = tableSpec(table);
  const declared = spec && fieldOf(spec, field);
  if (!declared) return value;
  const named = (code: string) => (declared.vocab ? t(`vocab.${declared.vocab}.${code}`, { defaultValue: code }) : code);
  switch (declared.kind) {
    case 'list':
      return (listOf(value) ?? [value]).map(named).join(', ');
    case 'enum':
      return named(value);
    case 'region':
      return regionName(value, lang);
    case 'date':
      return formatDate(value);
    case 'phone':
      return displayPhone(value);
    default:
      return value;
  }
}

/** `login@KZ-75` as the core stamps changes: the login and the office, shown apart. */
export function splitActor(actor: string): { login: string; office: string } {
  const at = actor.lastIndexOf('@');
  return at < 0 ? { login: actor, office: '' } : { login: actor.slice(0, at), office: actor.slice(at + 1) };
}

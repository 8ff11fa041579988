import type { TFunction } from 'i18next';
import { regionName } from '../../../shared/domain/regions';
import type { Lang } from '../../app/i18n';
import { displayPhone, formatDate } from '../../ui/format';
import type { VocabGroup } from '../../ui/vocab';
import { download, toBase64 } from '../../app/files';

/** snake_case (the replicated field, as the core names it) to the camelCase the translations use. */
const camel = (field: string) => field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A kind of record in a bundle, e.g. `volunteers`, in the user's language (unknown kinds as named). */
export function tableLabel(t: TFunction, table: string): string {
  return t(`exchange.table.${camel(table)}`, { defaultValue: table });
}

/** A replicated field's label: the volunteer or organisation form's own label where there is one. */
export function fieldLabel(t: TFunction, table: string, field: string): string {
  if (field === 'deleted') return t('exchange.conflicts.deletedField');
  const section = table === 'organisations' ? 'organisation' : 'volunteer';
  return t(`${section}.${camel(field)}`, { defaultValue: field });
}

/** Fields whose values are closed-list codes, by the vocabulary group that names them. */
const VOCAB: Record<string, VocabGroup> = {
  sex: 'sex',
  status: 'status',
  availability: 'availability',
  consent_basis: 'consentBasis',
  type: 'orgType',
  languages: 'language',
  skills: 'skill',
  areas: 'area',
};
const DATES = new Set(['birth_date', 'consent_date', 'guardian_consent_date', 'since']);
const PHONES = new Set(['phone', 'guardian_phone', 'emergency_contact_phone']);

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
 * A field value from the conflict list the way the record's screens show it: dates as dd.mm.yyyy,
 * phones formatted, closed-list codes and regions named. Empty is '' (the caller shows a dash).
 */
export function displayValue(t: TFunction, lang: Lang, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : JSON.stringify(value);
  const group = VOCAB[field];
  const list = listOf(value);
  if (list) return list.map((v) => (group ? t(`vocab.${group}.${v}`, { defaultValue: v }) : v)).join(', ');
  if (group) return t(`vocab.${group}.${value}`, { defaultValue: value });
  if (field === 'region') return regionName(value, lang);
  if (DATES.has(field)) return formatDate(value);
  if (PHONES.has(field)) return displayPhone(value);
  return value;
}

/** A value as the edit box shows it before the coordinator changes it (raw, not translated). */
export function editableValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `login@KZ-75` as the core stamps changes: the login and the office, shown apart. */
export function splitActor(actor: string): { login: string; office: string } {
  const at = actor.lastIndexOf('@');
  return at < 0 ? { login: actor, office: '' } : { login: actor.slice(0, at), office: actor.slice(at + 1) };
}

/** A fingerprint as groups of four characters, for reading aloud over the phone. */
export function fingerprintGroups(fingerprint: string): string[] {
  const compact = fingerprint.replace(/\s+/g, '').toUpperCase();
  return compact.match(/.{1,4}/g) ?? [];
}

/** Bytes as KB or MB, one decimal for MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Saves this office's public-key file (it holds no secret: it is meant to be sent to the other offices). */
export function saveKeyFile(k: { office: string; keyFile: string }): void {
  download(`erikti-${k.office}.pub`, toBase64(new TextEncoder().encode(k.keyFile)));
}

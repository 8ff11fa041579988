import type { TFunction } from 'i18next';
import { tableSpec } from '../../../shared/domain/tables';
import { download, toBase64 } from '../../app/files';

export { displayValue, fieldLabel, splitActor } from '../../ui/record-values';

/** A kind of record in a bundle, e.g. `volunteers`, in the user's language (kinds this version does not know, as named). */
export function tableLabel(t: TFunction, table: string): string {
  const spec = tableSpec(table);
  return spec ? t(spec.label) : table;
}

/** Whether a table's records are named on their own, without their kind beside them (people). */
export function namedAlone(table: string): boolean {
  return tableSpec(table)?.namedAlone === true;
}

/** A value as the edit box shows it before the coordinator changes it (raw, not translated). */
export function editableValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
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

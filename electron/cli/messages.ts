import { CallError } from '../../shared/contract/errors';
import { databaseError } from '../core/db/errors';
import { translate, type Params } from '../../shared/i18n/translate';

/** English text for a translation key (the command line speaks English; the app speaks all three). */
export const english = (key: string, params?: Params): string => translate('en', key, params);

/** One line that says what went wrong, field by field for validation errors. */
export function describeError(failure: unknown): string {
  // Opening the database (schema upgrade, init) fails outside a call: SQLite's reason, said plainly.
  const error = databaseError(failure) ?? failure;
  if (error instanceof CallError) {
    const fields = (error.fields ?? []).map((f) => `${f.path}: ${english(f.key, f.params)}`);
    const head = english(error.key, error.params);
    return fields.length ? `${head} (${fields.join('; ')})` : head;
  }
  return error instanceof Error ? error.message : String(error);
}

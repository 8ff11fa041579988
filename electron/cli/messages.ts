import { CallError } from '../../shared/contract/errors';
import { databaseError } from '../core/db/errors';
import en from '../../shared/i18n/en.json';

type Tree = { [key: string]: string | Tree };

/** English text for a translation key (the command line speaks English; the app speaks all three). */
export function english(key: string, params: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = en as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

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

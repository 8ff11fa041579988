import type { TFunction } from 'i18next';
import type { z } from 'zod';
import i18next from 'i18next';
import { CallError, problemsFromZod, type FieldProblem } from '../../shared/contract/errors';
import { isOfficeCode, regionName } from '../../shared/domain/regions';
import { LANGS, type Lang } from '../app/i18n';

/** Field problems by the top-level field they belong to (`skills.2` is shown under `skills`). */
export type FieldErrors = Record<string, FieldProblem>;

export function fieldErrors(problems: readonly FieldProblem[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems ?? []) {
    const field = p.path.split('.')[0] ?? p.path;
    out[field] ??= p;
  }
  return out;
}

export const zodFieldErrors = (error: z.ZodError): FieldErrors => fieldErrors(problemsFromZod(error));

/** Any thrown value as a translation key and params: a CallError carries its own, anything else is internal. */
export function problemOf(error: unknown): { key: string; params?: Record<string, string | number> } {
  if (error instanceof CallError) return error.params ? { key: error.key, params: error.params } : { key: error.key };
  return { key: 'error.internal' };
}

export function translateProblem(t: TFunction, problem: { key: string; params?: Record<string, string | number> }): string {
  return t(problem.key, { ...officeNamed(problem.params), defaultValue: t('error.invalid') });
}

/** An office the core names by code ("KZ-71") is shown with its name in the reader's language. */
function officeNamed(params: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  const office = params?.office;
  if (typeof office !== 'string' || !isOfficeCode(office)) return params;
  const lang: Lang = (LANGS as readonly string[]).includes(i18next.language) ? (i18next.language as Lang) : 'ru';
  return { ...params, office: `${office} · ${regionName(office, lang)}` };
}

/** The field problems a failed save carries (validation and conflicts both may name fields). */
export const callFieldErrors = (error: unknown): FieldErrors => (error instanceof CallError ? fieldErrors(error.fields) : {});

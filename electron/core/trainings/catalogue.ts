import { CallError } from '../../../shared/contract/errors';
import type { KindInput, Localized, Program, ProgramInput, QualificationKind } from '../../../shared/contract/trainings';
import { TITLE_LANGUAGES, type TitleLanguage } from '../../../shared/domain/trainings';
import type { z } from 'zod';
import type { kindInput, programInput } from '../../../shared/contract/trainings';
import type { Db } from '../db/connection';
import { readMeta, writeMeta } from '../office/meta';
import type { Row } from '../replication/tables';
import { prepared } from '../replication/write';

/** Qualification kinds and programs: the catalogue every session is made from. */

const WORKING_LANGUAGE = 'working_language';
/** Until an administrator says otherwise, titles must be written in Russian. */
const DEFAULT_WORKING_LANGUAGE: TitleLanguage = 'ru';

export function workingLanguage(db: Db): TitleLanguage {
  const value = readMeta(db, WORKING_LANGUAGE);
  return (TITLE_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as TitleLanguage) : DEFAULT_WORKING_LANGUAGE;
}

export const setWorkingLanguage = (db: Db, lang: TitleLanguage) => writeMeta(db, WORKING_LANGUAGE, lang);

const emptyToNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());

/** kk/ru/en texts as the columns `${prefix}_kk` …; only the languages given are written. */
export function localizedColumns(prefix: string, texts: Localized): Row {
  const row: Row = {};
  for (const lang of TITLE_LANGUAGES) if (lang in texts) row[`${prefix}_${lang}`] = emptyToNull(texts[lang]);
  return row;
}

export function localizedOf(row: Record<string, unknown>, prefix: string): { kk: string | null; ru: string | null; en: string | null } {
  const at = (lang: TitleLanguage) => (row[`${prefix}_${lang}`] as string | null) ?? null;
  return { kk: at('kk'), ru: at('ru'), en: at('en') };
}

/** A title (or a kind's name) must be written in the office's working language. */
export function requireWorkingLanguage(db: Db, texts: { kk: string | null; ru: string | null; en: string | null }): void {
  const lang = workingLanguage(db);
  if (!texts[lang]) {
    throw new CallError(
      { code: 'validation', key: 'error.trainings.titleLanguage', params: { lang }, fields: [{ path: `title.${lang}`, key: 'error.required' }] },
      `The title must be written in the working language (${lang})`,
    );
  }
}

/** The name to show in messages: the working language's, else any. */
export function displayName(db: Db, texts: { kk: string | null; ru: string | null; en: string | null }): string {
  return texts[workingLanguage(db)] ?? texts.ru ?? texts.kk ?? texts.en ?? '';
}

// --- Kinds ---------------------------------------------------------------------------------

interface KindRow {
  id: string;
  name_kk: string | null;
  name_ru: string | null;
  name_en: string | null;
  validity_months: number | null;
  grace_months: number | null;
  office: string | null;
}

const kindOf = (r: KindRow): QualificationKind => ({
  id: r.id,
  names: localizedOf(r as unknown as Record<string, unknown>, 'name'),
  validityMonths: r.validity_months,
  graceMonths: r.grace_months ?? 0,
  office: r.office,
});

export function listKinds(db: Db): QualificationKind[] {
  const rows = prepared(db, 'SELECT * FROM qualification_kinds WHERE deleted = 0 ORDER BY office IS NOT \'KZ\', COALESCE(name_ru, name_kk, name_en), id').all() as KindRow[];
  return rows.map(kindOf);
}

export function findKind(db: Db, id: string): QualificationKind | null {
  const row = prepared(db, 'SELECT * FROM qualification_kinds WHERE id = ? AND deleted = 0').get(id) as KindRow | undefined;
  return row ? kindOf(row) : null;
}

export function loadKind(db: Db, id: string): QualificationKind {
  const kind = findKind(db, id);
  if (!kind) throw new CallError({ code: 'notFound', key: 'error.trainings.unknownKind', params: { id } }, `No qualification kind ${id}`);
  return kind;
}

export function kindRow(input: Partial<z.output<typeof kindInput>>): Row {
  const row: Row = input.names ? localizedColumns('name', input.names) : {};
  if (input.validityMonths !== undefined) row.validity_months = input.validityMonths;
  if (input.graceMonths !== undefined) row.grace_months = input.graceMonths;
  return row;
}

export type { KindInput, ProgramInput };

// --- Programs ------------------------------------------------------------------------------

const PROGRAM_SELECT = `SELECT p.*, (SELECT count(*) FROM training_sessions s WHERE s.program_id = p.id AND s.deleted = 0) AS session_count
  FROM programs p`;

function programOf(r: Record<string, unknown>): Program {
  return {
    id: String(r.id),
    title: localizedOf(r, 'title'),
    hours: Number(r.hours ?? 0),
    passMark: (r.pass_mark as number | null) ?? null,
    grants: (r.grants_kind_id as string | null) ?? null,
    prerequisite: (r.prerequisite_kind_id as string | null) ?? null,
    minAge: (r.min_age as number | null) ?? null,
    description: (r.description as string | null) ?? null,
    office: (r.office as string | null) ?? null,
    sessionCount: Number(r.session_count ?? 0),
  };
}

export function listPrograms(db: Db, text: string): Program[] {
  const rows = prepared(db, `${PROGRAM_SELECT} WHERE p.deleted = 0 ORDER BY COALESCE(p.title_ru, p.title_kk, p.title_en), p.id`).all() as Record<string, unknown>[];
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const programs = rows.map(programOf);
  if (words.length === 0) return programs;
  return programs.filter((p) => words.every((w) => Object.values(p.title).join(' ').toLowerCase().includes(w)));
}

export function loadProgram(db: Db, id: string): Program {
  const row = prepared(db, `${PROGRAM_SELECT} WHERE p.id = ? AND p.deleted = 0`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new CallError({ code: 'notFound', key: 'error.trainings.unknownProgram', params: { id } }, `No program ${id}`);
  return programOf(row);
}

export function programRow(db: Db, input: Partial<z.output<typeof programInput>>): Row {
  const row: Row = input.title ? localizedColumns('title', input.title) : {};
  if (input.hours !== undefined) row.hours = input.hours;
  if (input.passMark !== undefined) row.pass_mark = input.passMark;
  if (input.grants !== undefined) row.grants_kind_id = input.grants === null ? null : loadKind(db, input.grants).id;
  if (input.prerequisite !== undefined) row.prerequisite_kind_id = input.prerequisite === null ? null : loadKind(db, input.prerequisite).id;
  if (input.minAge !== undefined) row.min_age = input.minAge;
  if (input.description !== undefined) row.description = emptyToNull(input.description ?? undefined);
  return row;
}

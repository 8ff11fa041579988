import { dateText } from '../../../shared/domain/date-text';
import { translate, type Lang, type Params } from '../../../shared/i18n/translate';
import { headedDocument, paperDates } from './layout';

/** One person on the sheet, as the roster holds them. */
export interface AttendanceRow {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  /** YYYY-MM-DD */
  birthDate?: string | null;
}

/** What the training attendance sheet prints; the trainings module fills it from a session. */
export interface AttendanceSheetInput {
  office: string;
  programTitle: string;
  /** Calendar dates, YYYY-MM-DD; the same date twice for a one-day session. */
  sessionDates: { start: string; end: string };
  place: string;
  trainers: string[];
  /** In the order they are printed (numbered from 1). */
  rows: AttendanceRow[];
  /** Calendar date in the footer; today in Kazakhstan when left out. */
  printedOn?: string;
}

export const fullName = (row: AttendanceRow): string => [row.lastName, row.firstName, row.middleName].filter((part) => part?.trim()).join(' ');

/** A file name for the sheet: `attendance-2026-12-01.pdf`. */
export const attendanceFileName = (input: Pick<AttendanceSheetInput, 'sessionDates'>): string => `attendance-${input.sessionDates.start}.pdf`;

/**
 * The sheet people sign on the day of a training: office, program, dates, place, trainers, then
 * a numbered list with full name, date of birth, an empty signature cell and a box to tick
 * presence; the trainer signs under it. A4, in `lang`.
 */
export function attendanceSheet(input: AttendanceSheetInput, lang: Lang): Buffer {
  const t = (key: string, params?: Params) => translate(lang, `documents.attendance.${key}`, params);
  const doc = headedDocument({
    lang,
    printedOn: input.printedOn,
    office: input.office,
    title: t('title'),
    subject: input.programTitle,
    lines: [
      { label: t('program'), value: input.programTitle },
      { label: t('dates'), value: paperDates(input.sessionDates.start, input.sessionDates.end) },
      { label: t('place'), value: input.place },
      { label: t('trainers'), value: input.trainers.join(', ') },
    ],
  });
  doc.table({
    numbered: true,
    columns: [
      { key: 'name', header: t('fullName'), width: 46 },
      { key: 'birth', header: t('birthDate'), width: 15, align: 'center' },
      { key: 'signature', header: t('signature'), width: 26, blank: 'signature' },
      { key: 'present', header: t('present'), width: 11, blank: 'box' },
    ],
    rows: input.rows.map((row) => ({ name: fullName(row), birth: row.birthDate ? dateText(row.birthDate) : '' })),
  });
  doc.paragraph(t('total', { count: input.rows.length }));
  doc.signatureLine(t('trainerSignature'));
  return doc.finish();
}

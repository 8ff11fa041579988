import type { ExportColumn } from '../../../shared/contract/roster';
import type { rosterFilter, volunteerSelection } from '../../../shared/contract/volunteers';
import { textAt, type Lang } from '../../../shared/i18n/translate';
import { formatPhone } from '../../../shared/domain/phone';
import { regionName } from '../../../shared/domain/regions';
import { fieldOf } from '../../../shared/domain/replicated-table';
import { volunteersTable } from '../../../shared/domain/volunteer-table';
import type { z } from 'zod';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { maskIin, toColumn } from '../volunteers/columns';
import { matchingIds, selectedIds } from '../volunteers/selection';
import type { OutCell } from '../spreadsheet/sheet';
import { writeSheetWithProgress } from '../spreadsheet/write';
import type { Progress } from '../progress';

/**
 * The roster out to Excel: the same filters and order as the roster screen, the chosen columns,
 * headers and closed-list values in the user's language (the import reads them back in any).
 */

type Query = z.output<typeof rosterFilter>;

export function columnLabel(column: string, lang: Lang): string {
  return textAt(lang, `volunteer.${column}`) ?? column;
}

/** One export column's cell from a volunteer's SQL row, shaped by the field's declared kind. */
function cellFor(row: Record<string, unknown>, sqlColumn: string, lang: Lang, canReadIin: boolean): OutCell {
  const value = row[sqlColumn];
  if (value === null || value === undefined || value === '') return null;
  const field = fieldOf(volunteersTable, sqlColumn);
  const label = (v: string) => (field?.vocab ? textAt(lang, `vocab.${field.vocab}.${v}`) : undefined) ?? v;
  const text = String(value);
  switch (field?.kind) {
    case 'list': {
      const list = JSON.parse(text) as string[];
      return list.length === 0 ? null : { text: list.map(label).join(', ') };
    }
    case 'iin':
      return { id: maskIin(text, canReadIin) ?? '' };
    case 'phone':
      return { id: formatPhone(text) };
    case 'date':
      return { date: text };
    case 'region':
      return { text: regionName(text, lang) };
    default:
      return { text: label(text) };
  }
}

export interface ExportResult {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
}

const BATCH = 500;

/** The chosen columns of those volunteers, read a batch at a time, in the query's order. */
function* rowsOf(db: ReadDb, list: string[], sqlColumns: string[]): Generator<Record<string, unknown>> {
  const select = `SELECT id, ${[...new Set(sqlColumns)].join(', ')} FROM volunteers WHERE id IN (${Array(BATCH).fill('?').join(', ')})`;
  const statement = prepared(db, select);
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH);
    const padded = batch.length === BATCH ? batch : [...batch, ...Array<string>(BATCH - batch.length).fill('')];
    const byId = new Map((statement.all(...padded) as Record<string, unknown>[]).map((r) => [r.id as string, r]));
    for (const id of batch) {
      const row = byId.get(id);
      if (row) yield row;
    }
  }
}

export function exportRoster(
  db: ReadDb,
  options: {
    query: Query;
    /** Only these people (picked on the roster), instead of everyone the query finds. */
    selection?: z.output<typeof volunteerSelection>;
    columns: ExportColumn[];
    format: 'xlsx' | 'csv';
    lang: Lang;
    canReadIin: boolean;
    today: string;
  },
  progress: Progress,
): ExportResult {
  const list = options.selection ? selectedIds(db, options.selection, options.canReadIin) : matchingIds(db, options.query, options.canReadIin);
  const sqlColumns = options.columns.map(toColumn);
  const headers = options.columns.map((c) => columnLabel(c, options.lang));
  let count = 0;
  function* rows(): Generator<OutCell[]> {
    for (const row of rowsOf(db, list, sqlColumns)) {
      count++;
      yield options.columns.map((_c, i) => cellFor(row, sqlColumns[i]!, options.lang, options.canReadIin));
    }
  }
  const title = textAt(options.lang, 'rosterImport.sheetName') ?? 'Volunteers';
  const base = `erikti-${options.today}`;
  const bytes = writeSheetWithProgress({ name: title, headers, rows: rows(), total: list.length }, options.format, progress);
  return { fileName: `${base}.${options.format}`, bytes, rows: count };
}

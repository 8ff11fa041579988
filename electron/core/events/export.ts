import type { z } from 'zod';
import type { totalsQuery } from '../../../shared/contract/events';
import { translate, type Lang } from '../../../shared/i18n/translate';
import { optionalFilters } from '../db/filters';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { formatPhone } from '../../../shared/domain/phone';
import type { OutCell } from '../spreadsheet/sheet';
import { writeSheet, writeSheetWithProgress } from '../spreadsheet/write';
import { noProgress, type Progress } from '../progress';
import { COUNTED_SQL } from './ledger';
import { RELEASED_SQL, peopleOnEvent } from './planning';
import { PERSON_NAME_SQL } from './shared';

/** The office's ledger for a period as an .xlsx: one row per counted entry, headers in the user's language. */
export function hoursWorkbook(db: ReadDb, q: Omit<z.output<typeof totalsQuery>, 'volunteerId'>, lang: Lang, progress: Progress = noProgress): { file: Uint8Array; rows: number } {
  const t = (key: string) => translate(lang, `hoursExport.${key}`);
  const { conditions, params } = optionalFilters([['h.entry_date >= ?', q.from], ['h.entry_date <= ?', q.to], ['h.event_id = ?', q.eventId], ['h.category = ?', q.category]]);
  const where = [COUNTED_SQL, ...conditions];
  if (q.verified) where.push('h.verified_at IS NOT NULL');
  const rows = prepared(
    db,
    `SELECT ${PERSON_NAME_SQL} AS name, h.entry_date, h.hours, h.verified_at, h.category, e.title, h.note FROM hour_entries h
     JOIN volunteers v ON v.id = h.volunteer_id LEFT JOIN events e ON e.id = h.event_id
     WHERE ${where.join(' AND ')} ORDER BY h.entry_date, v.sort_name, h.id`,
  ).all(...params) as { name: string; entry_date: string; hours: number; verified_at: string | null; category: string | null; title: string | null; note: string | null }[];
  const headers = ['name', 'date', 'hours', 'verified', 'category', 'event', 'note'].map(t);
  function* cells(): Generator<OutCell[]> {
    for (const r of rows) {
      yield [
        { text: r.name },
        { date: r.entry_date },
        { number: r.hours },
        { text: t(r.verified_at ? 'yes' : 'no') },
        r.category ? { text: translate(lang, `vocab.eventCategory.${r.category}`) } : null,
        r.title ? { text: r.title } : null,
        r.note ? { text: r.note } : null,
      ];
    }
  }
  return { file: writeSheetWithProgress({ name: t('sheetName'), headers, rows: cells(), total: rows.length }, 'xlsx', progress), rows: rows.length };
}

/**
 * Whom a cancellation released, to phone them: name, phone, the shift they were on and when it
 * was to start (Kazakhstan's wall clock, as planned). Phones go as text, in the way people dial them.
 */
export function notifyWorkbook(db: ReadDb, eventId: string, lang: Lang): { file: Uint8Array; rows: number } {
  const t = (key: string) => translate(lang, `notifyExport.${key}`);
  const people = peopleOnEvent(db, eventId, RELEASED_SQL);
  const headers = ['name', 'phone', 'shift', 'start'].map(t);
  const cells = people.map((p): OutCell[] => [
    { text: p.name },
    p.phone ? { text: formatPhone(p.phone) } : null,
    { text: p.shiftTitle },
    { text: p.shiftStart.replace('T', ' ') },
  ]);
  return { file: writeSheet({ name: t('sheetName'), headers, rows: cells }, 'xlsx'), rows: people.length };
}

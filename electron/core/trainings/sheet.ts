import type { AttendanceSheetInput } from '../documents/attendance';
import type { Lang } from '../../../shared/i18n/translate';
import type { Db } from '../db/connection';
import { readOffice } from '../office/identity';
import { prepared } from '../replication/write';
import { sessionDetail } from './sessions';

/**
 * What the attendance sheet prints for a session: the people holding a place (not those
 * waiting), alphabetically, with the program's title in the sheet's language where written.
 */
export function attendanceSheetInput(db: Db, sessionId: string, lang: Lang): AttendanceSheetInput {
  const session = sessionDetail(db, sessionId);
  const title = session.program.title;
  const holders = session.enrolments.filter((e) => e.place === 'enrolled').map((e) => e.volunteerId);
  const rows = holders
    .map((id) => prepared(db, 'SELECT last_name, first_name, middle_name, birth_date, sort_name FROM volunteers WHERE id = ?').get(id) as {
      last_name: string; first_name: string; middle_name: string | null; birth_date: string | null; sort_name: string;
    })
    .sort((a, b) => (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : 0))
    .map((v) => ({ lastName: v.last_name, firstName: v.first_name, middleName: v.middle_name, birthDate: v.birth_date }));
  return {
    office: readOffice(db)?.name ?? '',
    programTitle: title[lang] ?? title.ru ?? title.kk ?? title.en ?? '',
    sessionDates: { start: session.start, end: session.end },
    place: session.place,
    trainers: session.trainers.split(',').map((t) => t.trim()).filter(Boolean),
    rows,
  };
}

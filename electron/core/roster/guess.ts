import { ROSTER_FIELDS, type RosterField, type RosterMapping } from '../../../shared/contract/roster';
import { textAt } from '../../../shared/i18n/translate';
import { cellText, isDateCell, type Cell } from '../spreadsheet/sheet';
import { normalizeLabel } from './text';

/**
 * Guessing which column is which from its header, in Russian, Kazakh or English, as offices
 * actually write them: «ФИО», «Т.А.Ә.», «Фамилия Имя Отчество», «ИИН», «ЖСН», «Дата рождения»,
 * «Туған күні», «Тел.», «Full name» …
 *
 * A pattern matches at the start of a word of the normalised header ("рожд" matches «Дата
 * рождения»); a pattern ending in a space must be a whole word; one starting with "=" must be the
 * whole header. A rule's groups must all match. Rules are tried in order, so the specific ones
 * («Телефон представителя», «Имя латиницей») come before the general ones.
 */
type Rule = [RosterField | 'ignore', ...string[][]];

const GUARDIAN = ['представител', 'опекун', 'родител', 'өкіл', 'ата ана', 'guardian', 'parent'];
const PHONE = ['телефон', 'тел ', 'моб', 'сотов', 'phone', 'mobile', 'ұялы', 'whatsapp', 'номер тел'];
const CONTACT = ['контактн', 'экстрен', 'байланысатын', 'emergency', 'жақын'];
const CONSENT = ['согласи', 'келісім', 'consent'];
const DATE = ['дата', 'күн', 'date'];
const LATIN = ['латин', 'латын', 'latin', 'lat '];

const RULES: Rule[] = [
  // Row numbers, and the "problem" column of our own problem-rows file.
  ['ignore', ['=п п', '=р с', '=n', '=no', '=nn', '=номер', '=реттік нөмір', '=n п п', '=id', '=problem', '=ошибка', '=қате']],
  ['guardianPhone', GUARDIAN, PHONE],
  ['guardianConsentDate', GUARDIAN, CONSENT],
  ['guardianName', GUARDIAN],
  ['emergencyContactPhone', CONTACT, PHONE],
  ['emergencyContactName', CONTACT],
  ['consentDate', CONSENT, DATE],
  ['consentBasis', CONSENT],
  ['lastNameLatin', ['фамилия', 'тегі', 'last name', 'surname', 'lastname'], LATIN],
  ['firstNameLatin', ['имя ', 'аты ', 'first name', 'given name', 'firstname'], LATIN],
  ['fullName', ['фио ', 'ф и о ', 'таә ', 'т а ә ', 'аты жөні', 'аты жони', 'толық аты', 'full name', 'fullname', '=name', '=полное имя', '=волонтер', '=волонтеры', '=ерікті', '=участник']],
  ['fullName', ['фамилия', 'тегі'], ['имя ', 'аты ']],
  ['fullName', ['surname', 'last name'], ['name', 'first name']],
  ['lastName', ['фамилия', 'тегі', 'last name', 'lastname', 'surname', 'family name']],
  ['middleName', ['отчество', 'әкесінің аты', 'экесинин аты', 'әкесінің', 'middle name', 'patronymic', 'father s name']],
  ['firstName', ['имя ', 'аты ', 'first name', 'firstname', 'given name', 'name ']],
  ['iin', ['иин ', 'жсн ', 'iin ', 'индивидуальн', 'жеке сәйкестендіру', 'individual identification']],
  ['birthDate', ['рожд', 'туған', 'birth', 'dob ', 'д р ', 'др ', 'date of b']],
  ['sex', ['пол ', 'жыныс', 'sex ', 'gender']],
  ['drivingCategories', ['категори', 'санат', 'categor'], ['прав', 'куәлі', 'driv', 'водит', 'жүргізуш']],
  ['drivingCategories', ['водительск', 'жүргізуші', 'driving lic']],
  ['phone', PHONE],
  ['email', ['email', 'e mail', 'почта', 'пошта', 'эл адрес', 'mail ', 'электронн']],
  ['region', ['регион', 'область', 'облыс', 'өңір', 'region', 'oblast']],
  ['district', ['район', 'аудан', 'district']],
  ['locality', ['населен', 'город', 'село', 'елді мекен', 'қала', 'ауыл', 'locality', 'city', 'town', 'village', 'settlement']],
  ['skills', ['навык', 'дағды', 'skill', 'умени']],
  ['languages', ['язык', 'тіл', 'language']],
  ['areas', ['направлен', 'бағыт', 'area', 'сфер']],
  ['availability', ['занятост', 'когда может', 'уақыт', 'availability']],
  ['status', ['статус', 'мәртебе', 'status']],
  ['notes', ['примечан', 'комментар', 'ескерт', 'заметк', 'note', 'comment', 'пікір']],
];

function patternMatches(h: string, pattern: string): boolean {
  if (pattern.startsWith('=')) return h === pattern.slice(1);
  return ` ${h} `.includes(` ${pattern}`);
}

/** The labels Erikti itself writes (export headers, in every language) are recognised exactly. */
const OWN_LABELS = new Map<string, RosterField>();
for (const lang of ['en', 'ru', 'kk'] as const) {
  for (const field of ROSTER_FIELDS) {
    const label = textAt(lang, `volunteer.${field}`);
    if (label !== undefined) OWN_LABELS.set(normalizeLabel(label), field);
  }
}

/** The field a header names, 'ignore' for row-number columns, null when unknown. */
export function guessField(header: string): RosterField | 'ignore' | null {
  const h = normalizeLabel(header);
  if (h === '') return null;
  const own = OWN_LABELS.get(h);
  if (own) return own;
  for (const [field, ...groups] of RULES) {
    if (groups.every((group) => group.some((p) => patternMatches(h, p)))) return field;
  }
  return null;
}

/** Share of non-blank values in a column that look like something. */
function share(values: Cell[], test: (cell: Cell) => boolean): number {
  const filled = values.filter((v) => v !== null && v !== undefined && cellText(v).trim() !== '');
  if (filled.length < 2) return 0;
  return filled.filter(test).length / filled.length;
}

const digits = (cell: Cell) => cellText(cell).replace(/[\s\u00a0-]/g, '');

/**
 * One field per column at most, each field used once (the first column wins). Columns whose
 * header says nothing are guessed from their values: IINs, dates, phones.
 */
export function guessMapping(headers: string[], columnValues: Cell[][]): RosterMapping {
  const mapping: RosterMapping = headers.map(() => null);
  const used = new Set<RosterField>();
  const unknown: number[] = [];
  headers.forEach((header, i) => {
    const field = guessField(header);
    if (field === 'ignore') return;
    if (field === null) {
      unknown.push(i);
      return;
    }
    // A name split over columns wins over a combined one, and the other way round.
    if (used.has(field)) return;
    if (field === 'fullName' && (used.has('lastName') || used.has('firstName'))) return;
    if ((field === 'lastName' || field === 'firstName' || field === 'middleName') && used.has('fullName')) return;
    mapping[i] = field;
    used.add(field);
  });
  for (const i of unknown) {
    const values = columnValues[i] ?? [];
    let field: RosterField | null = null;
    if (share(values, (c) => /^\d{11,12}$/.test(digits(c))) >= 0.8) field = 'iin';
    else if (share(values, (c) => isDateCell(c) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(cellText(c).trim())) >= 0.8) field = 'birthDate';
    else if (share(values, (c) => /^(\+?7|8)?\d{10}$/.test(digits(c).replace(/[()]/g, ''))) >= 0.8) field = 'phone';
    if (field && !used.has(field)) {
      mapping[i] = field;
      used.add(field);
    }
  }
  return mapping;
}

/** How many columns of a row read as known headers: the header row is the row with most. */
export function headerScore(cells: string[]): number {
  let score = 0;
  for (const c of cells) {
    const field = guessField(c);
    if (field !== null && field !== 'ignore') score++;
  }
  return score;
}

import type { RosterField, RosterMapping } from '../../../shared/contract/roster';
import { LANGS, textAt } from '../../../shared/i18n/translate';
import { REGIONS } from '../../../shared/domain/regions';
import { skeletonTokens } from '../../../shared/domain/search-key';
import { camelOf, columnOf, fieldOf } from '../../../shared/domain/replicated-table';
import { volunteersTable } from '../../../shared/domain/volunteer-table';
import { unneutralise } from '../spreadsheet/formulas';
import { cellText, isDateCell, serialToIso, type Cell } from '../spreadsheet/sheet';
import { cleanText, fixLookalikes, usualNameCase } from './text';

/**
 * One spreadsheet row to the fields of a volunteer, as the app's own input schema expects them.
 * Conversions are forgiving (numbers that lost a leading zero, serial dates, region names in any
 * language); whatever still does not fit is left as typed so the schema names the problem.
 */

type RawVolunteer = Record<string, unknown>;

/** Cyrillic text fields, where Latin look-alike letters typed by mistake are fixed. */
const NAME_FIELDS = new Set(['lastName', 'firstName', 'middleName', 'guardianName', 'emergencyContactName', 'district', 'locality']);
/** People's names, written in the usual case whatever case the list typed them in. */
const PERSON_NAME_FIELDS = new Set(['fullName', 'lastName', 'firstName', 'middleName', 'lastNameLatin', 'firstNameLatin', 'guardianName', 'emergencyContactName']);

const key = (text: string) => skeletonTokens(text).join(' ');

/** Labels of a closed list in every language, and the values themselves, to the value. */
function vocabulary(values: readonly string[], group: string | null, extra: Record<string, string[]> = {}): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    map.set(key(value), value);
    for (const lang of LANGS) {
      const label = group ? textAt(lang, `vocab.${group}.${value}`) : undefined;
      if (label) map.set(key(label), value);
    }
    for (const alias of extra[value] ?? []) map.set(key(alias), value);
  }
  return map;
}

/** How offices write closed-list values beyond their labels in the three languages. */
const ALIASES: Record<string, Record<string, string[]>> = {
  sex: {
    M: ['м', 'муж', 'мужской', 'мужчина', 'ер', 'еркек', 'ер адам', 'е', 'male', 'man', 'm'],
    F: ['ж', 'жен', 'женский', 'женщина', 'әйел', 'айел', 'ә', 'female', 'woman', 'f'],
  },
  status: {
    active: ['активный', 'активна', 'белсенді', 'действующий'],
    inactive: ['неактивный', 'не активен', 'белсенді емес'],
    candidate: ['кандидат', 'үміткер'],
  },
  languages: {
    kk: ['казахский', 'қазақ', 'қазақ тілі', 'каз', 'қаз', 'kazakh'],
    ru: ['русский', 'орыс', 'орыс тілі', 'рус', 'russian'],
    en: ['английский', 'ағылшын', 'ағылшын тілі', 'англ', 'english'],
  },
  consentBasis: { written: ['письменно', 'письменная', 'жазбаша'], electronic: ['электронно', 'электронная', 'электронды'] },
};

/** Each closed-list field's values by their codes, labels and aliases, from the volunteers table's declaration. */
const VOCABULARIES = new Map(
  Object.entries(volunteersTable.fields)
    .filter(([, f]) => f.codes)
    .map(([column, f]) => [camelOf(column), vocabulary(f.codes!, f.vocab ?? null, ALIASES[camelOf(column)])]),
);

/** Words that say "region" or "city" and are dropped before comparing names. */
const REGION_NOISE = new Set(['облысы', 'облыс', 'область', 'обл', 'region', 'oblast', 'oblysy', 'қаласы', 'қала', 'город', 'г', 'city', 'of'].map(key));
const regionKey = (text: string) => skeletonTokens(text).filter((t) => !REGION_NOISE.has(t)).join(' ');

const REGION_EXACT = new Map<string, string>();
const REGION_LOOSE = new Map<string, string[]>();
const REGION_ALIASES: Record<string, string[]> = {
  'KZ-71': ['Нур-Султан', 'Нұр-Сұлтан', 'Nur-Sultan', 'Акмола город', 'Целиноград'],
  'KZ-63': ['ВКО'],
  'KZ-59': ['СКО'],
  'KZ-27': ['ЗКО'],
  'KZ-61': ['ЮКО', 'Южно-Казахстанская область', 'Оңтүстік Қазақстан облысы'],
  'KZ-10': ['Абайская область'],
  'KZ-33': ['Жетысуская область'],
  'KZ-62': ['Улытауская область'],
};
for (const region of REGIONS) {
  const names = [region.code, ...Object.values(region.name), ...(REGION_ALIASES[region.code] ?? [])];
  for (const name of names) {
    REGION_EXACT.set(key(name), region.code);
    const loose = regionKey(name);
    if (!loose) continue;
    const list = REGION_LOOSE.get(loose) ?? [];
    if (!list.includes(region.code)) list.push(region.code);
    REGION_LOOSE.set(loose, list);
  }
}

/** A region's code from its code or name in any language; «Алматы» alone means the office's own when it is one of the two. */
function regionCode(text: string, office: string | null): string | null {
  const exact = REGION_EXACT.get(key(text)) ?? REGION_EXACT.get(key(text.toUpperCase()));
  if (exact) return exact;
  const loose = REGION_LOOSE.get(regionKey(text));
  if (!loose) return null;
  if (loose.length === 1) return loose[0]!;
  return office && loose.includes(office) ? office : null;
}

/** Dates as offices type them: dd.mm.yyyy (also / and -), d.m.yy, yyyy-mm-dd, with or without a time. */
export function parseDate(cell: Cell, date1904 = false): string | null {
  if (isDateCell(cell)) return cell.date;
  if (typeof cell === 'number') return cell >= 1 && cell < 80_000 ? serialToIso(cell, date1904) : null;
  const text = cleanText(cellText(cell)).replace(/\s*(г\.?|ж\.?|года|жыл)$/i, '');
  let m = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    let year = Number(m[3]);
    if (m[3]!.length === 2) {
      const now = new Date().getUTCFullYear() % 100;
      year += year <= now ? 2000 : 1900;
    }
    return iso(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // A serial number stored as text ("34567").
  if (/^\d{4,5}$/.test(text)) return serialToIso(Number(text), date1904);
  return null;
}

/** dd.mm.yyyy that is not in the calendar, as the YYYY-MM-DD it claims to be; null for anything else. */
function impossibleDate(text: string): string | null {
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** An IIN cell: a number (maybe missing its leading zeros), digits with spaces, or text. Masked IINs count as absent. */
function iinText(cell: Cell): string | null {
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return cellText(cell);
    // A number lost its leading zeros: one for people born 2001–2009, up to three for January–September 2000.
    text = cell.toFixed(0);
    return text.length >= 9 && text.length < 12 ? text.padStart(12, '0') : text;
  } else {
    text = unneutralise(cleanText(cellText(cell)));
    if (/[•*]/.test(text)) return null;
    // 1.23456789012E+11 typed or pasted as text.
    if (/^\d(?:[.,]\d+)?e\+\d+$/i.test(text)) text = Number(text.replace(',', '.')).toFixed(0);
  }
  const digits = text.replace(/[\s\u00a0.'-]/g, '');
  if (digits === '') return null;
  return /^\d{1,10}$/.test(digits) ? digits : digits.length === 11 && /^\d+$/.test(digits) ? `0${digits}` : digits;
}

function phoneText(cell: Cell): string {
  const text = typeof cell === 'number' ? cell.toFixed(0) : unneutralise(cleanText(cellText(cell)));
  // Several numbers in one cell: the first one is the volunteer's.
  return text.split(/[,;/]|\s{2,}/)[0]!.trim();
}

function fromList(map: Map<string, string>, text: string): string | null {
  return map.get(key(text)) ?? null;
}

function listField(map: Map<string, string>, text: string): string[] {
  const parts = text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    // An unknown value is kept as typed: the schema reports it (error.choice) at its place in the list.
    const value = fromList(map, part) ?? part;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** «Фамилия Имя Отчество» (or «Фамилия Имя») in one cell. */
function splitFullName(text: string): { lastName?: string; firstName?: string; middleName?: string } {
  const words = text.split(' ').filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { lastName: words[0] };
  return { lastName: words[0], firstName: words[1], ...(words.length > 2 ? { middleName: words.slice(2).join(' ') } : {}) };
}

interface NormalizeOptions {
  office: string | null;
}

/** Which column each field comes from under a mapping (the parts of a full name come from its column). */
export function fieldSources(mapping: RosterMapping): Record<string, number> {
  const source: Record<string, number> = {};
  mapping.forEach((field, column) => {
    if (field && field !== 'fullName') source[field] ??= column;
  });
  const full = mapping.indexOf('fullName');
  if (full >= 0) for (const part of ['lastName', 'firstName', 'middleName']) source[part] ??= full;
  return source;
}

/** Reads one row with a mapping; returns null when every mapped cell is blank. */
export function normalizeRow(cells: Cell[], mapping: RosterMapping, options: NormalizeOptions): RawVolunteer | null {
  const data: RawVolunteer = {};
  let any = false;
  mapping.forEach((field, column) => {
    if (!field) return;
    const value = convert(field, cells[column] ?? null, options);
    if (value === undefined) return;
    any = true;
    if (field === 'fullName') {
      for (const [part, text] of Object.entries(splitFullName(value as string))) data[part] ??= text;
    } else {
      data[field] ??= value;
    }
  });
  return any ? data : null;
}

function convert(field: RosterField, cell: Cell, options: NormalizeOptions): unknown {
  if (cell === null || cell === undefined) return undefined;
  const kind = fieldOf(volunteersTable, columnOf(field))?.kind;
  if (kind === 'iin') return iinText(cell) ?? undefined;
  if (kind === 'date') {
    const iso = parseDate(cell);
    if (iso) return iso;
    const raw = cleanText(cellText(cell));
    // Shaped like a date but not in the calendar (31.02.1990): the schema says "no such date";
    // anything else goes as typed, and the schema says how to write a date.
    return raw === '' ? undefined : (impossibleDate(raw) ?? raw);
  }
  if (kind === 'phone') return phoneText(cell) || undefined;
  const text = unneutralise(cleanText(cellText(cell)));
  if (text === '') return undefined;
  if (PERSON_NAME_FIELDS.has(field)) return usualNameCase(fixLookalikes(text));
  if (NAME_FIELDS.has(field)) return fixLookalikes(text);
  const vocabulary = VOCABULARIES.get(field);
  switch (kind) {
    case 'enum': return (vocabulary && fromList(vocabulary, text)) ?? text;
    case 'region': return regionCode(text, options.office) ?? text;
    // Driving categories come space-separated ("B C") as often as in a list.
    case 'list': return vocabulary ? listField(vocabulary, field === 'drivingCategories' ? text.toUpperCase().replace(/\s+/g, ',') : text) : text;
    default: return text;
  }
}

/** Office codes are ISO 3166-2:KZ; `KZ` is the state front office. Names in kk / ru / en. */
export interface Region {
  code: string;
  name: { kk: string; ru: string; en: string };
}

export const REGIONS = [
  { code: 'KZ', name: { kk: 'Мемлекеттік фронт-офис', ru: 'Государственный фронт-офис', en: 'State front office' } },
  { code: 'KZ-10', name: { kk: 'Абай облысы', ru: 'Область Абай', en: 'Abai Region' } },
  { code: 'KZ-11', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
  { code: 'KZ-15', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' } },
  { code: 'KZ-19', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' } },
  { code: 'KZ-23', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' } },
  { code: 'KZ-27', name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' } },
  { code: 'KZ-31', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' } },
  { code: 'KZ-33', name: { kk: 'Жетісу облысы', ru: 'Область Жетысу', en: 'Zhetisu Region' } },
  { code: 'KZ-35', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' } },
  { code: 'KZ-39', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' } },
  { code: 'KZ-43', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' } },
  { code: 'KZ-47', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } },
  { code: 'KZ-55', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' } },
  { code: 'KZ-59', name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' } },
  { code: 'KZ-61', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' } },
  { code: 'KZ-62', name: { kk: 'Ұлытау облысы', ru: 'Область Улытау', en: 'Ulytau Region' } },
  { code: 'KZ-63', name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' } },
  { code: 'KZ-71', name: { kk: 'Астана қаласы', ru: 'Город Астана', en: 'Astana' } },
  { code: 'KZ-75', name: { kk: 'Алматы қаласы', ru: 'Город Алматы', en: 'Almaty' } },
  { code: 'KZ-79', name: { kk: 'Шымкент қаласы', ru: 'Город Шымкент', en: 'Shymkent' } },
] as const satisfies readonly Region[];

export type OfficeCode = (typeof REGIONS)[number]['code'];

export const OFFICE_CODES = REGIONS.map((r) => r.code) as [OfficeCode, ...OfficeCode[]];

export function isOfficeCode(code: string): code is OfficeCode {
  return (OFFICE_CODES as string[]).includes(code);
}

export function regionName(code: string, lang: 'kk' | 'ru' | 'en'): string {
  return REGIONS.find((r) => r.code === code)?.name[lang] ?? code;
}

/**
 * How an office is named on screen: the name its administrator gave it, or — when it carries just
 * the default (its region's name in any language) — its region's name in the reader's language.
 */
export function officeName(code: string, givenName: string | null | undefined, lang: 'kk' | 'ru' | 'en'): string {
  return isDefaultOfficeName(code, givenName) ? regionName(code, lang) : givenName!;
}

/** True when an office carries no name of its own: none, or its region's name in any of the three languages. */
export function isDefaultOfficeName(code: string, givenName: string | null | undefined): boolean {
  if (!givenName?.trim()) return true;
  const region = REGIONS.find((r) => r.code === code);
  // Compared without case: offices set up before the Russian city names were capitalised keep `город …`.
  const given = givenName.trim().toLocaleLowerCase('ru');
  return region !== undefined && Object.values(region.name).some((name) => name.toLocaleLowerCase('ru') === given);
}

/**
 * Kazakhstan's individual identification number (IIN, ЖСН / ИИН): 12 digits.
 * YYMMDD, a century-and-sex digit, four serial digits, a check digit.
 *
 * The check digit uses two weighting passes. The first pass weights digit 11 by 11, which is 0
 * modulo 11, so a typo in that digit passes the checksum: we always cross-check the birth date
 * and sex encoded in the number as well.
 */
export type Sex = 'M' | 'F';

export type IinProblem = 'format' | 'checksum' | 'century' | 'date' | 'future';

export interface IinFacts {
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first 11 digits, or null when no digit is possible (such IINs are never issued). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weigh = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
  let check = weigh(FIRST_PASS);
  if (check === 10) check = weigh(SECOND_PASS);
  return check === 10 ? null : check;
}

/** Keeps digits only, and restores the leading zero Excel drops from numeric cells. */
export function normalizeIin(raw: string): string {
  const digits = raw.replace(/[\s\u00a0-]/g, '');
  return /^\d{11}$/.test(digits) ? `0${digits}` : digits;
}

/** Reads the birth date and sex an IIN encodes, without judging the check digit. */
export function iinFacts(iin: string): IinFacts | IinProblem {
  if (!/^\d{12}$/.test(iin)) return 'format';
  const code = Number(iin[6]);
  if (code < 1 || code > 6) return 'century';
  const century = code <= 2 ? 1800 : code <= 4 ? 1900 : 2000;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'date';
  const birthDate = `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { birthDate, sex: code % 2 === 1 ? 'M' : 'F' };
}

/** Full validation: format, encoded date (real and in the past) and the check digit. */
export function checkIin(iin: string, today: Date = new Date()): IinFacts | IinProblem {
  const facts = iinFacts(iin);
  if (typeof facts === 'string') return facts;
  if (facts.birthDate > today.toISOString().slice(0, 10)) return 'future';
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return 'checksum';
  return facts;
}

export function isValidIin(iin: string): boolean {
  return typeof checkIin(iin) !== 'string';
}

/** Builds a valid IIN (used by the seeder and tests); null when the serial gives no check digit. */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const [y, m, d] = birthDate.split('-');
  const year = Number(y);
  const base = year >= 2000 ? 5 : year >= 1900 ? 3 : 1;
  const code = sex === 'M' ? base : base + 1;
  const first11 = `${y!.slice(2)}${m}${d}${code}${String(serial % 10000).padStart(4, '0')}`;
  const check = iinCheckDigit(first11);
  return check === null ? null : `${first11}${check}`;
}

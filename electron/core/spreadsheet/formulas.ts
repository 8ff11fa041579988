/**
 * Text that starts like a formula (= + - @ tab CR …) is written with a leading apostrophe, so no
 * spreadsheet ever evaluates it; a reader takes the apostrophe off again, so a file we wrote
 * reads back unchanged.
 */

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/**
 * A phone or a plain number (`+7 (701) 123-45-67`, `-5`): digits, spaces, brackets and dashes
 * only. A spreadsheet may take it for arithmetic, but nothing in it can call a function or
 * reach a link, so it is written as it is: an apostrophe would show in Excel when it opens a CSV.
 */
const PLAIN_NUMBER = /^[+-]?[\d\s().-]*\d[\d\s().-]*$/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Undoes the apostrophe our exports put before formula-like text, so an export imports back unchanged. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

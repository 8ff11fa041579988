/**
 * Text that starts like a formula (= + - @ tab CR …) is written with a leading apostrophe, so no
 * spreadsheet ever evaluates it; a reader takes the apostrophe off again, so a file we wrote
 * reads back unchanged.
 */

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes the apostrophe our exports put before formula-like text, so an export imports back unchanged. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Cleaning text typed by many people over many years: stray spaces, non-breaking spaces,
 * zero-width characters, and Latin letters that look Cyrillic (typed on the wrong keyboard layout).
 */

/** Latin letters with a Cyrillic twin. Lowercase i is the Kazakh і, h the Kazakh һ. */
const LOOKALIKES: Record<string, string> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'һ', b: 'ь', i: 'і',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У', I: 'І',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[A-Za-z]/;

/**
 * In a word that is otherwise Cyrillic, Latin look-alikes become their Cyrillic twins
 * ("Иванoв" with a Latin o → "Иванов"). Words with any Latin letter that has no twin are left alone.
 */
export function fixLookalikes(text: string): string {
  if (!LATIN.test(text) || !CYRILLIC.test(text)) return text;
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
    let out = '';
    for (const ch of word) {
      if (!LATIN.test(ch)) out += ch;
      else if (LOOKALIKES[ch] !== undefined) out += LOOKALIKES[ch];
      else return word;
    }
    return out;
  });
}

/**
 * A person's name as it is usually written: a word typed all in capitals or all in small letters
 * («ОМАРОВА айжан») gets a capital first letter and small ones after («Омарова Айжан»), each part
 * of a hyphenated name too. A name with any word in mixed case («Омарова», «МакДональд») is left
 * as typed: someone wrote it that way on purpose.
 */
export function usualNameCase(text: string): string {
  const mixed = (word: string) => word !== word.toLocaleUpperCase('kk') && word !== word.toLocaleLowerCase('kk');
  if (text.split(/[\s-]+/).some((word) => /\p{L}{2}/u.test(word) && mixed(word))) return text;
  return text.replace(/\p{L}+/gu, (word) => word.charAt(0).toLocaleUpperCase('kk') + word.slice(1).toLocaleLowerCase('kk'));
}

/** Trims, turns non-breaking and odd spaces into plain ones, drops zero-width characters, collapses runs. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** A header or a label reduced for comparison: lower case, ё = е, punctuation to spaces. */
export function normalizeLabel(text: string): string {
  return fixLookalikes(cleanText(text))
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

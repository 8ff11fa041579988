/**
 * Forgiving search: every name is reduced to a Latin "skeleton" and every query goes through the
 * same reduction, so Cyrillic and Latin spellings (passport style and the 2021 Kazakh Latin
 * alphabet), Kazakh letters typed or omitted, and any case all meet. `zhumabek` and `жұмабек`
 * both become `jumabek`; `нурсултан` and `Нұрсұлтан` both become `nursultan`.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z',
  и: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sh', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Letters of the 2021 Kazakh Latin alphabet and other diacritics that NFD does not strip to ASCII. */
const LATIN_EXTRA: Record<string, string> = { ş: 'sh', ç: 'ch', ı: 'i', ğ: 'g', ñ: 'n', q: 'k', w: 'u', x: 'ks' };

/** Spelling variants that collapse to one form, applied in order. */
const REDUCTIONS: [RegExp, string][] = [
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/ts/g, 'c'],
  [/y/g, 'i'],
  [/ie/g, 'e'],
  [/(.)\1+/g, '$1'],
];

function foldLetter(ch: string): string {
  const cyr = CYRILLIC[ch];
  if (cyr !== undefined) return cyr;
  const extra = LATIN_EXTRA[ch];
  if (extra !== undefined) return extra;
  // Strip accents from Latin letters (ä → a, ö → o, ū → u, ü → u …).
  return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Reduces one word to its skeleton; digits are kept as they are. */
export function skeletonWord(word: string): string {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return lower;
  let out = '';
  for (const ch of lower) out += foldLetter(ch);
  out = out.replace(/[^a-z0-9]/g, '');
  for (const [pattern, replacement] of REDUCTIONS) out = out.replace(pattern, replacement);
  return out;
}

/** Splits text into skeleton tokens (apostrophes and hyphens join, other punctuation splits). */
export function skeletonTokens(text: string): string[] {
  return text
    .replace(/['’ʼ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .map(skeletonWord)
    .filter((t) => t.length > 0);
}

/**
 * The name two records must share to be a likely pair (volunteers/duplicates.ts): the last and
 * first names' skeletons, so any spelling of the same name meets. Indexed (expression indexes of
 * migration 0020): any change to what this returns needs a migration that rebuilds those indexes.
 */
export function matchName(last: string, first: string): string {
  return `${skeletonTokens(last).join('')} ${skeletonTokens(first).join('')}`;
}

/**
 * Transliteration for display (the "Latin" name of a person written in Cyrillic), passport style.
 * Unlike the skeleton it keeps the spelling readable: Жұмабеков → Zhumabekov.
 */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = CYRILLIC[lower];
    if (mapped === undefined) {
      out += ch;
    } else if (ch !== lower && mapped.length > 0) {
      out += mapped[0]!.toUpperCase() + mapped.slice(1);
    } else {
      out += mapped;
    }
  }
  return out;
}

/**
 * Kazakh alphabetical order (Russian's, with the Kazakh letters in their places). SQLite's binary
 * order would put І before А and every Kazakh letter after Я.
 */
const KAZAKH_ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';

/** A key whose plain (binary) order is alphabetical order for Cyrillic and Latin names. */
export function sortKey(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const position = KAZAKH_ALPHABET.indexOf(ch);
    // Cyrillic letters move to a private block above Latin, in alphabet order; others stay.
    out += position >= 0 ? String.fromCharCode(0xe000 + position) : ch;
  }
  return out;
}

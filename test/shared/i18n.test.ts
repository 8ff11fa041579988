import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IinProblem } from '../../shared/domain/iin';
import { EXCHANGE_ERROR_KEYS } from '../../electron/core/exchange/errors';
import { KEYS_ERROR_KEYS } from '../../electron/core/office/errors';
import { PRIVATE_KEYS_ERROR_KEYS } from '../../electron/core/office/key-protection';
import { BACKUP_ERROR_KEYS } from '../../electron/core/backups/errors';
import {
  AREAS, AVAILABILITY, CONSENT_BASES, LANGUAGES, ORGANISATION_TYPES, ROLES, SKILLS, VOLUNTEER_STATUSES,
} from '../../shared/domain/vocabulary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LANGS = ['kk', 'ru', 'en'] as const;
type Tree = { [key: string]: string | Tree };

function load(lang: string): Tree {
  return JSON.parse(readFileSync(path.join(root, 'shared/i18n', `${lang}.json`), 'utf8')) as Tree;
}

/** Dotted keys of every leaf, with their values. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** Plural forms (`_one`, `_few`, …) count as their base key: languages need different sets of forms. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL, '')));

function has(flat: Map<string, string>, key: string): boolean {
  return flat.has(key) || flat.has(`${key}_other`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Every `error.*` key the core and the shared schemas can return, as written in their source. */
function errorKeysInSource(): Set<string> {
  const keys = new Set<string>();
  // The IIN validator builds its keys from the problem it found: `error.iin.${result}`.
  const iinProblems: Record<IinProblem, true> = { format: true, checksum: true, century: true, date: true, future: true };
  for (const problem of Object.keys(iinProblems)) keys.add(`error.iin.${problem}`);
  // Bundle refusals are named by their cause at run time; the exchange core lists them all.
  for (const key of EXCHANGE_ERROR_KEYS) keys.add(key);
  for (const key of KEYS_ERROR_KEYS) keys.add(key);
  for (const key of PRIVATE_KEYS_ERROR_KEYS) keys.add(key);
  for (const key of BACKUP_ERROR_KEYS) keys.add(key);
  for (const file of [...sourceFiles(path.join(root, 'shared')), ...sourceFiles(path.join(root, 'electron'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"](error\.[a-zA-Z]+(?:\.[a-zA-Z]+)*)['"]/g)) keys.add(match[1]!);
  }
  return keys;
}

const files = Object.fromEntries(LANGS.map((lang) => [lang, flatten(load(lang))])) as Record<(typeof LANGS)[number], Map<string, string>>;

/**
 * Keys named twice in one object of a file's text: JSON.parse keeps the last silently, so a merge
 * that adds a key a second time would hide the first translation without a word.
 */
function repeatedKeys(text: string): string[] {
  const repeated: string[] = [];
  const open: Set<string>[] = [];
  // Every string is consumed whole, so braces inside values ("{{limit}}") are never counted.
  for (const token of text.matchAll(/"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]/g)) {
    if (token[0] === '{') open.push(new Set());
    else if (token[0] === '}') open.pop();
    else if (!token[2]) continue;
    else if (open.at(-1)!.has(token[1]!)) repeated.push(token[1]!);
    else open.at(-1)!.add(token[1]!);
  }
  return repeated;
}

describe('translations', () => {
  it('name no key twice in one object', () => {
    for (const lang of LANGS) expect(repeatedKeys(readFileSync(path.join(root, 'shared/i18n', `${lang}.json`), 'utf8')), lang).toEqual([]);
    expect(repeatedKeys('{"a": {"b": "x {{n}", "b": "y"}, "c": "z"}')).toEqual(['b']);
  });

  it('kk, ru and en have the same keys (plural forms aside)', () => {
    const reference = [...baseKeys(files.en.keys())].sort();
    for (const lang of LANGS) expect([...baseKeys(files[lang].keys())].sort(), lang).toEqual(reference);
  });

  it('give each plural key the forms its language needs', () => {
    const forms = { kk: ['one', 'other'], en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] };
    const plurals = [...files.en.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''));
    for (const base of new Set(plurals)) {
      for (const lang of LANGS) for (const form of forms[lang]) expect(files[lang].has(`${base}_${form}`), `${lang} ${base}_${form}`).toBe(true);
    }
  });

  it('have no empty values', () => {
    for (const lang of LANGS) for (const [key, value] of files[lang]) expect(value.trim(), `${lang} ${key}`).not.toBe('');
  });

  it('keep the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, en] of files.en) {
      const base = key.replace(PLURAL, '');
      for (const lang of ['kk', 'ru'] as const) {
        const other = files[lang].get(key) ?? files[lang].get(`${base}_other`);
        expect(placeholders(other ?? ''), `${lang} ${key}`).toEqual(placeholders(en));
      }
    }
  });

  it('write Kazakh with Kazakh letters', () => {
    const kazakh = [...files.kk.values()].join(' ');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(kazakh, letter).toContain(letter);
  });

  it('cover every error key the core and the shared schemas return', () => {
    const keys = errorKeysInSource();
    expect(keys.size).toBeGreaterThan(30);
    for (const key of keys) for (const lang of LANGS) expect(has(files[lang], key), `${lang} ${key}`).toBe(true);
  });

  it('say what is wrong with a bad IIN check digit', () => {
    expect(files.ru.get('error.iin.checksum')).toMatch(/контрольн/i);
    expect(files.en.get('error.iin.taken')).toContain('{{name}}');
  });

  it('label every value of the closed lists', () => {
    const groups: Record<string, readonly string[]> = {
      status: VOLUNTEER_STATUSES,
      skill: SKILLS,
      area: AREAS,
      sex: ['M', 'F'],
      availability: AVAILABILITY,
      consentBasis: CONSENT_BASES,
      orgType: ORGANISATION_TYPES,
      language: LANGUAGES,
      role: ROLES,
    };
    for (const [group, values] of Object.entries(groups)) {
      for (const value of values) for (const lang of LANGS) expect(files[lang].has(`vocab.${group}.${value}`), `${lang} vocab.${group}.${value}`).toBe(true);
    }
  });

  it('cover every key the renderer asks for by name', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(root, 'renderer'))) {
      const source = readFileSync(file, 'utf8');
      // t('key'), toastOk('key') and key-valued props; keys built at run time are covered above.
      for (const match of source.matchAll(/(?:\bt|toastOk|signedOut)\(\s*'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) {
        if (!has(files.en, match[1]!)) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
      for (const match of source.matchAll(/key: '([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) {
        if (!has(files.en, match[1]!)) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { CLI_ACTOR, type Core } from '../../electron/core/app';
import type { Actor } from '../../electron/core/context';

/** What the scenarios share: the translations they read the screen with, the people who act, and how bundles travel. */

const here = path.dirname(fileURLToPath(import.meta.url));

/** Screenshots land here for review (ignored by git). */
export const shots = path.join(here, '../../.tmp-scratch');

export type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(path.join(here, `../../shared/i18n/${lang}.json`), 'utf8')) as Tree;
export const langs = { ru: load('ru'), kk: load('kk'), en: load('en') };
export const ru = langs.ru;

/** The text of a dotted translation key, as the screen shows it. */
export const text = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;

/** Coordinators who edit at each office (the stamp says who and where). */
export const AIGERIM: Actor = { id: 'u-aigerim', login: 'aigerim', displayName: 'Айгерім Сапарова', role: 'coordinator' };
export const BOLAT: Actor = { id: 'u-bolat', login: 'bolat', displayName: 'Болат Нұрланов', role: 'coordinator' };
export const DANIYAR: Actor = { id: 'u-daniyar', login: 'daniyar', displayName: 'Данияр Ахметов', role: 'coordinator' };

/** A bundle from one office to another, as the file a coordinator would carry. */
export const bundle = (from: Core, to: string) => Buffer.from(from.callAs(CLI_ACTOR, 'exchange.export', { to }).base64!, 'base64');

/** Exports from one office and imports at the other. */
export const carry = (from: Core, to: Core, code: string) =>
  to.callAs(CLI_ACTOR, 'exchange.import', { source: { base64: bundle(from, code).toString('base64') } });

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.locator('#signin-login').fill(login);
  await page.locator('#signin-password').fill(password);
  await page.locator('button[type=submit]').click();
}

/** Switches the interface language with the header's switch. */
export async function speak(page: Page, lang: 'ru' | 'kk' | 'en'): Promise<void> {
  await page.getByRole('button', { name: text(langs[lang], `langName.${lang}`) }).click();
}

/** Opens the roster from the header (the overview is the landing screen). */
export async function openRoster(page: Page): Promise<void> {
  await page.locator('nav a[href="#/volunteers"]').click();
}

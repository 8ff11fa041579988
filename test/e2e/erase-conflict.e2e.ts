import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { CLI_ACTOR, type Core } from '../../electron/core/app';
import type { Actor } from '../../electron/core/context';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.join(here, '../../.tmp-scratch');
type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(path.join(here, `../../shared/i18n/${lang}.json`), 'utf8')) as Tree;
const langs = { ru: load('ru'), kk: load('kk'), en: load('en') };
const text = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;

const AIGERIM: Actor = { id: 'u-aigerim', login: 'aigerim', displayName: 'Айгерім Сапарова', role: 'coordinator' };
const BOLAT: Actor = { id: 'u-bolat', login: 'bolat', displayName: 'Болат Нұрланов', role: 'coordinator' };

const bundle = (from: Core, to: string) => Buffer.from(from.callAs(CLI_ACTOR, 'exchange.export', { to }).base64!, 'base64');
const carry = (from: Core, to: Core, code: string) => to.callAs(CLI_ACTOR, 'exchange.import', { source: { base64: bundle(from, code).toString('base64') } });

async function speak(page: Page, lang: 'ru' | 'kk' | 'en'): Promise<void> {
  await page.getByRole('button', { name: text(langs[lang], `langName.${lang}`) }).click();
}

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

test.use({ viewport: { width: 1366, height: 768 } });

test('erased at Almaty, edited at Astana: one named decision at the centre, and restoring brings back the edited phone', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const almaty = await openOffice('KZ-75');
  const astana = await openOffice('KZ-71');
  const centre = await openOffice('KZ');
  offices.push(almaty, astana, centre);
  trustEachOther(almaty.core, centre.core);
  trustEachOther(astana.core, centre.core);
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });

  // Almaty registers her; the centre and then Astana know her.
  const zhanar = almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Қасымова', firstName: 'Жанар', phone: '+7 701 111 22 33', email: 'zhanar@mail.kz' });
  carry(almaty.core, centre.core, 'KZ');
  carry(centre.core, astana.core, 'KZ-71');

  // Without knowing of each other: Astana changes her phone, Almaty erases her.
  astana.core.callAs(BOLAT, 'volunteers.update', { id: zhanar.id, patch: { phone: '+7 702 444 55 66' } });
  almaty.core.callAs(AIGERIM, 'volunteers.delete', { id: zhanar.id });
  carry(astana.core, centre.core, 'KZ');

  await page.goto(centre.host.url);
  await page.locator('#signin-login').fill('coord');
  await page.locator('#signin-password').fill('coordinator pass');
  await page.locator('button[type=submit]').click();
  await speak(page, 'en');

  // Almaty's bundle through the preview: the erasure is counted apart from the changes.
  await page.locator('nav a[href="#/exchange"]').click();
  await page.setInputFiles('#exchange-file', { name: 'erikti-KZ-75-to-KZ.erikti', mimeType: 'application/octet-stream', buffer: bundle(almaty.core, 'KZ') });
  await expect(page.getByTestId('exchange-count-volunteers-erased')).toHaveText('1');
  await page.getByTestId('exchange-apply').click();
  await expect(page.getByTestId('exchange-applied')).toBeVisible();

  await page.getByTestId('exchange-tab-conflicts').click();
  const card = page.getByTestId('conflict');
  await expect(card).toHaveCount(1);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const tr = langs[lang];
    await speak(page, lang);
    await expect(card.getByTestId('conflict-title')).toHaveText('Қасымова Жанар');
    // The record is erased: the title links nowhere ("not found").
    await expect(card.getByTestId('conflict-title').locator('a')).toHaveCount(0);
    const story = card.getByTestId('conflict-erase-story');
    await expect(story).toContainText('aigerim');
    await expect(story).toContainText('bolat');
    await expect(story).toContainText(lang === 'en' ? 'Almaty' : 'Алматы');
    await expect(story).toContainText(lang === 'en' ? 'Astana' : 'Астана');
    await expect(card.getByTestId('conflict-restores')).toContainText('+7 (702) 444-55-66');
    await expect(card.getByTestId('conflict-restores')).toContainText(text(tr, 'exchange.conflicts.restRemainsErased'));
    await expect(card).not.toContainText(text(tr, 'exchange.conflicts.emptyValue'));
    await expect(card.getByTestId('conflict-keep-winner')).toHaveText(text(tr, 'exchange.conflicts.keepErased'));
    await expect(card.getByTestId('conflict-keep-loser')).toHaveText(text(tr, 'exchange.conflicts.restoreLater'));
    await page.screenshot({ path: path.join(shots, `erase-conflict-${lang}.png`) });
  }

  // Restoring gives back what the later edit held: the edited phone, and nothing of what was erased.
  await card.getByTestId('conflict-keep-loser').click();
  await expect(page.getByText(text(langs.en, 'exchange.conflicts.empty'))).toBeVisible();
  const restored = centre.core.callAs(CLI_ACTOR, 'volunteers.get', { id: zhanar.id });
  expect(restored.phone).toBe('+77024445566');
  expect(restored.email ?? null).toBeNull();
});

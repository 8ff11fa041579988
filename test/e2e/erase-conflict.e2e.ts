import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { AIGERIM, DANIYAR, bundle, carry, langs, shots, speak, text } from './kit';
import { almatyAstanaCentre, closeOffice, expect, test, type Office } from './fixtures';

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

test.use({ viewport: { width: 1366, height: 768 } });

test('erased at Almaty, edited at the centre meanwhile: one named decision at the centre, and restoring brings back the edited phone', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const { almaty, astana, centre } = await almatyAstanaCentre(offices);

  // Almaty registers her; the centre and then Astana know her.
  const zhanar = almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Қасымова', firstName: 'Жанар', phone: '+7 701 111 22 33', email: 'zhanar@mail.kz' });
  carry(almaty.core, centre.core, 'KZ');
  carry(centre.core, astana.core, 'KZ-71');

  // Without knowing of each other: the centre changes her phone (Astana may not: Almaty keeps her), Almaty erases her.
  centre.core.callAs(DANIYAR, 'volunteers.update', { id: zhanar.id, patch: { phone: '+7 702 444 55 66' } });
  almaty.core.callAs(AIGERIM, 'volunteers.delete', { id: zhanar.id });

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
    await expect(story).toContainText('daniyar');
    await expect(story).toContainText(lang === 'en' ? 'Almaty' : 'Алматы');
    await expect(story).toContainText(lang === 'en' ? 'State front office' : 'фронт-офис');
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

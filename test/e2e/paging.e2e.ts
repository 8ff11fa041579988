import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';
import { DANIYAR, langs, shots, signIn, speak, text } from './kit';

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

const LAST = ['Оспанов', 'Серікбаев', 'Ахметова', 'Нұрланов', 'Жұмабеков', 'Сапарова'];
const FIRST = ['Дана', 'Асқар', 'Айгерім', 'Болат', 'Нұрлан', 'Мадина', 'Ерлан', 'Гүлнар', 'Әлия', 'Тимур'];
const range = (lang: 'kk' | 'ru' | 'en', from: number, to: number, total: number) =>
  text(langs[lang], 'paging.range').replace('{{from}}', String(from)).replace('{{to}}', String(to)).replace('{{total}}', String(total));

test('the exchange history and likely duplicates page through everything, saying where the page sits', async ({ page }) => {
  test.setTimeout(180_000);
  const centre = await openOffice('KZ');
  const almaty = await openOffice('KZ-75');
  offices.push(centre, almaty);
  trustEachOther(almaty.core, centre.core);
  // Sixty people entered twice (same name, same birth date, no IIN): sixty pairs to review.
  for (let i = 0; i < 60; i++) {
    const person = { lastName: LAST[i % 6]!, firstName: FIRST[Math.floor(i / 6)]!, birthDate: new Date(Date.UTC(1980, 0, 1 + i)).toISOString().slice(0, 10) };
    centre.core.callAs(DANIYAR, 'volunteers.create', person);
    centre.core.callAs(DANIYAR, 'volunteers.create', person);
  }
  // Fifty-two bundles sent: more history than one page.
  for (let i = 0; i < 52; i++) centre.core.callAs(CLI_ACTOR, 'exchange.export', { to: 'KZ-75', full: true });
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(centre.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/exchange"]').click();
  const history = page.getByTestId('history-pager');
  await expect(page.getByTestId('exchange-history-row')).toHaveCount(50);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('history-pager-range')).toHaveText(range(lang, 1, 50, 52));
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `paging-history-${lang}.png`) });
  }
  await history.getByRole('button', { name: new RegExp(text(langs.en, 'paging.next')) }).click();
  await expect(page.getByTestId('exchange-history-row')).toHaveCount(2);
  await expect(page.getByTestId('history-pager-range')).toHaveText(range('en', 51, 52, 52));

  await page.getByTestId('exchange-tab-duplicates').click();
  await expect(page.getByTestId('duplicate')).toHaveCount(50);
  const pager = page.getByTestId('duplicates-pager');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('duplicates-pager-range')).toHaveText(range(lang, 1, 50, 60));
    await pager.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `paging-duplicates-${lang}.png`) });
  }
  await pager.getByRole('button', { name: new RegExp(text(langs.en, 'paging.next')) }).click();
  await expect(page.getByTestId('duplicate')).toHaveCount(10);
  await expect(page.getByTestId('duplicates-pager-range')).toHaveText(range('en', 51, 60, 60));
  // Deciding a pair on the last page keeps the count honest.
  await page.getByTestId('duplicate').first().getByRole('button', { name: text(langs.en, 'exchange.duplicates.markDistinct') }).click();
  await expect(page.getByTestId('duplicates-pager-range')).toHaveText(range('en', 51, 59, 59));
});

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLI_ACTOR } from '../../electron/core/app';
import { makeIin } from '../../shared/domain/iin';
import { AIGERIM, BOLAT, bundle, carry, DANIYAR, langs, ru, shots, signIn, speak, text } from './kit';
import { almatyAstanaCentre, closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';

/** The screen as a 1366×768 window shows it, and the whole screen (the window made as tall as the content) for review. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
  const height = await page.evaluate(() => document.querySelector('.shell-main')!.scrollHeight + document.querySelector('.shell-header')!.clientHeight);
  await page.setViewportSize({ width: 1366, height: Math.max(768, height) });
  await page.screenshot({ path: path.join(shots, `${name}-full.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

test.use({ viewport: { width: 1366, height: 768 } });

test('the preview names a field change and a merge; five conflicts decided at once; a bundle’s history row opens', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const { almaty, astana, centre } = await almatyAstanaCentre(offices);

  // Almaty's people reach the centre; Astana registers a woman the centre has not seen, with her IIN.
  const iin = makeIin('1990-05-17', 'F', 1234)!;
  const erlan = almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Ахметов', firstName: 'Ерлан', phone: '+7 701 123 45 67' });
  const five = ['Аман', 'Бекзат', 'Гүлнар', 'Дана', 'Ерік'].map((name) => almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Оспанов', firstName: name }).id);
  carry(almaty.core, centre.core, 'KZ');
  astana.core.callAs(BOLAT, 'volunteers.create', { lastName: 'Серикова', firstName: 'Айгерим', iin, phone: '+7 702 000 11 22' });
  carry(astana.core, centre.core, 'KZ');

  // Almaty then changes Erlan's phone, registers the same woman (same IIN), and edits five notes the centre edits too.
  almaty.core.callAs(AIGERIM, 'volunteers.update', { id: erlan.id, patch: { phone: '+7 777 999 88 77' } });
  almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Серікова', firstName: 'Айгерім', iin, email: 'aigerim@mail.kz' });
  for (const id of five) centre.core.callAs(DANIYAR, 'volunteers.update', { id, patch: { notes: 'Центр: звонить после 18:00' } });
  for (const id of five) almaty.core.callAs(AIGERIM, 'volunteers.update', { id, patch: { notes: 'Алматы: только выходные' } });

  await page.goto(centre.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/exchange"]').click();
  await page.setInputFiles('#exchange-file', { name: 'erikti-KZ-75-to-KZ.erikti', mimeType: 'application/octet-stream', buffer: bundle(almaty.core, 'KZ') });

  // The preview shows changes, not counts: whose phone changes from what to what, who is merged with whom.
  const report = page.getByTestId('change-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('report-changed-count')).toHaveText('6');
  await page.getByTestId('report-changed').locator('summary').click();
  const erlanLine = page.getByTestId('report-changed').getByTestId('report-item').filter({ hasText: 'Ахметов Ерлан' });
  await expect(erlanLine).toContainText('+7 (701) 123-45-67');
  await expect(erlanLine).toContainText('+7 (777) 999-88-77');
  await expect(erlanLine).toContainText(text(ru, 'volunteer.phone'));
  await page.getByTestId('report-merged').locator('summary').click();
  const merged = page.getByTestId('report-merged').getByTestId('report-item');
  await expect(merged).toHaveCount(1);
  await expect(merged).toContainText('Серікова Айгерім');
  await expect(merged).toContainText('Серикова Айгерим');
  // Five notes edited at both offices, and the merged woman's differing surname, first name and region.
  await expect(page.getByTestId('report-conflict-count')).toHaveText('8');
  // Searching narrows every section to what matches.
  await page.getByTestId('change-report-search').fill('ахметов');
  await expect(page.getByTestId('report-changed').getByTestId('report-item')).toHaveCount(1);
  await page.getByTestId('change-report-search').fill('');
  // The whole report as a CSV file for a spreadsheet: one line per field change (formula-like text behind an apostrophe, as the roster export writes it).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('change-report-export').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^erikti-report-KZ-75-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv).toContain(`${text(ru, 'exchange.report.kind.changed')};${text(ru, 'exchange.table.volunteers')};Ахметов Ерлан;${text(ru, 'volunteer.phone')};'+7 (701) 123-45-67;'+7 (777) 999-88-77`);
  expect(csv).toContain(`${text(ru, 'exchange.report.kind.merged')};${text(ru, 'exchange.table.volunteers')};`);
  await expect(page.getByTestId('exchange-from')).toContainText('KZ-75');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('report-changed').locator('summary')).toContainText(text(langs[lang], 'exchange.report.kind.changed'));
    await shoot(page, `review-preview-${lang}`);
  }
  await speak(page, 'ru');
  await page.getByTestId('exchange-apply').click();
  await expect(page.getByTestId('exchange-applied')).toBeVisible();

  // Five conflicts on the notes, decided at once by taking Almaty's value.
  await page.getByTestId('exchange-tab-conflicts').click();
  await expect(page.getByTestId('conflict')).toHaveCount(8);
  await page.getByTestId('conflict-filter-field').selectOption('notes');
  await expect(page.getByTestId('conflict')).toHaveCount(5);
  await expect(page.getByTestId('conflict').first().getByTestId('conflict-later')).toHaveCount(1);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await page.getByTestId('conflict-select-page').check();
    await page.getByTestId('conflict-bulk-office').selectOption('KZ-75');
    await expect(page.getByTestId('conflict-selected')).toContainText('5');
    await shoot(page, `review-conflicts-${lang}`);
    await page.getByTestId('conflict-select-page').uncheck();
  }
  await speak(page, 'ru');
  await page.getByTestId('conflict-filter-office').selectOption('KZ-75');
  await expect(page.getByTestId('conflict')).toHaveCount(5);
  await page.getByTestId('conflict-select-page').check();
  await page.getByTestId('conflict-bulk-office').selectOption('KZ-75');
  await page.getByTestId('conflict-bulk-office-run').click();
  await expect(page.getByText(text(ru, 'exchange.conflicts.empty'))).toBeVisible();
  for (const id of five) expect(centre.core.callAs(CLI_ACTOR, 'volunteers.get', { id }).notes).toBe('Алматы: только выходные');
  await page.getByTestId('conflict-filter-office').selectOption('');
  await page.getByTestId('conflict-filter-field').selectOption('');
  await expect(page.getByTestId('conflict')).toHaveCount(3);
  await page.getByLabel(text(ru, 'exchange.conflicts.showResolved')).check();
  await expect(page.getByTestId('conflict-resolved-line')).toHaveCount(5);

  // The bundle's history row opens: what it did and the decisions made since.
  await page.getByTestId('exchange-tab-exchange').click();
  const row = page.getByTestId('exchange-history-row').filter({ hasText: 'KZ-75' }).first();
  await row.click();
  const detail = page.getByTestId('history-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('report-merged-count')).toHaveText('1');
  await expect(detail.getByTestId('history-decisions')).toContainText('Оспанов');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(detail.getByTestId('history-decisions')).not.toContainText(' edited');
    await detail.getByTestId('report-changed').locator('summary').click();
    await shoot(page, `review-history-${lang}`);
    await detail.getByTestId('report-changed').locator('summary').click();
  }
  // Printed, the opened bundle stands alone on the page, every section open.
  await page.evaluate(() => {
    document.body.dataset.print = 'one';
    window.dispatchEvent(new Event('beforeprint'));
  });
  await page.emulateMedia({ media: 'print' });
  await expect(detail.getByTestId('report-merged').getByTestId('report-item')).toHaveCount(1);
  await expect(page.getByTestId('history-print')).toBeHidden();
  await shoot(page, 'review-history-print');
  await page.emulateMedia({ media: 'screen' });
});

test('the first exchange is a calm guide: what to send, who trusts; the own key file is refused on choice', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const almaty = await openOffice('KZ-75');
  offices.push(almaty);
  almaty.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім', role: 'coordinator', password: 'coordinator pass' });
  almaty.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Админ', role: 'administrator', password: 'administrator pass' });
  await page.goto(almaty.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/exchange"]').click();
  const guide = page.getByTestId('first-exchange');
  await expect(guide).toBeVisible();
  await expect(page.getByTestId('first-trust-step')).toHaveText(text(ru, 'exchange.first.trustCoordinator'));
  // No red error: a calm note says what to do and who does it.
  await expect(page.getByTestId('exchange-export').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('exchange-no-key')).toBeVisible();
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await shoot(page, `review-first-${lang}`);
  }
  await speak(page, 'ru');
  await page.getByRole('button', { name: text(ru, 'auth.signOut') }).click();

  await signIn(page, 'admin', 'administrator pass');
  await page.locator('nav.shell-nav a[href="#/exchange"]').click();
  await expect(page.getByTestId('first-trust-step')).toContainText(text(ru, 'exchange.tabs.trust'));
  await page.getByTestId('exchange-tab-trust').click();
  const own = almaty.core.callAs(CLI_ACTOR, 'keys.own', {}).keyFile;
  await page.setInputFiles('#trust-file', { name: 'erikti-KZ-75.pub', mimeType: 'application/json', buffer: Buffer.from(own) });
  await expect(page.getByTestId('trust-own-refused')).toBeVisible();
  await expect(page.getByTestId('trust-confirm')).toHaveCount(0);
});

test('conflicts page through all of them, and every match can be decided at once', async ({ page }) => {
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  offices.push(almaty, centre);
  trustEachOther(almaty.core, centre.core);
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });
  const letters = 'АӘБВГҒДЕЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЫІЭЮЯ';
  const ids = Array.from({ length: 55 }, (_, i) => almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: `Тест${letters[i % letters.length]!.toLowerCase()}`, firstName: `Ат${letters[Math.floor(i / letters.length)]!.toLowerCase()}` }).id);
  carry(almaty.core, centre.core, 'KZ');
  for (const id of ids) centre.core.callAs(DANIYAR, 'volunteers.update', { id, patch: { locality: 'Астана' } });
  for (const id of ids) almaty.core.callAs(AIGERIM, 'volunteers.update', { id, patch: { locality: 'Алматы' } });
  carry(almaty.core, centre.core, 'KZ');
  expect(centre.core.callAs(CLI_ACTOR, 'conflicts.list', {}).total).toBe(55);

  await page.goto(centre.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav.shell-nav a[href="#/exchange"]').click();
  await page.getByTestId('exchange-tab-conflicts').click();
  await expect(page.getByTestId('conflict')).toHaveCount(50);
  await page.getByTestId('conflicts-pager').getByRole('button', { name: new RegExp(text(ru, 'paging.next')) }).click();
  await expect(page.getByTestId('conflict')).toHaveCount(5);
  await page.getByTestId('conflict-select-all').click();
  await expect(page.getByTestId('conflict-selected')).toContainText('55');
  await page.getByTestId('conflict-bulk-winner').click();
  await expect(page.getByText(text(ru, 'exchange.conflicts.empty'))).toBeVisible();
  expect(centre.core.callAs(CLI_ACTOR, 'conflicts.list', {}).total).toBe(0);
});

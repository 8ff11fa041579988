import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { langs, shots, signIn, speak, text } from './kit';

const PASSWORD = 'backup password 2026';

test('an administrator is warned there is no backup, sets backups up, backs up now, and checks a backup before restoring', async ({ page, office }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Әлия Администратор', role: 'administrator', password: 'admin password' });
  office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Абенов', firstName: 'Марат', birthDate: '1990-01-02' });
  const stick = path.join(office.dir, 'stick');
  mkdirSync(stick);
  const ru = langs.ru;

  await page.goto(office.host.url);
  await signIn(page, 'admin', 'admin password');
  // No backup yet: every screen tells the administrator, with the way to the backups.
  await expect(page.getByTestId('backup-banner')).toContainText(text(ru, 'backups.banner.never'));
  await page.getByTestId('backup-banner').getByRole('link').click();
  await expect(page.getByRole('heading', { name: text(ru, 'backups.title') })).toBeVisible();
  await expect(page.getByTestId('backup-now')).toBeDisabled();

  await page.getByLabel(text(ru, 'backups.folder')).fill(stick);
  await page.getByLabel(text(ru, 'backups.password'), { exact: true }).fill(PASSWORD);
  await page.getByLabel(text(ru, 'backups.passwordRepeat')).fill('something else');
  await page.locator('button[type=submit]', { hasText: text(ru, 'common.save') }).click();
  await expect(page.locator('#backup-password-repeat-error')).toHaveText(text(ru, 'error.passwordMismatch'));
  await page.getByLabel(text(ru, 'backups.passwordRepeat')).fill(PASSWORD);
  await page.locator('button[type=submit]', { hasText: text(ru, 'common.save') }).click();
  await expect(page.getByText(text(ru, 'backups.saved'))).toBeVisible();

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toContainText('KZ-75');
  await expect(page.getByTestId('backup-last')).not.toContainText(text(ru, 'backups.never'));

  // Restore: a wrong password changes nothing; the right one shows what the backup holds first.
  await page.getByRole('button', { name: text(ru, 'backups.restore') }).click();
  const panel = page.getByTestId('backup-restore');
  await panel.getByLabel(text(ru, 'backups.password')).fill('not the password');
  await panel.getByRole('button', { name: text(ru, 'backups.check') }).click();
  await expect(panel).toContainText(text(ru, 'error.backup.wrongPassword'));
  await panel.getByLabel(text(ru, 'backups.password')).fill(PASSWORD);
  await panel.getByRole('button', { name: text(ru, 'backups.check') }).click();
  await expect(page.getByTestId('backup-preview')).toContainText(text(ru, 'backups.restoreWarning'));
  await expect(page.getByTestId('backup-preview')).toContainText(text(ru, 'backups.counts.volunteers'));

  // The banner is gone once a backup exists.
  await go(page, '#/office');
  await expect(page.getByRole('link', { name: text(ru, 'backups.link') })).toBeVisible();
  await expect(page.getByTestId('backup-banner')).toHaveCount(0);

  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await go(page, '#/backups');
    await page.getByRole('button', { name: text(langs[lang], 'backups.restore') }).click();
    await page.getByTestId('backup-restore').getByLabel(text(langs[lang], 'backups.password')).fill(PASSWORD);
    await page.getByTestId('backup-restore').getByRole('button', { name: text(langs[lang], 'backups.check') }).click();
    await expect(page.getByTestId('backup-preview')).toBeVisible();
    await page.locator('h1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `backups-${lang}-top.png`) });
    await page.getByTestId('backup-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `backups-${lang}-restore.png`) });
    // Nothing on the screen overflows its box at 1366 px, and axe finds nothing serious.
    const overflowing = await page.locator('.backups-screen *').evaluateAll((nodes) => nodes.filter((n) => n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX === 'visible' && n.clientWidth > 0).map((n) => n.outerHTML.slice(0, 80)));
    expect(overflowing, lang).toEqual([]);
    const axe = await new AxeBuilder({ page }).include('.backups-screen').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), lang).toEqual([]);
  }
});

/** Goes to a screen as a link would (the page keeps its session). */
async function go(page: import('@playwright/test').Page, hash: string): Promise<void> {
  await page.evaluate((to) => (window.location.hash = to), hash);
}

import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { shots, signIn, speak } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

test('the profile shows a field edit in its history; the audit screen filters by kind of act', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Айгерім Сапарова', role: 'administrator', password: 'administrator pass' });
  const { id } = office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Сейітов', firstName: 'Асқар', phone: '87011234567' });
  office.core.callAs(CLI_ACTOR, 'volunteers.update', { id, patch: { phone: '87017654321' } });
  office.core.callAs(CLI_ACTOR, 'roster.export', { format: 'xlsx', lang: 'ru' });
  // Someone guessing a password: five failures, then attempts the throttle refuses.
  for (let i = 0; i < 7; i++) office.core.call('auth.signIn', { login: 'desk', password: `guess ${i}` }, null);
  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await speak(page, 'en');

  await page.evaluate((hash) => (window.location.hash = hash), `#/volunteers/${id}`);
  const history = page.getByTestId('record-history');
  await expect(history.getByTestId('record-history-entry')).toHaveCount(0);
  await page.getByTestId('record-history-toggle').click();
  const latest = history.getByTestId('record-history-entry').first();
  await expect(latest).toContainText('cli, office KZ-75');
  await expect(latest).toContainText('Phone');
  await expect(latest.locator('.history-old')).toHaveText('+7 (701) 123-45-67');
  await expect(latest.locator('.history-new')).toHaveText('+7 (701) 765-43-21');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/history-${lang}.png` });
  }

  await page.locator('nav a[href="#/users"]').click();
  await page.getByTestId('open-audit').click();
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toContainText('Signed in');
  await page.locator('#audit-kind').selectOption('export');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toContainText('Volunteer list exported');
  await page.locator('#audit-kind').selectOption('auth');
  const throttled = page.getByTestId('audit-row').filter({ hasText: 'Sign-in temporarily blocked' });
  await expect(throttled).toHaveCount(1);
  await expect(throttled).toContainText('desk@KZ-75');
  await expect(throttled).toContainText(/wait \(s\): \d+/);
  await page.locator('#audit-who').fill('nobody-here');
  await expect(page.getByTestId('audit-none')).toBeVisible();
  await page.locator('#audit-who').fill('');
  await page.locator('#audit-kind').selectOption('');
  await expect(throttled).toHaveCount(1);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await page.screenshot({ path: `${shots}/audit-${lang}.png` });
  }
});

import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { ru, text } from './kit';

test('a staff user changes their own password: wrong current, mismatch, success, then only the new one signs in', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-71');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Айгүл Сейітова', role: 'staff', password: 'old password 1' });

  const signIn = async (password: string) => {
    await page.locator('#signin-login').fill('clerk');
    await page.locator('#signin-password').fill(password);
    await page.locator('button[type=submit]').click();
  };

  await page.goto(office.host.url);
  await signIn('old password 1');

  // The user's name in the header opens the screen.
  await page.locator('a.user-name', { hasText: 'Айгүл Сейітова' }).click();
  await expect(page).toHaveURL(/#\/password$/);
  await expect(page.getByRole('heading', { name: text(ru, 'password.title') })).toBeVisible();

  // A wrong current password: the core refuses it, under the field, in Russian.
  await page.getByLabel(text(ru, 'password.current')).fill('not my password');
  await page.getByLabel(text(ru, 'password.next'), { exact: true }).fill('new password 2');
  await page.getByLabel(text(ru, 'password.confirm')).fill('new password 2');
  await page.locator('button[type=submit]').click();
  await expect(page.locator('#password-current-error')).toHaveText(text(ru, 'error.badPassword'));

  // The new password typed differently twice: refused here, before the core is asked.
  await page.getByLabel(text(ru, 'password.current')).fill('old password 1');
  await page.getByLabel(text(ru, 'password.confirm')).fill('new password 3');
  await page.locator('button[type=submit]').click();
  await expect(page.locator('#password-confirm-error')).toHaveText(text(ru, 'error.passwordMismatch'));
  await expect(page.locator('#password-current-error')).toHaveCount(0);

  // Too short a new password: the contract's own rule, under the new password.
  await page.getByLabel(text(ru, 'password.next'), { exact: true }).fill('short');
  await page.getByLabel(text(ru, 'password.confirm')).fill('short');
  await page.locator('button[type=submit]').click();
  await expect(page.locator('#password-next-error')).toHaveText(text(ru, 'error.passwordShort').replace('{{limit}}', '8'));

  // The right current password and a matching new one: changed, and the form is emptied.
  await page.getByLabel(text(ru, 'password.next'), { exact: true }).fill('new password 2');
  await page.getByLabel(text(ru, 'password.confirm')).fill('new password 2');
  await page.locator('button[type=submit]').click();
  await expect(page.getByText(text(ru, 'password.changed'))).toBeVisible();
  await expect(page.getByLabel(text(ru, 'password.current'))).toHaveValue('');
  await expect(page.getByLabel(text(ru, 'password.next'), { exact: true })).toHaveValue('');
  await expect(page.getByLabel(text(ru, 'password.confirm'))).toHaveValue('');
  await expect(page.locator('.field-error')).toHaveCount(0);

  // Signed out, the old password no longer works; the new one does.
  await page.getByRole('button', { name: text(ru, 'auth.signOut') }).click();
  await signIn('old password 1');
  await expect(page.getByText(text(ru, 'error.badCredentials'))).toBeVisible();
  await signIn('new password 2');
  await expect(page.locator('nav a[href="#/volunteers"]')).toBeVisible();
  await expect(page.locator('a.user-name')).toContainText('Айгүл Сейітова');
});

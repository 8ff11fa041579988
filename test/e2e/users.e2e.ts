import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { shots, signIn, speak } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

test('a role changes only once the administrator confirms it, and the change is in the audit trail', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Айгерім Сапарова', role: 'administrator', password: 'administrator pass' });
  const clerk = office.core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Дана Оспанова', role: 'staff', password: 'clerk password' });
  const roleOf = () => office.core.callAs(CLI_ACTOR, 'users.list', {}).find((u) => u.id === clerk.id)!.role;
  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await speak(page, 'en');
  await page.locator('nav a[href="#/users"]').click();

  // A slip of the drop-down asks; "No" leaves the role as it was.
  await page.locator(`#role-${clerk.id}`).selectOption('administrator');
  const confirm = page.getByTestId('confirm-clerk');
  await expect(confirm).toContainText('from “Staff” to “Administrator”');
  await confirm.getByRole('button', { name: 'No' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.locator(`#role-${clerk.id}`)).toHaveValue('staff');
  expect(roleOf()).toBe('staff');

  await page.locator(`#role-${clerk.id}`).selectOption('coordinator');
  await page.getByTestId('confirm-clerk').getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('confirm-clerk')).toHaveCount(0);
  expect(roleOf()).toBe('coordinator');
  const changes = page.getByTestId('account-changes');
  await expect(changes.locator('tbody tr').first()).toContainText('Role changed');
  await expect(changes.locator('tbody tr').first()).toContainText('admin@KZ-75');
  await expect(changes.locator('tbody tr').first()).toContainText('Staff → Coordinator');

  // Deactivating asks too.
  await page.locator('tr', { hasText: 'clerk' }).locator('input[type=checkbox]').first().uncheck();
  await expect(page.getByTestId('confirm-clerk')).toContainText('Deactivate Дана Оспанова?');
  await page.locator(`#role-${clerk.id}`).selectOption('staff');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await page.screenshot({ path: `${shots}/users-${lang}.png`, fullPage: true });
  }
});

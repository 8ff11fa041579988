import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { signIn, speak } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

test('a new office: the empty roster points to Add and Import, and the office name field does not show a default in another language', async ({ page, office }) => {
  // Set up without a name, as `erikti init` or a first run that left the name empty does.
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Admin', role: 'administrator', password: 'administrator pass' });
  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await speak(page, 'en');

  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
  const firstSteps = page.getByTestId('roster-first-steps');
  await expect(firstSteps).toContainText('No volunteers here yet');
  await firstSteps.getByRole('link', { name: 'Import from Excel' }).click();
  await expect(page.locator('#roster-file')).toBeAttached();

  // A search that finds nobody says so, and offers to clear it instead.
  await page.locator('nav a[href="#/volunteers"]').click();
  await page.locator('input[type=search]').fill('Нұрлан');
  await expect(page.getByText('Nobody found')).toBeVisible();
  await expect(firstSteps).toHaveCount(0);

  await page.locator('nav a[href="#/office"]').click();
  await expect(page.locator('#office-name')).toHaveValue('');
  await expect(page.locator('#office-name')).toHaveAttribute('placeholder', 'Almaty');
  await expect(page.locator('.shell-head, header').first()).toContainText('Almaty');
});

test('deactivating a volunteer asks why and is confirmed first', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Admin', role: 'administrator', password: 'administrator pass' });
  const { id } = office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Оспанова', firstName: 'Дана' });
  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await speak(page, 'en');
  await page.goto(`${office.host.url.split('#')[0]}#/volunteers/${id}`);
  // Deactivating asks why and waits for its own confirmation: Cancel leaves the person active.
  await page.getByTestId('volunteer-deactivate').click();
  const panel = page.getByTestId('deactivate-panel');
  await expect(panel).toContainText('Оспанова Дана');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toBeHidden();
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.get', { id }).status).not.toBe('inactive');
  await page.getByTestId('volunteer-deactivate').click();
  await page.getByTestId('deactivate-panel').getByLabel('Moved away').check();
  await page.getByTestId('deactivate-confirm').click();
  await expect.poll(() => office.core.callAs(CLI_ACTOR, 'volunteers.get', { id }).status).toBe('inactive');
});

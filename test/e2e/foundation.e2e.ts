import { makeIin } from '../../shared/domain/iin';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { callFromPage, expect, test } from './fixtures';
import { langs, ru, text } from './kit';

const kk = langs.kk;

const iin = makeIin('1995-04-12', 'M', 321)!;
const wrongIin = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);

test('first run, a volunteer with a wrong then a right IIN, Latin search, Kazakh, and sign-in refusal', async ({ page, office }) => {
  await page.goto(office.host.url);

  // First run: choose the office and create the first administrator (Russian is the default).
  await page.locator('#setup-office').selectOption('KZ-75');
  await page.locator('#setup-login').fill('admin');
  await page.locator('#setup-name').fill('Әсел Админова');
  await page.locator('#setup-password').fill('very secret 1');
  await page.locator('#setup-confirm').fill('very secret 1');
  await page.locator('button[type=submit]').click();

  // Signed in: the overview; the roster, empty. Add a volunteer with a wrong IIN.
  await page.locator('nav a[href="#/volunteers"]').click();
  await page.locator('a[href="#/volunteers/new"]').first().click();
  await page.locator('#v-lastName').fill('Жұмабеков');
  await page.locator('#v-firstName').fill('Нұрсұлтан');
  await page.locator('#v-iin').fill(wrongIin);
  await page.locator('button[type=submit]').click();
  await expect(page.getByText(text(ru, 'error.iin.checksum'))).toBeVisible();
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.search', {}).total).toBe(0);

  // The right IIN fills birth date and sex; without consent the form asks for it.
  await page.locator('#v-iin').fill(iin);
  await expect(page.locator('#v-birthDate')).toHaveValue('12.04.1995');
  await page.locator('button[type=submit]').click();
  await expect(page.getByText(text(ru, 'error.consentRequired')).first()).toBeVisible();
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.search', {}).total).toBe(0);
  // With it, saving opens the profile.
  await page.locator('#v-consentDate').fill('01.03.2026');
  await page.locator('#v-consentBasis').selectOption({ index: 1 });
  await page.locator('button[type=submit]').click();
  await expect(page.getByRole('heading', { name: /Жұмабеков/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/profile-ru.png' });

  // Found by its Latin spelling from the roster.
  await page.locator('a[href="#/volunteers"]').first().click();
  await page.getByLabel(text(ru, 'roster.search')).fill('zhumabek');
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await expect(page.getByTestId('roster-row').first()).toContainText('Жұмабеков');

  // Kazakh at run time.
  await page.getByRole('button', { name: text(kk, 'langName.kk') }).click();
  await expect(page.locator('nav a[href="#/volunteers"]')).toHaveText(text(kk, 'nav.volunteers'));
  await expect(page.getByLabel(text(kk, 'roster.search'))).toBeVisible();
  await page.screenshot({ path: 'test-results/roster-kk.png' });

  // Sign out; a wrong password is refused, in Kazakh.
  await page.getByRole('button', { name: text(kk, 'auth.signOut') }).click();
  await page.locator('#signin-login').fill('admin');
  await page.locator('#signin-password').fill('not the password');
  await page.locator('button[type=submit]').click();
  await expect(page.getByText(text(kk, 'error.badCredentials'))).toBeVisible();
  await page.locator('#signin-password').fill('very secret 1');
  await page.locator('button[type=submit]').click();
  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
});

test('staff cannot reach administrator calls, not even by calling the contract directly', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-71');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Admin', role: 'administrator', password: 'admin password' });
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });

  await page.goto(office.host.url);
  await page.locator('#signin-login').fill('clerk');
  await page.locator('#signin-password').fill('clerk password');
  await page.locator('button[type=submit]').click();
  await expect(page.locator('nav a[href="#/volunteers"]')).toBeVisible();
  await expect(page.locator('nav a[href="#/users"]')).toHaveCount(0);

  const signIn = (await callFromPage(page, office.host, 'auth.signIn', { login: 'clerk', password: 'clerk password' }, null)) as unknown as {
    value: { session: string };
  };
  const staff = signIn.value.session;
  const addAdmin = await callFromPage(page, office.host, 'users.add', { login: 'evil', displayName: 'E', role: 'administrator', password: 'password123' }, staff);
  expect(addAdmin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const list = await callFromPage(page, office.host, 'users.list', {}, staff);
  expect(list).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const noSession = await callFromPage(page, office.host, 'volunteers.search', {}, null);
  expect(noSession).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  expect(office.core.callAs(CLI_ACTOR, 'users.list', {}).map((u) => u.login).sort()).toEqual(['admin', 'clerk']);
});

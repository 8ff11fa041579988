import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { seedRoster } from '../../electron/core/seed/seed';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { langs, openRoster, shots, signIn, speak, text } from './kit';

const en = langs.en;
const count = (key: string, n: number) => text(en, key).replace('{{count, number}}', n.toLocaleString('en'));

test('the roster selects with click, Shift and Ctrl, or all matching, and acts on the selection once; a click does not open', async ({ page, office }) => {
  test.setTimeout(180_000);
  createOffice(office.core.db, 'KZ-75');
  seedRoster(office.core.db, { volunteers: 400, seed: 5 });
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'aliya', displayName: 'Әлия Сапарова', role: 'staff', password: 'staff password' });
  const org = office.core.callAs(CLI_ACTOR, 'organisations.create', { name: 'Жасыл Ел', type: 'association' }).id;
  const total = office.core.db.prepare('SELECT count(*) FROM volunteers WHERE deleted = 0').pluck().get() as number;

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(office.host.url);
  await signIn(page, 'aliya', 'staff password');
  await speak(page, 'en');
  await openRoster(page);
  const rows = page.getByTestId('roster-row');
  await expect(rows.first()).toBeVisible();
  const bar = page.getByTestId('selection-bar');
  const selected = page.getByTestId('selection-count');

  // A click selects the row and stays on the roster.
  await rows.nth(0).click({ position: { x: 300, y: 10 } });
  await expect(selected).toHaveText(count('bulk.selected', 1));
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('roster-total')).toBeVisible();
  expect(page.url()).toMatch(/#\/volunteers$|#\/$|\/$/);
  // Shift-click takes the range, Ctrl-click takes one out.
  await rows.nth(4).click({ position: { x: 300, y: 10 }, modifiers: ['Shift'] });
  await expect(selected).toHaveText(count('bulk.selected', 5));
  await rows.nth(2).click({ position: { x: 300, y: 10 }, modifiers: ['ControlOrMeta'] });
  await expect(selected).toHaveText(count('bulk.selected', 4));
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'false');
  // Space ticks the focused row back.
  await rows.nth(2).click({ position: { x: 300, y: 10 }, modifiers: ['ControlOrMeta'] });
  await page.keyboard.press('Space');
  await expect(selected).toHaveText(count('bulk.selected', 4));

  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('selection-count')).toHaveText(text(langs[lang], 'bulk.selected').replace('{{count, number}}', '4'));
    await page.screenshot({ path: path.join(shots, `roster-selection-${lang}.png`) });
    // Nothing of the head, the filters or the selection bar runs past the window.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(1366);
  }

  // The selection bar and the table pass axe: nothing serious or critical.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

  // Add the four to an organisation: one call, and the answer says what happened.
  await page.getByTestId('bulk-action').selectOption('addToOrganisation');
  await bar.locator('#bulk-target').selectOption(org);
  await page.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-result')).toContainText('Changed: 4');
  expect(office.core.callAs(CLI_ACTOR, 'organisations.get', { id: org }).members).toHaveLength(4);

  // All N matching: the filters go to the core, not a list of ids.
  await page.getByTestId('select-all-matching').click();
  await expect(selected).toHaveText(count('bulk.selected', total));
  await page.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-result')).toContainText(`Changed: ${total - 4}`);
  await expect(page.getByTestId('bulk-result')).toContainText('already so: 4');
  await page.screenshot({ path: path.join(shots, 'roster-bulk-result-en.png') });

  // Deactivation asks first.
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await rows.nth(1).click({ position: { x: 300, y: 10 } });
  await page.getByTestId('bulk-action').selectOption('deactivate');
  // Why they go is asked as on a profile, and kept on each person.
  await expect(bar.getByRole('button', { name: text(en, 'bulk.apply') })).toBeDisabled();
  await page.locator('#bulk-target').selectOption('movedAway');
  await bar.getByRole('button', { name: text(en, 'bulk.apply') }).click();
  await bar.getByRole('button', { name: text(en, 'common.yes') }).click();
  await expect(page.getByTestId('bulk-result')).toContainText('Changed: 1');
  expect(office.core.db.prepare("SELECT count(*) FROM volunteers WHERE status = 'inactive' AND deactivation_reason = 'movedAway'").pluck().get()).toBe(1);

  // Opening is the name link, a double-click or Enter.
  await rows.nth(3).dblclick({ position: { x: 300, y: 10 } });
  await expect(page).toHaveURL(/#\/volunteers\/[^/]+$/);
  await page.goBack();
  await rows.nth(3).click({ position: { x: 300, y: 10 } });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/volunteers\/[^/]+$/);
  await page.goBack();
  await rows.nth(5).getByTestId('roster-open').click();
  await expect(page).toHaveURL(/#\/volunteers\/[^/]+$/);
});

test('a saved view brings back its filters and columns; each user has their own', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  seedRoster(office.core.db, { volunteers: 50, seed: 9 });
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'aliya', displayName: 'Әлия Сапарова', role: 'staff', password: 'staff password' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(office.host.url);
  await signIn(page, 'aliya', 'staff password');
  await speak(page, 'en');
  await openRoster(page);
  await expect(page.getByTestId('roster-row').first()).toBeVisible();

  await page.locator('#filter-status').selectOption('inactive');
  await page.getByTestId('roster-columns').click();
  await page.getByRole('checkbox', { name: text(en, 'volunteer.phone') }).uncheck();
  await page.getByRole('checkbox', { name: text(en, 'volunteer.skills') }).check();
  await page.getByTestId('roster-columns').click();
  await page.getByTestId('views-save').click();
  await page.getByTestId('views-name').fill('Inactive, skills');
  await page.getByRole('button', { name: text(en, 'common.save'), exact: true }).click();
  await expect(page.getByTestId('views-pick')).toContainText('Inactive, skills');

  // Back to everything, then the view again.
  await page.getByRole('button', { name: text(en, 'roster.clear') }).click();
  await expect(page.locator('#filter-status')).toHaveValue('');
  await page.getByTestId('views-pick').selectOption({ label: 'Inactive, skills' });
  await expect(page.locator('#filter-status')).toHaveValue('inactive');
  await expect(page.getByRole('columnheader', { name: text(en, 'volunteer.skills') })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: text(en, 'volunteer.phone') })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'roster-saved-view-en.png') });

  // Another user does not see it.
  const aliya = office.core.db.prepare("SELECT id FROM users WHERE login = 'aliya'").pluck().get() as string;
  expect(office.core.db.prepare('SELECT count(*) FROM saved_views WHERE user_id = ?').pluck().get(aliya)).toBe(1);
  expect(office.core.callAs({ ...CLI_ACTOR, id: 'someone-else' }, 'views.list', {})).toEqual([]);

  await page.getByRole('button', { name: text(en, 'views.delete') }).click();
  await page.getByRole('button', { name: text(en, 'common.yes') }).click();
  await expect(page.getByTestId('views-pick')).not.toContainText('Inactive, skills');
});

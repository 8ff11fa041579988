import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { readSpreadsheet } from '../../electron/core/spreadsheet/read';
import type { ReadLimits } from '../../electron/core/spreadsheet/sheet';
import { localDateTimeAt } from '../../shared/domain/events';
import { makeIin } from '../../shared/domain/iin';
import { expect, test } from './fixtures';
import { langs, ru, shots, signIn, speak, text } from './kit';

const LIMITS: ReadLimits = { fileBytes: 1 << 20, expandedBytes: 4 << 20, rows: 100, columns: 10, cells: 1000, cellChars: 1000, merges: 10, sheets: 2 };

// 1366 × 768 is the most common office screen: the day and the ledger must read well there.
test.use({ viewport: { width: 1366, height: 768 } });

/** A translation with its {{params}} filled in, as the screen shows it. */
const say = (key: string, params: Record<string, string | number> = {}, tree = ru) =>
  Object.entries(params).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), text(tree, key));

const kzNow = (minutesAgo = 0) => localDateTimeAt(new Date(Date.now() - minutesAgo * 60_000));
const dayOffset = (days: number) => localDateTimeAt(new Date(Date.now() + days * 86_400_000)).slice(0, 10);
/** A local date-time typed the way people write it: dd.mm.yyyy HH:MM. */
const typed = (local: string) => `${local.slice(0, 10).split('-').reverse().join('.')} ${local.slice(11)}`;

const open = (page: Page, hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);

async function shotsInEveryLanguage(page: Page, name: string, ready: (lang: 'kk' | 'ru' | 'en') => Promise<void>) {
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 8000 });
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await ready(lang);
    await page.screenshot({ path: path.join(shots, `${name}-${lang}.png`) });
  }
  await speak(page, 'ru');
}

test('the day by keyboard: two people in and out, a walk-in, a no-show; hours verified on the ledger and seen on profiles', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  const core = office.core;
  core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  const person = (lastName: string, firstName: string, birthDate: string, extra: Record<string, unknown> = {}) =>
    core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName, birthDate, status: 'active', region: 'KZ-75', languages: ['kk', 'ru'], ...extra }).id;
  const gulnaz = person('Әбенова', 'Гүлназ', '1998-05-14', { iin: makeIin('1998-05-14', 'F', 123) });
  const nurlanIin = makeIin('2001-11-02', 'M', 456)!;
  const nurlan = person('Қасымов', 'Нұрлан', '2001-11-02', { iin: nurlanIin, phone: '+77011234567' });
  const olga = person('Петрова', 'Ольга', '1995-02-27');
  person('Серікбаев', 'Алмас', '1990-01-15');

  // A shift from yesterday morning to tomorrow evening is running whenever the test runs, even across midnight.
  const eventId = core.callAs(CLI_ACTOR, 'events.add', {
    title: 'Помощь пожилым: продуктовые наборы', category: 'socialSupport', start: dayOffset(-1), end: dayOffset(1), region: 'KZ-75', place: 'Алматы, ул. Толе би 55',
  }).id;
  const shiftId = core.callAs(CLI_ACTOR, 'events.shifts.add', {
    eventId, title: 'Сборка наборов', start: `${dayOffset(-1)}T08:00`, end: `${dayOffset(1)}T20:00`, needed: 3, meetingPoint: 'Вход со двора',
  }).id;
  const assigned = core.callAs(CLI_ACTOR, 'events.assign', { shiftId, volunteerIds: [gulnaz, nurlan, olga] }).outcomes;
  expect(assigned.map((o) => o.outcome)).toEqual(['assigned', 'assigned', 'assigned']);

  await page.goto(office.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  // The event screens link here (dayHref); this branch opens the day by its address.
  await expect(page.locator('nav a[href="#/volunteers"]')).toBeVisible();
  await open(page, `#/events/${eventId}/day`);
  const search = page.getByTestId('day-search');
  await expect(search).toBeFocused();
  await expect(page.getByTestId('day-count-expected')).toContainText('3');
  const row = (name: string) => page.getByTestId('day-row').filter({ hasText: name });
  const last = page.getByTestId('day-last');

  // Part of a name, then IIN digits: Enter checks each in.
  await page.keyboard.type('әбен');
  await expect(page.getByTestId('day-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(row('Әбенова')).toHaveAttribute('data-state', 'present');
  await expect(last).toContainText('Әбенова Гүлназ');
  await expect(search).toHaveValue('');
  await page.keyboard.type(nurlanIin.slice(4, 10));
  await expect(page.getByTestId('day-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(row('Қасымов')).toHaveAttribute('data-state', 'present');
  await expect(page.getByTestId('day-count-present')).toContainText('2');

  // ↓ moves the choice down the list (the Enter key then acts on the chosen row).
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('day-row').nth(1)).toHaveAttribute('aria-selected', 'true');

  // They actually came three hours ago: the arrival is corrected by keyboard (the core keeps the time typed).
  const arrived = kzNow(180);
  for (const name of ['Әбенова', 'Қасымов']) {
    await row(name).getByRole('button', { name: text(ru, 'day.fixTime') }).focus();
    await page.keyboard.press('Enter');
    const fix = page.getByTestId('time-fix');
    await expect(fix.getByLabel(text(ru, 'day.arrived'))).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(typed(arrived));
    if (name === 'Қасымов') await page.screenshot({ path: path.join(shots, 'events-day-fix-ru.png') });
    await page.keyboard.press('Enter');
    await expect(last).toContainText(say('day.done.fixed', { name: name === 'Әбенова' ? 'Әбенова Гүлназ' : 'Қасымов Нұрлан' }));
    await expect(search).toBeFocused();
  }

  // Out again by keyboard: a phone's digits find Kasymov, Enter checks him out with his hours.
  await page.keyboard.type('701 123');
  await page.keyboard.press('Enter');
  await expect(row('Қасымов')).toHaveAttribute('data-state', 'gone');
  await expect(last).toContainText(/3 ч$/);
  await page.keyboard.type('гүлназ');
  await page.keyboard.press('Enter');
  await expect(row('Әбенова')).toHaveAttribute('data-state', 'gone');
  await expect(row('Әбенова').locator('td.num')).toHaveText('3');

  // Enter on someone already gone changes nothing and says how to correct.
  await page.keyboard.type('әбен');
  await page.keyboard.press('Enter');
  await expect(last).toContainText(say('day.done.alreadyGone', { name: 'Әбенова Гүлназ' }));
  await page.keyboard.press('Escape');

  // A walk-in: not on the shift, found in the roster, added after a second Enter, checked in.
  await page.keyboard.type('серік');
  await expect(page.getByTestId('walk-in-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('walk-in-confirm')).toContainText('Серікбаев Алмас');
  await page.screenshot({ path: path.join(shots, 'events-day-walk-in-ru.png') });
  await page.keyboard.press('Enter');
  await expect(row('Серікбаев')).toHaveAttribute('data-state', 'present');
  await expect(row('Серікбаев')).toContainText(text(ru, 'day.walkIn'));

  // At the end: Petrova never came.
  await page.getByRole('button', { name: say('day.noShows', { count: 1 }) }).click();
  await page.getByRole('button', { name: text(ru, 'common.yes'), exact: true }).press('Enter');
  await expect(row('Петрова')).toHaveAttribute('data-state', 'missing');
  await expect(page.getByTestId('day-count-missing')).toContainText('1');
  await expect(page.getByTestId('day-count-gone')).toContainText('2');
  await page.getByTestId('day-search').focus();
  await shotsInEveryLanguage(page, 'events-day', async (lang) => {
    await expect(page.getByTestId('day-count-missing')).toContainText(text(langs[lang], 'day.state.missing'));
  });

  // The ledger: both entries wait under their shift; one verified alone, the other with the whole shift.
  await page.getByRole('link', { name: new RegExp(text(ru, 'hours.title')) }).click();
  const waiting = page.getByTestId('hours-waiting');
  await expect(waiting.getByTestId('hours-entry')).toHaveCount(2);
  await expect(page.getByTestId('hours-total')).toContainText(say('hours.totalLine', { hours: 6, verified: 0, waiting: 6 }));
  await waiting.getByTestId('hours-entry').filter({ hasText: 'Әбенова' }).getByTestId('hours-verify').click();
  await expect(waiting.getByTestId('hours-entry')).toHaveCount(1);
  await waiting.getByTestId('hours-verify-shift').click();
  await expect(waiting).toContainText(text(ru, 'hours.nothingWaiting'));
  await expect(page.getByTestId('hours-total')).toContainText(say('hours.totalLine', { hours: 6, verified: 6, waiting: 0 }));
  await expect(page.getByTestId('hours-summary-row')).toHaveCount(2);

  // A coordinator corrects a verified entry from the office's totals: new hours and why, the old kept as history.
  const kasymov = page.getByTestId('hours-summary-row').filter({ hasText: 'Қасымов' });
  await kasymov.getByTestId('hours-open-entries').click();
  const his = page.getByTestId('hours-person-entries');
  await his.getByRole('button', { name: text(ru, 'hours.correct') }).click();
  await his.getByLabel(text(ru, 'hours.newHours')).fill('2,75');
  await his.getByLabel(text(ru, 'hours.reason')).fill('Перерыв на обед не отмечен');
  await his.getByTestId('hours-correct').getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(kasymov).toContainText('2,75');
  await expect(his).toContainText('Перерыв на обед не отмечен');
  await expect(his).toContainText(say('hours.was', { hours: 3 }));

  // Work outside events, typed by hand for Petrova (the person picked from the roster).
  await page.getByTestId('hours-add-open').click();
  await page.locator('#add-hours-person').fill('Петрова');
  await page.getByRole('option', { name: /Петрова Ольга/ }).click();
  await page.locator('#add-hours-date').fill(typed(`${dayOffset(0)}T00:00`).slice(0, 10));
  await page.locator('#add-hours-hours').fill('2,5');
  await page.locator('#add-hours-category').selectOption('animals');
  await page.locator('#add-hours-note').fill('Приют «Дана», выгул собак');
  await page.getByTestId('hours-add').getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(waiting.getByTestId('hours-entry').filter({ hasText: 'Петрова' })).toContainText('2,5');
  // The period's ledger as .xlsx: one row per counted entry, headers in the user's language.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('hours-export').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^erikti-hours-.*\.xlsx$/);
  const [sheet] = readSpreadsheet(readFileSync((await file.path())!), 'hours.xlsx', LIMITS).sheets;
  expect(sheet!.rows[0]![0]).toBe(text(ru, 'hoursExport.name'));
  expect(sheet!.rows.slice(1).map((r) => [r![0], r![2]]).sort()).toEqual([['Әбенова Гүлназ', 3], ['Петрова Ольга', 2.5], ['Қасымов Нұрлан', 2.75]].sort());
  await page.getByTestId('hours-by-category').click();
  await expect(page.getByTestId('hours-summary')).toContainText(text(ru, 'vocab.eventCategory.animals'));
  await shotsInEveryLanguage(page, 'events-hours', async (lang) => {
    await expect(page.getByTestId('hours-screen')).toContainText(text(langs[lang], 'hours.waitingTitle'));
  });

  // The profiles: hours per year and month; a coordinator corrects a verified entry and the history shows.
  await open(page, `#/volunteers/${gulnaz}`);
  const block = page.getByTestId('hours-block');
  await expect(block.getByTestId('hours-block-total')).toContainText(say('hours.totalLine', { hours: 3, verified: 3, waiting: 0 }));
  await expect(block.getByTestId('hours-year')).toContainText(dayOffset(-1).slice(0, 4));
  await block.getByRole('button', { name: text(ru, 'hours.correct') }).click();
  await block.getByLabel(text(ru, 'hours.newHours')).fill('2,5');
  await block.getByLabel(text(ru, 'hours.reason')).fill('Ушла на полчаса раньше');
  await block.getByTestId('hours-correct').getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(block.getByTestId('hours-block-total')).toContainText(say('hours.totalLine', { hours: '2,5', verified: '2,5', waiting: 0 }));
  await expect(block).toContainText('Ушла на полчаса раньше');
  await expect(block).toContainText(say('hours.was', { hours: 3 }));
  await block.scrollIntoViewIfNeeded();
  await shotsInEveryLanguage(page, 'events-profile-hours', async (lang) => {
    await expect(block).toContainText(text(langs[lang], 'hours.profileTitle'));
    await block.scrollIntoViewIfNeeded();
  });

  await open(page, `#/volunteers/${nurlan}`);
  await expect(page.getByTestId('hours-block-total')).toContainText(say('hours.totalLine', { hours: '2,75', verified: '2,75', waiting: 0 }));
  await expect(page.getByTestId('hours-entries')).toContainText('Сборка наборов');
  await expect(page.getByTestId('hours-entries')).toContainText('Перерыв на обед не отмечен');
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { langs, ru, shots, signIn, speak, text } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

test('add inventory, plan a flood needing more tents than are free (shortage shown), allocate what is free, add a bus and a trip, print the roster', async ({ page, office }) => {
  const core = office.core;
  createOffice(core.db, 'KZ-23');
  core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  const person = (lastName: string, firstName: string, phone: string, extra: Record<string, unknown> = {}) =>
    core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName, phone, birthDate: '1990-04-12', status: 'active', region: 'KZ-23', ...extra }).id;
  const people = [person('Әбенова', 'Гүлназ', '+77011112233'), person('Петров', 'Сергей', '+77022223344')];
  person('Жүргізуші', 'Ерлан', '+77053334455', { drivingCategories: ['B', 'D'] });
  // Far enough ahead that the shortage shows before the day; another event holds six tents meanwhile.
  const flood = core.callAs(CLI_ACTOR, 'events.add', { title: 'Паводок в Атырау', category: 'flood', start: '2030-04-10', end: '2030-04-12', region: 'KZ-23', place: 'Махамбет' }).id;
  const shift = core.callAs(CLI_ACTOR, 'events.shifts.add', { eventId: flood, title: 'Мешки с песком', start: '2030-04-10T09:00', end: '2030-04-10T17:00', needed: 5, meetingPoint: 'Школа № 2' }).id;
  core.callAs(CLI_ACTOR, 'events.assign', { shiftId: shift, volunteerIds: people });
  const fair = core.callAs(CLI_ACTOR, 'events.add', { title: 'Ярмарка', category: 'publicEvent', start: '2030-04-11', end: '2030-04-11', region: 'KZ-23' }).id;

  await page.goto(office.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/events"]').click();
  await page.getByTestId('logistics-link').click();
  const add = page.getByTestId('item-add');
  await add.getByTestId('item-name-ru').fill('Палатка');
  await add.getByTestId('item-name-kk').fill('Шатыр');
  await add.getByTestId('item-quantity').fill('10');
  await add.getByTestId('item-add-submit').click();
  await expect(page.getByTestId('inventory-row')).toHaveCount(1);
  await page.getByTestId('vehicle-plate').fill('123 ABC 06');
  await page.getByTestId('vehicle-seats').fill('20');
  await page.getByTestId('vehicle-category').selectOption('D');
  await page.getByTestId('vehicle-add-submit').click();
  await expect(page.getByTestId('vehicle-row')).toHaveCount(1);
  const tents = core.callAs(CLI_ACTOR, 'inventory.list', {})[0]!.id;
  core.callAs(CLI_ACTOR, 'logistics.allocate', { eventId: fair, itemId: tents, quantity: 6 });

  await page.goto(`${office.host.url.split('#')[0]}#/events/${flood}`);
  const section = page.getByTestId('event-logistics');
  await section.getByTestId('request-item').selectOption({ index: 1 });
  await section.getByTestId('request-quantity').fill('8');
  await section.getByTestId('request-submit').click();
  const shortage = section.getByTestId('logistics-shortage');
  await expect(shortage).toHaveText('4');
  await expect(shortage).toHaveClass(/gap/);
  await section.getByTestId('allocate-free').click();
  await expect(section.getByTestId('logistics-line').locator('td').nth(2)).toHaveText('4');
  await expect(shortage).toHaveText('4');

  const form = section.getByTestId('trip-form');
  await form.getByTestId('trip-vehicle').selectOption({ index: 1 });
  await form.getByTestId('trip-depart-at').fill('2030-04-10T07:00');
  await form.getByTestId('trip-return-at').fill('2030-04-10T19:00');
  await form.getByTestId('trip-from').fill('Атырау, офис');
  await form.getByTestId('trip-to').fill('Махамбет');
  await form.locator('#trip-driver').fill('Жүргізуші');
  await form.getByRole('option', { name: /Жүргізуші/ }).click();
  await form.getByTestId('trip-submit').click();
  await expect(section.getByTestId('trip')).toHaveCount(1);
  await section.getByTestId('trip-seat-all').click();
  await expect(section.getByTestId('trip')).toContainText('Әбенова');
  await section.getByTestId('checklist-template').click();
  await section.getByTestId('checklist-tick').first().click();
  await expect(section.getByTestId('checklist-tick').first()).toBeChecked();

  for (const lang of ['ru', 'kk', 'en'] as const) {
    if (lang !== 'ru') await speak(page, lang);
    await expect(section.locator('#logistics-title')).toHaveText(text(langs[lang], 'logistics.title'));
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `logistics-event-${lang}.png`) });
  }
  await speak(page, 'ru');
  const download = page.waitForEvent('download');
  await section.getByTestId('print-roster').click();
  const file = await (await download).path();
  const printed = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  for (const s of [text(ru, 'documents.eventRoster.title'), 'Паводок в Атырау', 'Әбенова Гүлназ', '+7 (701) 111-22-33', 'Махамбет', 'Палатка']) expect(printed).toContain(s);
  expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');

  for (const lang of ['ru', 'kk', 'en'] as const) {
    await page.goto(`${office.host.url.split('#')[0]}#/logistics`);
    await speak(page, lang);
    await expect(page.locator('h1')).toHaveText(text(langs[lang], 'logistics.inventory.title'));
    await page.screenshot({ path: path.join(shots, `logistics-inventory-${lang}.png`) });
  }
});

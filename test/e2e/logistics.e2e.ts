import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';
import { carry, langs, ru, shots, signIn, speak, text } from './kit';
import { dateText } from '../../shared/domain/date-text';
import { todayInKazakhstan } from '../../shared/domain/trainings';

test.use({ viewport: { width: 1366, height: 768 } });

/** Almaty and Astana, trusting each other, each with a coordinator (`coord`); both closed after `work`. */
async function withAlmatyAndAstana(work: (almaty: Office, astana: Office) => Promise<void>): Promise<void> {
  const opened: Office[] = [];
  try {
    const almaty = await openOffice('KZ-75');
    opened.push(almaty);
    const astana = await openOffice('KZ-71');
    opened.push(astana);
    trustEachOther(almaty.core, astana.core);
    for (const o of opened) o.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
    await work(almaty, astana);
  } finally {
    for (const o of opened) await closeOffice(o);
  }
}

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
  await form.getByTestId('trip-depart-at').fill('10.04.2030 07:00');
  // A time typed the wrong way is named under the form, nothing saved.
  await form.getByTestId('trip-return-at').fill('19:00');
  await form.getByTestId('trip-from').fill('Атырау, офис');
  await form.getByTestId('trip-to').fill('Махамбет');
  await form.locator('#trip-driver').fill('Жүргізуші');
  await form.getByRole('option', { name: /Жүргізуші/ }).click();
  await form.getByTestId('trip-submit').click();
  await expect(section.getByRole('alert')).toContainText(`${text(ru, 'logisticsField.returnAt')}: ${text(ru, 'error.dateTime')}`);
  await expect(section.getByTestId('trip')).toHaveCount(0);
  await form.getByTestId('trip-return-at').fill('10.04.2030 19:00');
  await form.getByTestId('trip-submit').click();
  await expect(section.getByTestId('trip')).toHaveCount(1);
  // Times as Kazakhstan writes them; the return without its date on the same day.
  await expect(section.getByTestId('trip')).toContainText('10.04.2030 07:00–19:00');
  // Saved: the form is empty for the next trip.
  await expect(form.getByTestId('trip-from')).toHaveValue('');
  await expect(form.getByTestId('trip-vehicle')).toHaveValue('');
  await expect(form.locator('#trip-driver')).toHaveValue('');
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

test('receive stock and write it off with a reason (refused beyond the shelf), hand a radio to a person, take it back damaged (on hand drops), remove a passenger', async ({ page, office }) => {
  const core = office.core;
  createOffice(core.db, 'KZ-23');
  core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  const person = (lastName: string, firstName: string, extra: Record<string, unknown> = {}) =>
    core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName, phone: '+77011112233', birthDate: '1990-04-12', status: 'active', region: 'KZ-23', ...extra }).id;
  const gulnaz = person('Әбенова', 'Гүлназ');
  const sergey = person('Петров', 'Сергей');
  const driver = person('Жүргізуші', 'Ерлан', { drivingCategories: ['B', 'D'] });
  const flood = core.callAs(CLI_ACTOR, 'events.add', { title: 'Паводок в Атырау', category: 'flood', start: '2030-04-10', end: '2030-04-12', region: 'KZ-23' }).id;
  const shift = core.callAs(CLI_ACTOR, 'events.shifts.add', { eventId: flood, title: 'Мешки с песком', start: '2030-04-10T09:00', end: '2030-04-10T17:00', needed: 5 }).id;
  core.callAs(CLI_ACTOR, 'events.assign', { shiftId: shift, volunteerIds: [gulnaz, sergey] });
  const radios = core.callAs(CLI_ACTOR, 'inventory.add', { name: { ru: 'Рация', kk: 'Рация' }, kind: 'reusable', unit: 'pcs', quantity: 5 }).id;
  core.callAs(CLI_ACTOR, 'logistics.allocate', { eventId: flood, itemId: radios, quantity: 2 });
  const bus = core.callAs(CLI_ACTOR, 'vehicles.add', { plate: '123 ABC 06', seats: 20, category: 'D' }).id;
  const trip = core.callAs(CLI_ACTOR, 'trips.add', { eventId: flood, vehicleId: bus, driverId: driver, departAt: '2030-04-10T07:00', returnAt: '2030-04-10T19:00', departPlace: 'Атырау', destination: 'Махамбет' }).id;
  core.callAs(CLI_ACTOR, 'trips.passengers.add', { tripId: trip, volunteerIds: [gulnaz, sergey] });
  const base = office.host.url.split('#')[0];

  await page.goto(office.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.goto(`${base}#/logistics`);
  const row = page.getByTestId('inventory-row').filter({ hasText: 'Рация' });
  const stockOnHand = row.locator('td').nth(2);
  await expect(stockOnHand).toHaveText('5');
  // The day typed as Kazakhstan writes it: on a day of the flood its two radios are set aside, not free.
  const day = page.getByTestId('inventory-on');
  await day.fill('11.04.2030');
  await expect(row.locator('td').nth(4)).toHaveText('2');
  await expect(row.locator('td').nth(5)).toHaveText('3');
  // A day that does not exist changes nothing, and leaving the field shows the day the list is for.
  await day.fill('31.02.2030');
  await day.blur();
  await expect(day).toHaveValue('11.04.2030');
  await day.fill(dateText(todayInKazakhstan()));
  await expect(row.locator('td').nth(4)).toHaveText('0');

  await row.getByTestId('stock-receive').click();
  const receive = page.getByTestId('stock-receive-dialog');
  await receive.getByLabel(text(ru, 'logisticsField.quantity')).fill('3');
  await receive.getByLabel(text(ru, 'logisticsField.reason')).fill('Закупка');
  await receive.getByTestId('stock-receive-dialog-submit').click();
  await expect(receive).toBeHidden();
  await expect(stockOnHand).toHaveText('8');

  await row.getByTestId('stock-writeOff').click();
  const writeOff = page.getByTestId('stock-writeOff-dialog');
  await writeOff.getByLabel(text(ru, 'logisticsField.quantity')).fill('20');
  await writeOff.getByTestId('stock-writeOff-dialog-submit').click();
  // No reason: asked for under the field, nothing written.
  await expect(writeOff.locator('.field-error')).toHaveText(text(ru, 'error.required'));
  await writeOff.getByLabel(text(ru, 'logistics.stock.reasonRequired')).fill('Разбита на учениях');
  await writeOff.getByTestId('stock-writeOff-dialog-submit').click();
  // Beyond the shelf: the core's message, in the reader's language.
  await expect(writeOff.getByRole('alert')).toHaveText(text(ru, 'error.logistics.notEnoughStock').replace('{{onHand}}', '8').replace('{{item}}', 'Рация'));
  await page.screenshot({ path: path.join(shots, 'logistics-writeoff-refused-ru.png') });
  await writeOff.getByLabel(text(ru, 'logisticsField.quantity')).fill('1');
  await writeOff.getByTestId('stock-writeOff-dialog-submit').click();
  await expect(writeOff).toBeHidden();
  await expect(stockOnHand).toHaveText('7');

  await page.goto(`${base}#/events/${flood}`);
  const section = page.getByTestId('event-logistics');
  const issue = section.getByTestId('issue-form');
  await issue.getByTestId('issue-person').selectOption({ label: 'Әбенова Гүлназ' });
  await issue.getByTestId('issue-item').selectOption({ label: 'Рация' });
  await issue.getByTestId('issue-quantity').fill('3');
  await issue.getByTestId('issue-submit').click();
  // Beyond what the event was allocated: refused, with the core's reason.
  await expect(section.getByRole('alert')).toHaveText(text(ru, 'error.logistics.beyondAllocated').replace('{{allocated}}', '2').replace('{{item}}', 'Рация').replace('{{out}}', '0'));
  await issue.getByTestId('issue-person').selectOption({ label: 'Әбенова Гүлназ' });
  await issue.getByTestId('issue-quantity').fill('1');
  await issue.getByTestId('issue-submit').click();
  const held = section.getByTestId('held-row');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText('Әбенова Гүлназ');
  await expect(held).toContainText('Рация');

  await held.getByTestId('held-return').click();
  const back = page.getByTestId('return-dialog');
  await expect(back.getByLabel(text(ru, 'logisticsField.quantity'))).toHaveValue('1');
  await back.getByLabel(text(ru, 'logisticsField.condition')).selectOption('damaged');
  await back.getByLabel(text(ru, 'logisticsField.note')).fill('Треснул корпус');
  for (const lang of ['kk', 'en', 'ru'] as const) {
    await page.keyboard.press('Escape');
    await speak(page, lang);
    await held.getByTestId('held-return').click();
    await page.screenshot({ path: path.join(shots, `logistics-return-${lang}.png`) });
  }
  await back.getByLabel(text(ru, 'logisticsField.condition')).selectOption('damaged');
  await back.getByTestId('return-dialog-submit').click();
  await expect(back).toBeHidden();
  await expect(held).toHaveCount(0);
  await expect(section.getByTestId('logistics-line').locator('td').nth(5)).toHaveText('1');

  const passengers = section.getByTestId('trip-passenger');
  await expect(passengers).toHaveCount(2);
  await passengers.filter({ hasText: 'Петров' }).getByTestId('trip-passenger-remove').click();
  await expect(passengers).toHaveCount(1);
  await expect(section.getByTestId('trip')).not.toContainText('Петров');
  await expect(section.getByTestId('trip')).toContainText(text(ru, 'logistics.trips.seats').replace('{{taken}}', '1').replace('{{seats}}', '20'));
  for (const lang of ['kk', 'en', 'ru'] as const) {
    await speak(page, lang);
    await section.getByTestId('handouts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `logistics-handouts-${lang}.png`) });
  }

  // The damaged radio left the stock: 7 on hand before, 6 now.
  await page.goto(`${base}#/logistics`);
  await expect(stockOnHand).toHaveText('6');
  for (const lang of ['kk', 'en', 'ru'] as const) {
    await speak(page, lang);
    await row.getByTestId('stock-transfer').click();
    await page.screenshot({ path: path.join(shots, `logistics-transfer-${lang}.png`) });
    await page.keyboard.press('Escape');
  }
});

test('send vests to another office; it receives them, after exchange, into its own vests; another office\'s items show no stock actions, its event no plans to change', async ({ page }) =>
  withAlmatyAndAstana(async (almaty, astana) => {
    const almatyVests = almaty.core.callAs(CLI_ACTOR, 'inventory.add', { name: { ru: 'Жилет', kk: 'Кеудеше' }, kind: 'reusable', unit: 'pcs', quantity: 20 }).id;
    // Almaty's own event, with a vest handed out: Astana sees it after exchange, read-only.
    const marathon = almaty.core.callAs(CLI_ACTOR, 'events.add', { title: 'Алматы марафоны', category: 'publicEvent', start: '2030-04-20', end: '2030-04-20', region: 'KZ-75' }).id;
    const post = almaty.core.callAs(CLI_ACTOR, 'events.shifts.add', { eventId: marathon, title: 'Пост', start: '2030-04-20T08:00', end: '2030-04-20T14:00', needed: 2 }).id;
    const runner = almaty.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Қасымов', firstName: 'Арман', birthDate: '1995-02-02', region: 'KZ-75' }).id;
    almaty.core.callAs(CLI_ACTOR, 'events.assign', { shiftId: post, volunteerIds: [runner] });
    almaty.core.callAs(CLI_ACTOR, 'logistics.allocate', { eventId: marathon, itemId: almatyVests, quantity: 2 });
    almaty.core.callAs(CLI_ACTOR, 'logistics.issue', { eventId: marathon, itemId: almatyVests, volunteerId: runner, quantity: 1 });
    astana.core.callAs(CLI_ACTOR, 'inventory.add', { name: { ru: 'Жилет светоотражающий', kk: 'Жарық шағылыстыратын кеудеше' }, kind: 'reusable', unit: 'pcs', quantity: 2 });
    astana.core.callAs(CLI_ACTOR, 'inventory.add', { name: { ru: 'Вода', kk: 'Су' }, kind: 'consumable', unit: 'l', quantity: 50 });

    await page.goto(almaty.host.url);
    await signIn(page, 'coord', 'coordinator pass');
    await page.goto(`${almaty.host.url.split('#')[0]}#/logistics`);
    const vests = page.getByTestId('inventory-row').filter({ hasText: 'Жилет' });
    await vests.getByTestId('stock-transfer').click();
    const send = page.getByTestId('stock-transfer-dialog');
    // Not to itself: Almaty is not among the offices offered.
    await expect(send.locator('#stock-to-office option[value="KZ-75"]')).toHaveCount(0);
    await send.getByLabel(text(ru, 'logisticsField.quantity')).fill('8');
    await send.getByLabel(text(ru, 'logisticsField.toOffice')).selectOption('KZ-71');
    await send.getByTestId('stock-transfer-dialog-submit').click();
    await expect(send).toBeHidden();
    await expect(vests.locator('td').nth(2)).toHaveText('12');

    carry(almaty.core, astana.core, 'KZ-71');
    await page.goto(astana.host.url);
    await signIn(page, 'coord', 'coordinator pass');
    await page.goto(`${astana.host.url.split('#')[0]}#/logistics`);
    const incoming = page.getByTestId('incoming-transfer');
    await expect(incoming).toHaveCount(1);
    await expect(incoming).toContainText('Жилет: 8');
    // Only items of the same kind are offered to receive into (not the water).
    await expect(incoming.getByTestId('transfer-into').locator('option')).toHaveText([text(ru, 'logistics.transfers.newItem'), 'Жилет светоотражающий']);
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await speak(page, lang);
      await page.screenshot({ path: path.join(shots, `logistics-incoming-${lang}.png`) });
    }
    await incoming.getByTestId('transfer-into').selectOption({ label: 'Жилет светоотражающий' });
    await incoming.getByTestId('transfer-receive').click();
    await expect(incoming).toHaveCount(0);
    await expect(page.getByTestId('inventory-row').filter({ hasText: 'Жилет светоотражающий' }).locator('td').nth(2)).toHaveText('10');

    // Every office's stock: Almaty's vests are shown, without the actions only Almaty may take.
    await page.getByTestId('inventory-office').selectOption('all');
    const theirs = page.getByTestId('inventory-row').filter({ hasText: 'Город Алматы' });
    await expect(theirs).toHaveCount(1);
    await expect(theirs.getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('inventory-row').filter({ hasText: 'Город Астана' }).first().getByTestId('stock-receive')).toBeVisible();
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await speak(page, lang);
      await page.screenshot({ path: path.join(shots, `logistics-all-offices-${lang}.png`) });
    }

    // Almaty's event: who holds what is shown, but the plans and the vests are Almaty's to change.
    await page.goto(`${astana.host.url.split('#')[0]}#/events/${marathon}`);
    const section = page.getByTestId('event-logistics');
    await expect(section.getByTestId('held-row')).toHaveCount(1);
    await expect(section.getByTestId('held-row')).toContainText('Қасымов Арман');
    for (const control of ['held-return', 'issue-form', 'request-form', 'trip-form', 'checklist-template']) await expect(section.getByTestId(control)).toHaveCount(0);
  }));

test('a bus and its driver booked offline at two offices: after exchange each trip names the other; a partner’s bus needs its organisation', async ({ page }) =>
  withAlmatyAndAstana(async (almaty, astana) => {
    const driver = almaty.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Жүргізуші', firstName: 'Ерлан', birthDate: '1985-01-01', region: 'KZ-75', drivingCategories: ['D'] }).id;
    const bus = almaty.core.callAs(CLI_ACTOR, 'vehicles.add', { plate: '123 ABC 02', seats: 20, category: 'D' }).id;
    almaty.core.callAs(CLI_ACTOR, 'organisations.create', { name: 'Жасыл ел', type: 'association' });
    const trip = (core: typeof almaty.core, eventId: string, departAt: string, returnAt: string) =>
      core.callAs(CLI_ACTOR, 'trips.add', { eventId, vehicleId: bus, driverId: driver, departAt, returnAt, departPlace: 'Алматы', destination: 'Қонаев' });
    carry(almaty.core, astana.core, 'KZ-71');
    // Each office books the bus and its driver for its own event, neither knowing of the other.
    const marathon = almaty.core.callAs(CLI_ACTOR, 'events.add', { title: 'Алматы марафоны', category: 'publicEvent', start: '2030-04-20', end: '2030-04-20', region: 'KZ-75' }).id;
    const forum = astana.core.callAs(CLI_ACTOR, 'events.add', { title: 'Форум волонтёров', category: 'forum', start: '2030-04-20', end: '2030-04-20', region: 'KZ-71' }).id;
    trip(almaty.core, marathon, '2030-04-20T07:00', '2030-04-20T19:00');
    trip(astana.core, forum, '2030-04-20T15:00', '2030-04-20T22:00');
    carry(astana.core, almaty.core, 'KZ-75');

    const base = almaty.host.url.split('#')[0];
    await page.goto(almaty.host.url);
    await signIn(page, 'coord', 'coordinator pass');
    await page.goto(`${base}#/events/${marathon}`);
    const clashes = page.getByTestId('event-logistics').getByTestId('trip-clash');
    await expect(clashes).toHaveCount(2);
    await expect(clashes.first()).toContainText('123 ABC 02');
    await expect(clashes.first()).toContainText('Форум волонтёров');
    await expect(clashes.first()).toContainText('20.04.2030 15:00–22:00');
    await expect(clashes.nth(1)).toContainText('Жүргізуші Ерлан');
    for (const lang of ['kk', 'en', 'ru'] as const) {
      await speak(page, lang);
      await expect(clashes.first()).toContainText(text(langs[lang], 'logistics.trips.openClash'));
      await page.getByTestId('trips').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `logistics-trip-clash-${lang}.png`) });
    }
    await clashes.first().getByRole('link').click();
    await expect(page.locator('h1')).toHaveText('Форум волонтёров');

    await page.goto(`${base}#/logistics`);
    await page.getByTestId('vehicle-plate').fill('505 ERK 02');
    await page.getByTestId('vehicle-seats').fill('30');
    await page.getByTestId('vehicle-owner').selectOption('partner');
    await page.getByTestId('vehicle-add-submit').click();
    await expect(page.getByTestId('vehicle-add').getByRole('alert')).toContainText(text(ru, 'error.logistics.partnerOrganisation'));
    await expect(page.getByTestId('vehicle-row')).toHaveCount(1);
    await page.getByTestId('vehicle-organisation').selectOption({ label: 'Жасыл ел' });
    await page.getByTestId('vehicle-add-submit').click();
    await expect(page.getByTestId('vehicle-row')).toHaveCount(2);
    await expect(page.getByTestId('vehicle-row').filter({ hasText: '505 ERK 02' })).toContainText('Жасыл ел');
  }));


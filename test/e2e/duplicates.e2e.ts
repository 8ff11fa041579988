import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { AIGERIM, carry, DANIYAR, ru, signIn, text } from './kit';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

const person = (core: Core, id: string) => core.db.prepare('SELECT last_name, phone, email, locality, deleted FROM volunteers WHERE id = ?').get(id);

test('merging duplicates with a per-field choice, then undoing it from the merge log', async ({ page }) => {
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  offices.push(almaty, centre);
  trustEachOther(almaty.core, centre.core);
  const a = almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08', phone: '+7 702 111 22 33', locality: 'Алматы' });
  const b = centre.core.callAs(DANIYAR, 'volunteers.create', { lastName: 'Ospanov', firstName: 'Erlan', birthDate: '1990-03-08', phone: '+7 705 999 88 77', email: 'erlan@mail.kz' });
  carry(almaty.core, centre.core, 'KZ');
  const before = { a: person(centre.core, a.id), b: person(centre.core, b.id) };
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });

  await page.goto(centre.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/exchange"]').click();
  await page.getByTestId('exchange-tab-duplicates').click();
  const pair = page.getByTestId('duplicate');
  await expect(pair).toHaveCount(1);
  const leftIsAlmaty = [a.id, b.id].sort()[0] === a.id;

  // Every field side by side: keep the Cyrillic surname and the centre's phone; the e-mail and
  // locality each only one record has are kept without asking.
  await pair.getByTestId('duplicate-choose').click();
  const choice = pair.getByTestId('field-choice');
  await expect(choice.locator('tr.differs')).toHaveCount(6); // surname, first name, phone, e-mail, locality, region
  await choice.getByTestId(`choose-last_name-${leftIsAlmaty ? 'left' : 'right'}`).check();
  await choice.getByTestId(`choose-first_name-${leftIsAlmaty ? 'left' : 'right'}`).check();
  await choice.getByTestId(`choose-phone-${leftIsAlmaty ? 'right' : 'left'}`).check();
  await choice.getByTestId('merge-chosen').click();
  await expect(page.getByText(text(ru, 'exchange.duplicates.empty'))).toBeVisible();

  const [survivor] = centre.core.callAs(CLI_ACTOR, 'volunteers.search', { text: 'Оспанов' }).rows;
  expect(centre.core.callAs(CLI_ACTOR, 'volunteers.get', { id: survivor!.id })).toMatchObject({
    lastName: 'Оспанов', firstName: 'Ерлан', phone: '+77059998877', email: 'erlan@mail.kz', locality: 'Алматы',
  });

  // The merge log names both and who merged; the undo restores both people as they were.
  const entry = page.getByTestId('merge-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Оспанов Ерлан');
  await expect(entry).toContainText('coord');
  await entry.getByRole('button', { name: text(ru, 'exchange.merges.undo') }).click();
  await entry.getByRole('button', { name: text(ru, 'common.yes') }).click();
  await expect(entry).toContainText(text(ru, 'exchange.merges.undone').split(' ')[0]!);
  await expect(pair).toHaveCount(1); // the pair is back for a better decision
  expect(person(centre.core, a.id)).toEqual(before.a);
  expect(person(centre.core, b.id)).toEqual(before.b);

  // The undo travels: Almaty holds both people as they were too.
  carry(centre.core, almaty.core, 'KZ-75');
  expect(person(almaty.core, a.id)).toEqual(before.a);
  expect(person(almaty.core, b.id)).toEqual(before.b);
});

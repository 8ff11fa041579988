import { CLI_ACTOR } from '../../electron/core/app';
import { AIGERIM, carry, DANIYAR, signIn, speak, text, langs } from './kit';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

test('a regional office sees who keeps a record and is offered only the edits it may make', async ({ page }) => {
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  offices.push(almaty, centre);
  trustEachOther(almaty.core, centre.core);
  centre.core.callAs(DANIYAR, 'volunteers.create', { lastName: 'Орталықов', firstName: 'Асқар' });
  centre.core.callAs(DANIYAR, 'organisations.create', { name: 'Ұлттық еріктілер', type: 'association' });
  almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Алматыева', firstName: 'Дана' });
  carry(centre.core, almaty.core, 'KZ-75');
  almaty.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });

  await page.goto(almaty.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await speak(page, 'en');
  await page.getByText('Орталықов Асқар').click();
  await expect(page.getByTestId('kept-by')).toHaveText(`${text(langs.en, 'volunteer.keptBy').replace('{{office}}', 'State front office')} · ${text(langs.en, 'volunteer.keptElsewhere')}`);
  await expect(page.getByRole('link', { name: text(langs.en, 'common.edit') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: text(langs.en, 'volunteer.deactivate') })).toHaveCount(0);

  await page.locator('nav a[href="#/volunteers"]').click();
  await page.getByText('Алматыева Дана').click();
  await expect(page.getByTestId('kept-by')).toHaveText(text(langs.en, 'volunteer.keptBy').replace('{{office}}', 'Almaty'));
  await expect(page.getByRole('link', { name: text(langs.en, 'common.edit') })).toBeVisible();

  await page.locator('nav a[href="#/organisations"]').click();
  await page.getByText('Ұлттық еріктілер').click();
  await expect(page.getByTestId('kept-by')).toContainText(text(langs.en, 'organisation.keptElsewhere'));
  await expect(page.getByRole('link', { name: text(langs.en, 'common.edit') })).toHaveCount(0);
});

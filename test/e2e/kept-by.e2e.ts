import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { AIGERIM, carry, DANIYAR, signIn, speak, text, langs, shots } from './kit';
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
  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
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

test('a region sees a session the centre runs, and the centre’s national program, read-only; its own session it runs', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  offices.push(almaty, centre);
  trustEachOther(almaty.core, centre.core);
  const next = Number(new Date().getFullYear()) + 1;
  const kind = centre.core.callAs(DANIYAR, 'trainings.kinds.add', { names: { kk: 'Алғашқы көмек', ru: 'Первая помощь', en: 'First aid' }, validityMonths: 24 }).id;
  const program = centre.core.callAs(DANIYAR, 'trainings.programs.add', {
    title: { kk: 'Алғашқы көмек: негізгі курс', ru: 'Первая помощь: базовый курс', en: 'First aid: basic course' }, hours: 8, passMark: 70, grants: kind, description: 'Ұлттық бағдарлама',
  }).id;
  const centreRun = centre.core.callAs(DANIYAR, 'trainings.sessions.add', { programId: program, start: `${next}-06-01`, end: `${next}-06-02`, place: 'Астана, Мәңгілік Ел 8', trainers: 'Әлия Сейітова', capacity: 10 }).id;
  centre.core.callAs(DANIYAR, 'trainings.sessions.setStatus', { id: centreRun, status: 'open' });
  const person = centre.core.callAs(DANIYAR, 'volunteers.create', { lastName: 'Орталықов', firstName: 'Асқар', birthDate: '1990-03-04' }).id;
  centre.core.callAs(DANIYAR, 'trainings.enrol', { sessionId: centreRun, volunteerIds: [person] });
  carry(centre.core, almaty.core, 'KZ-75');
  const ownRun = almaty.core.callAs(AIGERIM, 'trainings.sessions.add', { programId: program, start: `${next}-07-01`, end: `${next}-07-01`, place: 'Алматы, Абай 10', capacity: 10 }).id;
  almaty.core.callAs(AIGERIM, 'trainings.sessions.setStatus', { id: ownRun, status: 'open' });
  almaty.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  const kk = langs.kk;
  const open = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

  await page.goto(almaty.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await speak(page, 'kk');
  await open(`#/trainings/sessions/${centreRun}`);
  await expect(page.getByTestId('enrolled-row')).toHaveCount(1);
  await expect(page.getByTestId('kept-by')).toHaveText(`${text(kk, 'trainings.keptBy').replace('{{office}}', 'Мемлекеттік фронт-офис')} · ${text(kk, 'trainings.sessionKeptElsewhere')}`);
  // Everything is shown; nothing the core would refuse is offered. The sheet can still be printed.
  await expect(page.getByTestId('enrol-open')).toHaveCount(0);
  await expect(page.getByRole('group', { name: text(kk, 'trainings.session.statusActions') })).toHaveCount(0);
  await expect(page.getByRole('link', { name: text(kk, 'common.edit') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: text(kk, 'trainings.session.withdraw'), exact: true })).toHaveCount(0);
  await expect(page.getByTestId('print-sheet')).toBeEnabled();
  await page.screenshot({ path: path.join(shots, 'session-kept-by-centre-kk.png') });

  // Its own session of the same national program: it runs it.
  await open(`#/trainings/sessions/${ownRun}`);
  await expect(page.getByTestId('kept-by')).toHaveText(text(kk, 'trainings.keptBy').replace('{{office}}', 'Алматы қаласы'));
  await expect(page.getByTestId('enrol-open')).toBeVisible();
  await expect(page.getByTestId('status-held')).toBeVisible();

  // The national program opens read-only: fields disabled, no save.
  await open('#/trainings/programs');
  await page.getByRole('link', { name: text(kk, 'common.open') }).click();
  await expect(page.getByTestId('kept-by')).toContainText(text(kk, 'trainings.programKeptElsewhere'));
  await expect(page.locator('#program-description')).toBeDisabled();
  await expect(page.locator('#program-description')).toHaveValue('Ұлттық бағдарлама');
  await expect(page.getByRole('button', { name: text(kk, 'common.save') })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'program-kept-by-centre-kk.png') });
  // The national kind offers no edit.
  await open('#/trainings/kinds');
  await expect(page.getByTestId('kinds-table')).toContainText('Алғашқы көмек');
  await expect(page.getByTestId('kinds-table').getByRole('link', { name: text(kk, 'common.edit') })).toHaveCount(0);
});

import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { addMonths, todayInKazakhstan } from '../../shared/domain/trainings';
import { expect, test } from './fixtures';
import { langs, ru, shots, signIn, speak, text } from './kit';

// 1366 × 768 is the most common office screen: the session screen must read well there.
test.use({ viewport: { width: 1366, height: 768 } });

const dmy = (iso: string) => iso.split('-').reverse().join('.');

test('a program, a session of 2 places, 3 enrolled (one waits), a withdrawal moves the waiting one up, a pass shows on the profile, the roster and Expiring', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  const people = [
    { lastName: 'Әбенова', firstName: 'Гүлназ', birthDate: '1998-05-14' },
    { lastName: 'Қасымов', firstName: 'Нұрлан', birthDate: '2001-11-02' },
    { lastName: 'Петрова', firstName: 'Ольга', birthDate: '1995-02-27' },
    // Twelve years old: below the program's minimum age of 16.
    { lastName: 'Серікбаев', firstName: 'Алмас', birthDate: `${Number(todayInKazakhstan().slice(0, 4)) - 12}-01-15` },
  ].map((p) => ({ ...p, id: office.core.callAs(CLI_ACTOR, 'volunteers.create', p).id }));
  const today = todayInKazakhstan();

  await page.goto(office.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/trainings"]').click();

  // A qualification kind that lasts one month, so it shows among those expiring within 60 days.
  await page.getByTestId('trainings-tab-qualificationKinds').click();
  await page.getByRole('link', { name: text(ru, 'trainings.kinds.add') }).click();
  await page.locator('#kind-name-kk').fill('Алғашқы медициналық көмек');
  await page.locator('#kind-name-ru').fill('Первая помощь');
  await page.locator('#kind-name-en').fill('First aid');
  await page.locator('#kind-validity').fill('1');
  await page.locator('#kind-grace').fill('3');
  await page.getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(page.getByTestId('kinds-table')).toContainText('Первая помощь');

  // A program that grants it, with a pass mark.
  await page.getByTestId('trainings-tab-trainingPrograms').click();
  await page.getByRole('link', { name: text(ru, 'trainings.programs.add') }).click();
  await page.locator('#program-title-kk').fill('Алғашқы көмек негіздері');
  await page.locator('#program-title-ru').fill('Основы первой помощи');
  await page.locator('#program-hours').fill('8');
  await page.locator('#program-passMark').fill('70');
  await page.locator('#program-minAge').fill('16');
  await page.locator('#program-grants').selectOption({ label: 'Первая помощь' });
  await page.screenshot({ path: path.join(shots, 'trainings-program-form-ru.png') });
  await page.getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(page.getByTestId('programs-table')).toContainText('Основы первой помощи');

  // A one-day session today, two places.
  await page.getByTestId('trainings-tab-trainings').click();
  await page.getByRole('link', { name: text(ru, 'trainings.sessions.add') }).click();
  await page.locator('#session-program').selectOption({ label: 'Основы первой помощи' });
  await page.locator('#session-start').fill(dmy(today));
  await page.locator('#session-end').fill(dmy(today));
  await page.locator('#session-capacity').fill('2');
  await page.locator('#session-place').fill('Алматы, Абай даңғылы 10, 3-қабат');
  await page.locator('#session-trainers').fill('Әлия Сейітова, Иван Петров');
  await page.getByRole('button', { name: text(ru, 'common.save') }).click();
  const screen = page.getByTestId('session-screen');
  await expect(screen).toContainText('Основы первой помощи');
  await page.getByTestId('status-open').click();
  await expect(screen.locator('.badge').first()).toHaveText(text(ru, 'trainings.status.open'));

  // Enrol four at once: two get places, the third waits, the child is refused with the reason.
  await page.getByTestId('enrol-open').click();
  const dialog = page.getByTestId('enrol-dialog');
  for (const p of people) {
    await dialog.getByRole('searchbox').fill(p.lastName);
    await dialog.getByRole('checkbox', { name: new RegExp(p.lastName) }).check();
  }
  await expect(page.getByTestId('enrol-chosen')).toContainText('(4)');
  await page.getByTestId('enrol-submit').click();
  const outcomes = page.getByTestId('enrol-outcome');
  await expect(outcomes).toHaveCount(4);
  const refused = outcomes.filter({ hasText: 'Серікбаев' });
  await expect(refused).toContainText(text(ru, 'trainings.enrol.outcome.refused'));
  await expect(refused).toContainText(text(ru, 'error.trainings.underAge').replace('{{minAge}}', '16'));
  await page.screenshot({ path: path.join(shots, 'trainings-enrol-ru.png') });
  await expect(outcomes.filter({ hasText: new RegExp(`— ${text(ru, 'trainings.enrol.outcome.enrolled')}$`) })).toHaveCount(2);
  await expect(outcomes.filter({ hasText: 'Петрова' })).toContainText(text(ru, 'trainings.enrol.outcome.waitlisted').replace('{{position}}', '1'));
  await dialog.getByRole('button', { name: text(ru, 'common.close') }).click();
  await expect(page.getByTestId('enrolled-row')).toHaveCount(2);
  await expect(page.getByTestId('waiting-row')).toHaveCount(1);
  await expect(page.getByTestId('waiting-row')).toContainText('Петрова');

  // The session screen as an office sees it, in each language (once the toasts have gone).
  await expect(page.locator('.toast')).toHaveCount(0);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('waiting')).toContainText(text(langs[lang], 'trainings.session.waiting'));
    await page.screenshot({ path: path.join(shots, `trainings-session-${lang}.png`), fullPage: true });
  }
  await speak(page, 'ru');

  // Withdrawing one who has a place moves the waiting one up.
  const first = page.getByTestId('enrolled-row').filter({ hasText: 'Әбенова' });
  await first.getByRole('button', { name: text(ru, 'trainings.session.withdraw') }).click();
  await first.getByRole('button', { name: text(ru, 'common.yes'), exact: true }).click();
  await expect(page.getByTestId('waiting-row')).toHaveCount(0);
  await expect(page.getByTestId('enrolled-row')).toHaveCount(2);
  await expect(page.getByTestId('enrolled-row').filter({ hasText: 'Петрова' })).toHaveCount(1);

  // On the day: everyone present, Petrova passes with 85, Kasymov fails with 40.
  await page.getByRole('button', { name: text(ru, 'trainings.session.allPresent') }).click();
  await expect(page.getByTestId('attendance').first()).toHaveValue('present');
  const olga = page.getByTestId('enrolled-row').filter({ hasText: 'Петрова' });
  await olga.getByTestId('score').fill('85');
  await olga.getByTestId('result-passed').click();
  await expect(olga).toContainText(`${text(ru, 'trainings.result.passed')} · 85`);
  const nurlan = page.getByTestId('enrolled-row').filter({ hasText: 'Қасымов' });
  await nurlan.getByTestId('score').fill('40');
  await nurlan.getByTestId('result-failed').click();
  await expect(nurlan).toContainText(`${text(ru, 'trainings.result.failed')} · 40`);
  await page.screenshot({ path: path.join(shots, 'trainings-session-results-ru.png'), fullPage: true });

  // Held, then closed: results are locked; a coordinator reopens with a reason, which is recorded.
  await page.getByTestId('status-held').click();
  await expect(screen.locator('.badge').first()).toHaveText(text(ru, 'trainings.status.held'));
  await page.getByTestId('status-closed').click();
  await expect(screen.locator('.badge').first()).toHaveText(text(ru, 'trainings.status.closed'));
  await expect(page.getByTestId('result-passed')).toHaveCount(0);
  await expect(page.getByTestId('enrol-open')).toHaveCount(0);
  await page.getByTestId('status-reopen').click();
  await page.getByRole('textbox', { name: text(ru, 'trainings.session.reopenReason') }).fill('Опечатка в балле');
  await page.getByRole('button', { name: text(ru, 'trainings.status.action.reopen') }).click();
  await expect(screen.locator('.badge').first()).toHaveText(text(ru, 'trainings.status.held'));
  await expect(screen).toContainText('Опечатка в балле');

  // The qualification on her profile, valid from the session's last day for a month.
  await olga.getByRole('link', { name: /Петрова/ }).click();
  const qualification = page.getByTestId('qualification-row');
  await expect(qualification).toHaveCount(1);
  await expect(qualification).toContainText('Первая помощь');
  await expect(qualification).toContainText(dmy(addMonths(today, 1)));
  await expect(qualification.locator('[data-status]')).toHaveAttribute('data-status', 'valid');
  await page.screenshot({ path: path.join(shots, 'trainings-profile-ru.png'), fullPage: true });

  // Kasymov failed, but holds a first-aid card from elsewhere, two months old: past its month, in grace.
  await page.evaluate((id) => (window.location.hash = `#/volunteers/${id}`), people[1]!.id);
  await page.getByTestId('qualification-add').click();
  await page.locator('#q-kind').selectOption({ label: 'Первая помощь' });
  await page.locator('#q-from').fill(dmy(addMonths(today, -2)));
  await page.locator('#q-note').fill('Удостоверение Красного Полумесяца № 1234');
  await page.getByTestId('qualification-form').getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(page.getByTestId('qualification-row')).toContainText('Красного Полумесяца');
  await expect(page.getByTestId('qualification-row').locator('[data-status]')).toHaveAttribute('data-status', 'grace');

  // The roster filtered by "valid first aid today": only her (grace does not count).
  await page.locator('nav a[href="#/volunteers"]').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(4);
  await page.locator('#filter-qualification').selectOption({ label: 'Первая помощь' });
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await expect(page.getByTestId('roster-row')).toContainText('Петрова');

  // Expiring within 60 days: her first aid, with the day it ends.
  await page.locator('nav a[href="#/trainings"]').click();
  await page.getByTestId('trainings-tab-expiring').click();
  await page.getByRole('button', { name: text(ru, 'trainings.expiring.days_many').replace('{{count}}', '60') }).click();
  const expiring = page.getByTestId('expiring-row');
  await expect(expiring).toHaveCount(2);
  await expect(expiring.filter({ hasText: 'Петрова' })).toContainText(dmy(addMonths(today, 1)));
  await expect(expiring.filter({ hasText: 'Қасымов' }).locator('[data-status]')).toHaveAttribute('data-status', 'grace');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('expiring-export').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.screenshot({ path: path.join(shots, 'trainings-expiring-ru.png') });

  // The month's calendar shows the session on its day.
  await page.getByTestId('trainings-tab-trainings').click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, 'trainings-sessions-ru.png') });
  await page.getByRole('button', { name: text(ru, 'trainings.sessions.calendarView') }).click();
  await expect(page.getByTestId('sessions-calendar').locator('.calendar-item')).toHaveText(['Основы первой помощи']);
  await page.screenshot({ path: path.join(shots, 'trainings-calendar-ru.png') });
});

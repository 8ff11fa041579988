import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { todayInKazakhstan } from '../../shared/domain/trainings';
import { expect, test } from './fixtures';
import { langs, ru, shots, signIn, speak, text } from './kit';

// 1366 × 768 is the most common office screen: the board must read well there.
test.use({ viewport: { width: 1366, height: 768 } });

const dmy = (iso: string) => iso.split('-').reverse().join('.');
const said = (key: string, params: Record<string, string | number> = {}) =>
  Object.entries(params).reduce((s, [k, v]) => s.replace(`{{${k}}}`, String(v)), text(ru, key));

test('plan a flood response with two shifts, staff one from suggestions (a minor refused with the reason), confirm one, remove one with a reason, cancel and see whom to tell', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-19');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  const today = todayInKazakhstan();
  const adult = (lastName: string, firstName: string, phone: string) => ({ lastName, firstName, phone, birthDate: '1995-04-12', status: 'active', region: 'KZ-19', languages: ['kk', 'ru'] });
  for (const p of [
    adult('Әбенова', 'Гүлназ', '+77011112233'),
    adult('Қасымов', 'Нұрлан', '+77022223344'),
    adult('Петрова', 'Ольга', '+77053334455'),
    // Sixteen, with the guardian's consent: still kept out of an emergency.
    { lastName: 'Серікбаев', firstName: 'Алмас', birthDate: `${Number(today.slice(0, 4)) - 16}-01-15`, status: 'active', region: 'KZ-19', guardianConsentDate: today },
  ]) office.core.callAs(CLI_ACTOR, 'volunteers.create', p);

  await page.goto(office.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/events"]').click();
  await page.getByRole('link', { name: text(ru, 'events.add') }).click();

  // Saving without a title or category: the problems under the fields, in the user's language.
  await page.getByRole('button', { name: text(ru, 'common.save') }).click();
  await expect(page.locator('#event-title-error')).toHaveText(text(ru, 'error.required'));
  await expect(page.locator('#event-category-error')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'events-form-errors-ru.png') });

  await page.locator('#event-title').fill('Паводок в Талгаре');
  await page.locator('#event-category').selectOption({ label: text(ru, 'vocab.eventCategory.flood') });
  await page.locator('#event-start').fill(dmy(today));
  await page.locator('#event-end').fill(dmy(today));
  // The office's own region is already chosen.
  await expect(page.locator('#event-region')).toHaveValue('KZ-19');
  await page.locator('#event-locality').fill('Талгар');
  await page.locator('#event-place').fill('ул. Бокина 1, школа № 3');
  await page.locator('#event-partners').fill('ДЧС Алматинской области, Красный Полумесяц');
  await page.locator('#event-contact').fill('Ерлан Жұмабаев, +7 701 555 66 77');
  await page.getByRole('button', { name: text(ru, 'common.save') }).click();
  const screen = page.getByTestId('event-screen');
  await expect(screen.locator('h1')).toHaveText('Паводок в Талгаре');
  await expect(screen.locator('.badge').first()).toHaveText(text(ru, 'vocab.eventStatus.planned'));

  // Two shifts: sandbags in the day (2 people), the headquarters in the evening (1, Kazakh speaking).
  const addShift = async (title: string, start: string, end: string, needed: string, language?: string) => {
    await page.getByTestId('shift-add').click();
    const form = page.getByTestId('shift-form');
    await form.locator('#shift-title').fill(title);
    if (!language) {
      // A time typed another way is named under its field, in the user's language.
      await form.locator('#shift-start').fill('завтра в 9');
      await form.getByRole('button', { name: text(ru, 'common.save') }).click();
      await expect(form.locator('#shift-start-error')).toHaveText(text(ru, 'error.dateTime'));
    }
    await form.locator('#shift-start').fill(`${dmy(today)} ${start}`);
    await form.locator('#shift-end').fill(`${dmy(today)} ${end}`);
    await form.locator('#shift-needed').fill(needed);
    await form.locator('#shift-meetingPoint').fill('Школа № 3, главный вход');
    if (language) await form.getByRole('checkbox', { name: language }).check();
    if (language) await page.screenshot({ path: path.join(shots, 'events-shift-form-ru.png') });
    await form.getByRole('button', { name: text(ru, 'common.save') }).click();
    await expect(page.getByTestId('shift-form')).toHaveCount(0);
  };
  await addShift('Мешки с песком', '09:00', '17:00', '2');
  await addShift('Штаб', '18:00', '22:00', '1', text(ru, 'vocab.language.kk'));
  const shifts = page.getByTestId('shift-card');
  await expect(shifts).toHaveCount(2);
  const sandbags = shifts.filter({ hasText: 'Мешки с песком' });
  const headquarters = shifts.filter({ hasText: 'Штаб' });
  await expect(sandbags.getByTestId('shift-filled')).toHaveClass(/gap/);
  await expect(sandbags.getByTestId('shift-filled')).toContainText(said('events.shifts.gap', { count: 2 }));

  // Suggestions for the sandbags, best first, with their reasons; the minor is not among them.
  await sandbags.getByTestId('staff-open').click();
  const suggestions = sandbags.getByTestId('suggestion');
  await expect(suggestions).toHaveCount(3);
  await expect(suggestions.first()).toContainText(text(ru, 'events.staff.reason.inRegion'));
  await expect(suggestions.first()).toContainText(said('events.staff.hoursThisMonth', { hours: 0 }));
  await expect(sandbags.getByTestId('staff-panel')).not.toContainText('Серікбаев');
  await suggestions.filter({ hasText: 'Әбенова' }).getByRole('checkbox').check();
  await suggestions.filter({ hasText: 'Қасымов' }).getByRole('checkbox').check();
  // Found by name and ticked as well: the core refuses him, with the reason.
  await sandbags.getByTestId('staff-find').fill('Серікбаев');
  await sandbags.getByTestId('found').filter({ hasText: 'Серікбаев' }).getByRole('checkbox').check();
  await sandbags.getByTestId('staff-assign').click();
  const outcomes = sandbags.getByTestId('assign-outcome');
  await expect(outcomes).toHaveCount(3);
  await expect(outcomes.filter({ hasText: 'Серікбаев' })).toContainText(`${text(ru, 'events.staff.refused')}: ${text(ru, 'error.events.minorEmergency')}`);
  await expect(outcomes.and(page.locator('[data-outcome=assigned]'))).toHaveCount(2);
  const people = sandbags.getByTestId('assignment-row');
  await expect(people).toHaveCount(2);
  await expect(sandbags.getByTestId('shift-filled')).not.toHaveClass(/gap/);
  await expect(sandbags.getByTestId('shift-filled')).toContainText(said('events.shifts.filled', { filled: 2, needed: 2 }));
  // The evening shift still has its gap, in red.
  await expect(headquarters.getByTestId('shift-filled')).toHaveClass(/gap/);

  // Әбенова answers yes.
  const gulnaz = people.filter({ hasText: 'Әбенова' });
  await gulnaz.getByRole('button', { name: text(ru, 'events.staff.confirm') }).click();
  await expect(gulnaz).toHaveAttribute('data-status', 'confirmed');
  await expect(gulnaz.locator('.badge')).toHaveText(text(ru, 'vocab.assignmentStatus.confirmed'));
  // Қасымов cannot come: removed with the reason, his place opens, Петрова from the suggestions takes it.
  const nurlan = people.filter({ hasText: 'Қасымов' });
  await nurlan.getByRole('button', { name: text(ru, 'events.staff.remove') }).click();
  await nurlan.getByRole('textbox', { name: text(ru, 'events.staff.removeReason') }).fill('Заболел');
  await nurlan.getByRole('button', { name: text(ru, 'events.staff.remove') }).click();
  await expect(nurlan).toHaveAttribute('data-status', 'removed');
  await expect(nurlan).toContainText(`${text(ru, 'vocab.assignmentStatus.removed')} · Заболел`);
  await expect(sandbags.getByTestId('shift-filled')).toHaveClass(/gap/);
  await suggestions.filter({ hasText: 'Петрова' }).getByRole('checkbox').check();
  await sandbags.getByTestId('found').filter({ hasText: 'Серікбаев' }).getByRole('checkbox').uncheck();
  await sandbags.getByTestId('staff-assign').click();
  await expect(outcomes).toHaveCount(1);
  await expect(people.filter({ hasText: 'Петрова' })).toHaveAttribute('data-status', 'invited');
  await expect(sandbags.getByTestId('shift-filled')).not.toHaveClass(/gap/);

  // The board, the list and the calendar as an office sees them, in each language (once the toasts have gone).
  await expect(page.locator('.toast')).toHaveCount(0);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('shifts')).toContainText(text(langs[lang], 'events.shifts.title'));
    await page.getByTestId('event-screen').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(shots, `events-event-${lang}.png`) });
    // The main area scrolls by itself (the header stays): the board is a second picture.
    await sandbags.evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: path.join(shots, `events-board-${lang}.png`) });
  }
  await page.locator('nav a[href="#/events"]').click();
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('event-row')).toContainText(text(langs[lang], 'vocab.eventCategory.flood'));
    await page.screenshot({ path: path.join(shots, `events-list-${lang}.png`) });
  }
  await page.getByTestId('events-view-calendar').click();
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('events-calendar').locator('.calendar-item')).toHaveText(['Паводок в Талгаре']);
    await page.screenshot({ path: path.join(shots, `events-calendar-${lang}.png`) });
  }
  await speak(page, 'ru');

  // Filters: another category finds nothing, the text finds it again.
  await page.getByTestId('events-view-list').click();
  await page.locator('#events-category').selectOption('fire');
  await expect(page.getByTestId('event-row')).toHaveCount(0);
  await page.locator('#events-category').selectOption('');
  await page.getByRole('searchbox', { name: text(ru, 'events.search') }).fill('талгар');
  await expect(page.getByTestId('event-row')).toHaveCount(1);

  // Cancelling releases both and lists whom to call, with phones; the list saves as .xlsx.
  await page.getByTestId('event-row').click();
  await page.getByRole('button', { name: text(ru, 'events.cancel.button') }).click();
  await page.getByRole('button', { name: text(ru, 'common.yes'), exact: true }).click();
  const notify = page.getByTestId('notify-row');
  await expect(notify).toHaveCount(2);
  await expect(notify.filter({ hasText: 'Әбенова' })).toContainText('+7 (701) 111-22-33');
  await expect(notify.filter({ hasText: 'Петрова' })).toContainText('Мешки с песком');
  await expect(notify.filter({ hasText: 'Қасымов' })).toHaveCount(0);
  await expect(screen.locator('.badge').first()).toHaveText(text(ru, 'vocab.eventStatus.cancelled'));
  await page.screenshot({ path: path.join(shots, 'events-cancelled-ru.png'), fullPage: true });
  const downloading = page.waitForEvent('download');
  await page.getByTestId('notify-export').click();
  expect((await downloading).suggestedFilename()).toBe(`erikti-notify-${today}.xlsx`);
  await expect(page.getByTestId('assignment-row').first()).toHaveAttribute('data-status', 'released');
  // Coming back to the cancelled event later, the list is still there to finish the calls.
  await page.reload();
  await expect(notify).toHaveCount(2);
});

import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeIin } from '../../shared/domain/iin';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { ru, shots, text } from './kit';

const iin = (birth: string, sex: 'M' | 'F') => {
  for (let s = 1; ; s++) {
    const value = makeIin(birth, sex, s);
    if (value) return value;
  }
};

const good = iin('1995-04-12', 'F');

/** Three good rows and two bad ones, a title row, and a column whose header says nothing. */
async function roster(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Список');
  ws.addRow(['Волонтёры на субботник']);
  ws.addRow(['ФИО', 'ИИН', 'Телефон', 'Дополнительно']);
  ws.addRow(['Оспанова Дана Маратовна', Number(good), '8 701 123 45 67', 'dana@mail.kz']);
  ws.addRow(['Ли Виктор', null, '+7 (705) 111-22-33', 'li@mail.kz']);
  ws.addRow(['Серікбаев Асқар', iin('2003-01-15', 'M'), '7071234567', 'askar@mail.kz']);
  ws.addRow(['Бекова Айгерим', `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`, null, null]);
  ws.addRow(['Валиев Ринат', null, '12345', null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('import a roster with 3 good rows, one unusable and one with a bad phone, fix the mapping, import, see them in the roster', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });
  await page.goto(office.host.url);
  await page.locator('#signin-login').fill('clerk');
  await page.locator('#signin-password').fill('clerk password');
  await page.locator('button[type=submit]').click();
  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
  // Import is a button on the Volunteers screen (the header has no room for it).
  await page.getByTestId('roster-import-link').click();

  await page.setInputFiles('#roster-file', { name: 'субботник.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
  const mapping = page.getByTestId('roster-mapping');
  await expect(mapping).toBeVisible();
  await expect(page.locator('#roster-map-0')).toHaveValue('fullName');
  await expect(page.locator('#roster-map-1')).toHaveValue('iin');
  await expect(page.locator('#roster-map-3')).toHaveValue('');
  await page.locator('#roster-map-3').selectOption('email');

  // Consent is asked once for the whole file: paper forms kept at the office, and their date.
  await expect(page.getByTestId('roster-consent')).toContainText(text(ru, 'rosterImport.consent.title'));
  await page.getByTestId('roster-consent-given').check();
  await page.locator('#roster-consent-basis').selectOption('written');
  await expect(page.getByTestId('roster-check')).toBeDisabled();
  await page.locator('#roster-consent-date').fill('10.01.2025');
  await page.getByTestId('roster-consent').screenshot({ path: path.join(shots, 'roster-import-consent-ru.png') });

  await page.getByTestId('roster-check').click();
  await expect(page.getByTestId('roster-count-consentFromFile')).toContainText('4');
  // A wrong IIN makes a person unusable; a phone that is no phone is only left empty.
  await expect(page.getByTestId('roster-count-added')).toContainText('4');
  await expect(page.getByTestId('roster-count-rejected')).toContainText('1');
  await expect(page.getByTestId('roster-count-warned')).toContainText('1');
  const problems = page.getByTestId('roster-problem');
  await expect(problems).toHaveCount(1);
  await expect(problems.nth(0)).toContainText(text(ru, 'error.iin.checksum'));
  await expect(page.getByTestId('roster-warning')).toContainText(text(ru, 'error.phone'));
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.search', {}).total).toBe(0);
  await page.screenshot({ path: 'test-results/roster-import-ru.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('roster-problems-download').click();
  expect((await downloading).suggestedFilename()).toMatch(/^erikti-problems-.*\.xlsx$/);

  await page.getByTestId('roster-import').click();
  await expect(page.getByText(text(ru, 'rosterImport.done').replace('{{added}}', '4').replace('{{updated}}', '0').replace('{{unchanged}}', '0')).first()).toBeVisible();
  // The result names whom it added.
  await expect(page.getByTestId('roster-added')).toContainText('Валиев Ринат');
  await page.locator('nav a[href="#/volunteers"]').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(4);
  await expect(page.getByTestId('roster-row').first()).toContainText('Валиев');
  // Staff find a person by the IIN they give at the desk, whole; part of it finds no one, and no digit shows.
  const search = page.locator('input[type=search]');
  await search.fill(`${good.slice(0, 6)} ${good.slice(6)}`);
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await expect(page.getByTestId('roster-row')).toContainText('Оспанова');
  await expect(page.getByTestId('roster-row')).toContainText('••••••••••••');
  await expect(page.getByTestId('roster-row')).not.toContainText(good.slice(-4));
  await search.fill(good.slice(0, 9));
  await expect(page.getByTestId('roster-row')).toHaveCount(0);
  const rows = office.core.callAs(CLI_ACTOR, 'volunteers.search', { text: 'Оспанова' }).rows;
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.get', { id: rows[0]!.id })).toMatchObject({
    email: 'dana@mail.kz', phone: '+77011234567', consentDate: '2025-01-10', consentBasis: 'written',
  });
  // Everyone imported carries the file's consent: nobody is left for the "No consent" follow-up.
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.search', { consentMissing: true }).total).toBe(0);
});

test('an export says which roster filters apply and how many go, and exports everyone in one click', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });
  for (const [lastName, firstName] of [['Оспанова', 'Дана'], ['Ли', 'Виктор'], ['Серікбаев', 'Асқар']]) {
    office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName });
  }
  await page.goto(office.host.url);
  await page.locator('#signin-login').fill('clerk');
  await page.locator('#signin-password').fill('clerk password');
  await page.locator('button[type=submit]').click();
  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
  await page.locator('input[type=search]').fill('Оспан');
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await page.getByTestId('roster-import-link').click();

  // The search left on the roster is said, with its count, before anything is exported.
  const scope = page.getByTestId('export-scope');
  await expect(scope).toContainText('«Оспан»');
  await expect(scope).toContainText('1');
  const rowsOf = async (click: () => Promise<void>) => {
    const downloading = page.waitForEvent('download');
    await click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await (await downloading).path())!);
    return wb.worksheets[0]!.actualRowCount - 1;
  };
  expect(await rowsOf(() => page.getByTestId('roster-export-xlsx').click())).toBe(1);
  await page.getByTestId('export-everyone').check();
  await expect(page.getByTestId('export-everyone').locator('..')).toContainText('3');
  expect(await rowsOf(() => page.getByTestId('roster-export-xlsx').click())).toBe(3);
});

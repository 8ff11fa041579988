import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { readSpreadsheet } from '../../electron/core/spreadsheet/read';
import { seedEvents } from '../../electron/core/seed/events';
import { seedRoster } from '../../electron/core/seed/seed';
import { seedTrainings } from '../../electron/core/seed/trainings';
import { todayInKazakhstan } from '../../shared/domain/trainings';
import { expect, test } from './fixtures';
import { langs, shots, signIn, speak, text } from './kit';
import { regionName } from '../../shared/domain/regions';

test.use({ viewport: { width: 1366, height: 768 } });

test('the overview is the first screen; each figure links to its list; a report filtered to one region exports an .xlsx with the same numbers', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Айгерім Сапарова', role: 'coordinator', password: 'coordinator pass' });
  seedRoster(office.core.db, { volunteers: 300, seed: 5 });
  seedTrainings(office.core.db, { volunteers: 300, seed: 5 });
  seedEvents(office.core.db, { volunteers: 300, seed: 5 });
  const someone = office.core.db.prepare("SELECT id FROM volunteers WHERE deleted = 0 AND region = 'KZ-75' LIMIT 1").pluck().get() as string;
  office.core.callAs(CLI_ACTOR, 'hours.add', { volunteerId: someone, date: todayInKazakhstan(), hours: 3, category: 'animals' });
  // The seed's records are of past months: two people registered and hours verified today make this month's figures count.
  for (const lastName of ['Жаңабаева', 'Жаңабаев']) office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName: 'Айгүл', status: 'active' });
  office.core.callAs(CLI_ACTOR, 'hours.add', { volunteerId: someone, date: todayInKazakhstan(), hours: 2.5, category: 'animals', verified: true });

  await page.goto(office.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  const figures = page.getByTestId('dashboard-figures');
  await expect(figures).toBeVisible();
  await expect(page.getByTestId('dashboard-region')).toHaveCount(20);
  await expect(page.getByTestId('dashboard-note')).toBeVisible();
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByRole('heading', { name: text(langs[lang], 'dashboard.title') })).toBeVisible();
    // Silent regions are named as people know them, not by code.
    await expect(page.getByTestId('dashboard-note')).toContainText(regionName('KZ-19', lang));
    await expect(page.getByTestId('dashboard-note')).not.toContainText('KZ-19');
    await page.screenshot({ path: path.join(shots, `dashboard-${lang}.png`) });
  }
  await speak(page, 'ru');

  // Every figure with a list behind it opens that list, filtered to what it counts.
  const monthStart = `${todayInKazakhstan().slice(0, 7)}-01`;
  const lists: Record<string, RegExp> = {
    activeVolunteers: /#\/volunteers\?status=active$/, newThisMonth: new RegExp(`#/volunteers\\?createdFrom=${monthStart}$`),
    verifiedHoursMonth: new RegExp(`#/hours\\?from=${monthStart}&to=${todayInKazakhstan()}&verified=1$`), entriesWaiting: /#\/hours\?waiting=1$/,
    upcomingEvents: /#\/events\?upcoming=1$/, staffingGaps: /#\/events\?understaffed=1$/, expiringQualifications: /#\/trainings\/expiring\?grace=0$/,
    trainingsHeld: new RegExp(`#/trainings\\?heldSince=${todayInKazakhstan().slice(0, 4)}-01-01$`), openConflicts: /#\/conflicts$/, likelyDuplicates: /#\/duplicates$/,
  };
  // A figure's number and a count on its list, compared as digits (grouping spaces and decimal marks aside).
  const digits = (s: string | null) => (s ?? '').replace(/[^\d.,]/g, '').replace(',', '.');
  const figureValue = async (figure: string) => digits(await page.getByTestId(`figure-${figure}`).locator('.figure-value').textContent());
  const overview = async () => {
    await page.locator('nav a[href="#/overview"]').click();
    await expect(figures).toBeVisible();
  };
  for (const [figure, url] of Object.entries(lists)) {
    await page.getByTestId(`figure-${figure}`).click();
    await expect(page).toHaveURL(url);
    await overview();
  }

  // The roster's count is the figure: active volunteers, and those new this month.
  for (const figure of ['activeVolunteers', 'newThisMonth']) {
    const value = await figureValue(figure);
    expect(Number(value), figure).toBeGreaterThan(0);
    await page.getByTestId(`figure-${figure}`).click();
    await expect(page.getByTestId('roster-total')).not.toHaveText(text(langs.ru, 'common.loading'));
    expect(digits(await page.getByTestId('roster-total').textContent()), figure).toBe(value);
    await page.screenshot({ path: path.join(shots, `figure-${figure}.png`) });
    await overview();
  }
  // Verified hours this month: the ledger opens on this month's verified hours, its total the figure;
  // the entries waiting: every date, the waiting list as long as the figure says.
  const verified = await figureValue('verifiedHoursMonth');
  expect(Number(verified)).toBeGreaterThan(0);
  await page.getByTestId('figure-verifiedHoursMonth').click();
  await expect(page.getByTestId('hours-total')).toBeVisible();
  expect(digits((await page.getByTestId('hours-total').textContent())!.match(/\d[\d\s\u00a0]*(?:[.,]\d+)?/)![0]), 'verified hours').toBe(verified);
  await overview();
  const waiting = await figureValue('entriesWaiting');
  await page.getByTestId('figure-entriesWaiting').click();
  await expect(page.locator('#hours-from')).toHaveValue('');
  await expect(page.getByTestId('hours-waiting').locator('.section-head .muted').first()).toHaveText(waiting);
  await page.screenshot({ path: path.join(shots, 'figure-entriesWaiting.png') });
  await overview();
  // At the centre a region's figure opens that region's list: the roster's count is the cell's.
  const cell = page.getByTestId('region-KZ-75-activeVolunteers');
  const inRegion = digits(await cell.textContent());
  await cell.click();
  await expect(page).toHaveURL(/#\/volunteers\?status=active&region=KZ-75$/);
  await expect(page.getByTestId('roster-total')).not.toHaveText(text(langs.ru, 'common.loading'));
  expect(digits(await page.getByTestId('roster-total').textContent())).toBe(inRegion);
  await overview();

  // Reports: hours for Almaty city in this year, exported and read back.
  await page.getByTestId('reports-tab-reports').click();
  await page.locator('#report-region').selectOption('KZ-75');
  await expect(page.getByTestId('report-totals')).toContainText(text(langs.ru, 'reports.total.hours'));
  const shown = office.core.callAs(CLI_ACTOR, 'reports.run', { name: 'hours', region: 'KZ-75' });
  await expect(page.getByTestId('report-row')).toHaveCount(shown.rows.length);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.getByTestId('report-chart').locator('svg')).toBeVisible();
    await page.screenshot({ path: path.join(shots, `report-hours-${lang}.png`) });
  }
  await speak(page, 'en');
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export-xlsx').click();
  const file = await download;
  const bytes = readFileSync(await file.path());
  const limits = { fileBytes: 1 << 24, expandedBytes: 1 << 26, rows: 10_000, columns: 20, cells: 200_000, cellChars: 1000, merges: 10, sheets: 2 };
  const rows = readSpreadsheet(bytes, 'hours.xlsx', limits).sheets[0]!.rows;
  // Header, one line per report row, and the totals line with the same hours as the report.
  expect(rows).toHaveLength(shown.rows.length + 2);
  expect(rows.slice(1, -1).map((r) => r![3])).toEqual(shown.rows.map((r) => r.hours));
  expect(rows.at(-1)![3]).toBe(shown.totals.hours);

  // A period typed the wrong way round is refused under the date it names, in the user's language, not as an empty report.
  await page.locator('#report-from').fill('31.12.2026');
  await page.locator('#report-to').fill('01.01.2025');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(page.locator('#report-to-error')).toHaveText(text(langs[lang], 'error.reports.periodOrder'));
  }
  await page.screenshot({ path: path.join(shots, 'report-period-order.png') });
  await page.locator('#report-from').fill(`01.01.${todayInKazakhstan().slice(0, 4)}`);
  await page.locator('#report-to').fill('');
  await expect(page.locator('#report-to-error')).toHaveCount(0);

  // Another report: volunteers by age group, with its chart.
  await page.locator('#report-name').selectOption('volunteers-by-age');
  await expect(page.getByTestId('report-chart').locator('svg')).toBeVisible();
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await page.screenshot({ path: path.join(shots, `report-age-${lang}.png`) });
  }
});

import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { startHost, type RunningHost } from '../../electron/host/server';
import type { CoreRouter } from '../../electron/worker/router';
import { testCore } from '../helpers/core-options';
import { testRouter } from '../helpers/core-worker';
import { langs, ru, shots, signIn, speak, text } from './kit';

const ROWS = 36_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LAST = ['Оспанов', 'Серікбаев', 'Ахметова', 'Ким', 'Иванова', 'Нұрланов', 'Жұмабеков', 'Сапарова', 'Ли', 'Бекова'];
const FIRST = ['Дана', 'Асқар', 'Айгерім', 'Виктор', 'Ольга', 'Болат', 'Нұрлан', 'Мадина', 'Ерлан', 'Гүлнар'];

/** A large roster: every row a different person (a phone of their own), nothing rejected. */
async function largeRoster(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Волонтёры');
  ws.addRow(['ФИО', 'Телефон']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([`${LAST[i % 10]} ${FIRST[Math.floor(i / 10) % 10]}`, `+7701${String(1_000_000 + i).padStart(7, '0')}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The office behind the page runs its core in workers, as the real web host does: the page hears progress while a write runs, and its cancel gets through. */
interface WorkerOffice {
  dir: string;
  file: string;
  router: CoreRouter;
  host: RunningHost;
}

async function openWorkerOffice(): Promise<WorkerOffice> {
  const dir = mkdtempSync(path.join(tmpdir(), 'erikti-e2e-progress-'));
  const file = path.join(dir, 'office.sqlite');
  const core = testCore(file);
  createOffice(core.db, 'KZ-75');
  core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });
  core.close();
  const router = await testRouter(file);
  const host = await startHost({ client: router, rendererDir: path.join(root, 'dist/renderer'), port: 0 });
  return { dir, file, router, host };
}

/** Signs the clerk in on a worker office at 1366×768, with the large roster chosen and checked, runs `body`, then closes the office. */
async function withCheckedRoster(page: Page, body: (office: WorkerOffice) => Promise<void>): Promise<void> {
  const office = await openWorkerOffice();
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    const roster = await largeRoster(ROWS);
    await page.goto(office.host.url);
    await signIn(page, 'clerk', 'clerk password');
    await chooseAndCheck(page, roster);
    await body(office);
  } finally {
    await office.host.close();
    await office.router.close();
    rmSync(office.dir, { recursive: true, force: true });
  }
}

function volunteersIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM volunteers').pluck().get() as number;
  } finally {
    db.close();
  }
}

async function chooseAndCheck(page: Page, roster: Buffer): Promise<void> {
  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
  await page.getByTestId('roster-import-link').click();
  await page.setInputFiles('#roster-file', { name: 'большой список.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: roster });
  await expect(page.getByTestId('roster-mapping')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('roster-check').click();
  await expect(page.getByTestId('roster-count-added')).toContainText(String(ROWS), { timeout: 120_000 });
}

test.describe.configure({ timeout: 600_000 });

test('a large roster import shows its progress and time left, cancels leaving nothing, then runs to the end', async ({ page }) => {
  await withCheckedRoster(page, async (office) => {
    await page.getByTestId('roster-import').click();
    const progress = page.getByTestId('roster-import-progress');
    const bar = progress.getByRole('progressbar');
    await expect(bar).toBeVisible();
    // The bar advances through a phase the page names, and a time left appears once it means something.
    await expect(progress.getByTestId('progress-phase')).toHaveText(new RegExp(`${text(ru, 'progress.phase.checking')}|${text(ru, 'progress.phase.writing')}`));
    await expect(progress.getByTestId('progress-left')).toBeVisible({ timeout: 30_000 });
    // Advancing: further within the same phase, or on to the next phase (whose count starts again).
    const where = async () => ({ phase: await progress.getByTestId('progress-phase').textContent(), now: Number(await bar.getAttribute('aria-valuenow')) });
    const first = await where();
    await expect.poll(async () => {
      const later = await where();
      return later.phase !== first.phase || later.now > first.now;
    }, { timeout: 30_000 }).toBe(true);
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'progress-import-ru.png') });

    await progress.getByTestId('progress-cancel').click();
    await expect(page.getByText(text(ru, 'error.cancelled')).first()).toBeVisible({ timeout: 30_000 });
    await expect(progress).toBeHidden();
    expect(volunteersIn(office.file)).toBe(0);

    // Run again, to the end.
    await page.getByTestId('roster-import').click();
    const done = text(ru, 'rosterImport.done').replace('{{added}}', String(ROWS)).replace('{{updated}}', '0').replace('{{unchanged}}', '0');
    await expect(page.getByText(done).first()).toBeVisible({ timeout: 300_000 });
    expect(volunteersIn(office.file)).toBe(ROWS);
  });
});

test('the progress bar reads naturally in kk, ru and en at 1366×768', async ({ page }) => {
  await withCheckedRoster(page, async (office) => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      await speak(page, lang);
      await page.getByTestId('roster-import').click();
      const progress = page.getByTestId('roster-import-progress');
      await expect(progress.getByTestId('progress-left')).toBeVisible({ timeout: 30_000 });
      await expect(progress.getByTestId('progress-cancel')).toHaveText(text(langs[lang], 'progress.cancel'));
      await progress.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `progress-import-${lang}.png`) });
      await progress.getByTestId('progress-cancel').click();
      await expect(page.getByText(text(langs[lang], 'error.cancelled')).first()).toBeVisible({ timeout: 30_000 });
      await page.screenshot({ path: path.join(shots, `progress-cancelled-${lang}.png`) });
    }
    expect(volunteersIn(office.file)).toBe(0);
  });
});

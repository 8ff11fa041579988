import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { expect, test } from './fixtures';
import { langs, shots, signIn, speak, text } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30 * 1024, 0x41), Buffer.from('\n%%EOF\n')]);

test('a coordinator attaches a scanned consent form to a profile, sees it listed, opens and deletes it; Deactivate asks why', async ({ page, office }) => {
  createOffice(office.core.db, 'KZ-75');
  office.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Coordinator', role: 'coordinator', password: 'coord password' });
  const { id } = office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: 'Омарова', firstName: 'Айжан', birthDate: '1990-05-12' });
  await page.goto(`${office.host.url}`);
  await signIn(page, 'coord', 'coord password');
  await expect(page.locator('nav.shell-nav')).toBeVisible();
  await page.goto(`${office.host.url.split('#')[0]}#/volunteers/${id}`);

  const documents = page.getByTestId('volunteer-documents');
  await expect(documents).toContainText(text(langs.ru, 'attachments.empty'));
  await page.locator('#document-kind').selectOption('consent');
  await page.setInputFiles('#document-file', { name: 'согласие Омаровой.pdf', mimeType: 'application/pdf', buffer: PDF });
  const row = page.getByTestId('document-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('согласие Омаровой.pdf');
  await expect(row).toContainText(text(langs.ru, 'vocab.attachmentKind.consent'));
  await expect(row).toContainText('coord@KZ-75');
  await expect(row).toContainText('30 КБ');

  // A file whose content is not a PDF is refused, whatever its name.
  await page.setInputFiles('#document-file', { name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is a program') });
  await expect(documents.getByRole('alert')).toContainText(text(langs.ru, 'error.attachments.type'));
  await expect(row).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'согласие Омаровой.pdf' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('согласие Омаровой.pdf');

  // Deactivate asks why; "Other" needs a note; the reason shows on the profile.
  await page.getByTestId('volunteer-deactivate').click();
  const panel = page.getByTestId('deactivate-panel');
  await expect(page.getByTestId('deactivate-confirm')).toBeDisabled();
  await panel.getByLabel(text(langs.ru, 'vocab.deactivationReason.other')).check();
  await expect(page.getByTestId('deactivate-confirm')).toBeDisabled();
  await panel.getByLabel(text(langs.ru, 'vocab.deactivationReason.movedAway')).check();
  await page.locator('#deactivation-note').fill('в Шымкент');

  for (const lang of ['kk', 'ru', 'en'] as const) {
    await speak(page, lang);
    await expect(documents).toContainText(text(langs[lang], 'attachments.title'));
    await page.getByTestId('deactivate-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `profile-deactivate-${lang}.png`) });
    await documents.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `profile-documents-${lang}.png`) });
    // The block fits the screen's width.
    const box = await documents.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  }
  await speak(page, 'ru');
  await page.getByTestId('deactivate-confirm').click();
  await expect(page.getByTestId('deactivation-reason')).toContainText(text(langs.ru, 'vocab.deactivationReason.movedAway'));
  await expect(page.getByTestId('deactivation-reason')).toContainText('в Шымкент');
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.get', { id })).toMatchObject({ status: 'inactive', deactivationReason: 'movedAway', deactivationNote: 'в Шымкент' });
  await page.getByRole('button', { name: text(langs.ru, 'volunteer.activate') }).click();
  await expect(page.getByTestId('deactivation-reason')).toHaveCount(0);
  expect(office.core.callAs(CLI_ACTOR, 'volunteers.get', { id }).deactivationReason).toBeNull();

  await row.getByRole('button', { name: text(langs.ru, 'common.delete') }).click();
  await row.getByRole('button', { name: text(langs.ru, 'common.yes') }).click();
  await expect(page.getByTestId('document-row')).toHaveCount(0);
  expect(office.core.callAs(CLI_ACTOR, 'attachments.list', { volunteerId: id }).items).toEqual([]);
});

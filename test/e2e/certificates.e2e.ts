import path from 'node:path';
import { CLI_ACTOR } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { todayInKazakhstan } from '../../shared/domain/trainings';
import { expect, test } from './fixtures';
import { ru, shots, signIn, text } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

test('batch-issue certificates for a session, see the register, verify one, revoke it, verify again', async ({ page, office }) => {
  const core = office.core;
  createOffice(core.db, 'KZ-75');
  core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Әлия Сейтова', role: 'administrator', password: 'administrator pass' });
  const today = todayInKazakhstan();
  const kind = core.callAs(CLI_ACTOR, 'trainings.kinds.add', { names: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, validityMonths: 24 }).id;
  const programId = core.callAs(CLI_ACTOR, 'trainings.programs.add', { title: { ru: 'Основы первой помощи', kk: 'Алғашқы көмек негіздері' }, hours: 8, grants: kind }).id;
  const sessionId = core.callAs(CLI_ACTOR, 'trainings.sessions.add', { programId, start: today, end: today, place: 'Алматы', capacity: 5 }).id;
  core.callAs(CLI_ACTOR, 'trainings.sessions.setStatus', { id: sessionId, status: 'open' });
  for (const [lastName, firstName] of [['Жұмабеков', 'Нұрсұлтан'], ['Иванова', 'Мария']] as const) {
    const volunteerId = core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName, birthDate: '1995-01-01' }).id;
    core.callAs(CLI_ACTOR, 'trainings.enrol', { sessionId, volunteerIds: [volunteerId] });
    core.callAs(CLI_ACTOR, 'trainings.result', { sessionId, volunteerId, outcome: 'passed' });
  }

  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
  await page.getByTestId('roster-certificates').click();
  const batch = page.getByTestId('certificate-batch');
  await batch.getByRole('button', { name: text(ru, 'vocab.certificateKind.training') }).click();
  await batch.locator('#batch-session').selectOption({ label: `${today.split('-').reverse().join('.')} · Основы первой помощи` });
  await page.getByTestId('certificate-issue').click();
  await expect(page.getByTestId('issue-preview-row')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByTestId('issue-preview-confirm').click();
  expect((await download).suggestedFilename()).toMatch(/^certificates-.*-2\.pdf$/);

  const rows = page.getByTestId('certificate-row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('certificates-table')).toContainText('Жұмабеков Нұрсұлтан');
  await page.screenshot({ path: path.join(shots, 'certificates-register-ru.png') });

  const { code, number } = core.callAs(CLI_ACTOR, 'certificates.list', { text: 'Жұмабеков' }).rows[0]!;
  const verify = page.getByTestId('certificate-verify');
  await verify.locator('#certificate-text').fill(code.toLowerCase());
  await verify.getByRole('button', { name: text(ru, 'certificates.verifyButton') }).click();
  await expect(page.getByTestId('certificate-verdict')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('certificate-verdict')).toContainText('Жұмабеков Нұрсұлтан');

  const row = rows.filter({ hasText: number });
  await row.getByRole('button', { name: text(ru, 'certificates.revoke') }).click();
  await row.locator(`#revoke-${number}`).fill('Выдан по ошибке');
  await row.getByRole('button', { name: text(ru, 'certificates.revokeConfirm') }).click();
  await expect(row).toContainText(text(ru, 'certificates.statusRevoked'));

  await verify.getByRole('button', { name: text(ru, 'certificates.verifyButton') }).click();
  await expect(page.getByTestId('certificate-verdict')).toHaveAttribute('data-status', 'revoked');
  await expect(page.getByTestId('certificate-verdict')).toContainText('Выдан по ошибке');
  await page.screenshot({ path: path.join(shots, 'certificates-verify-revoked-ru.png') });
});

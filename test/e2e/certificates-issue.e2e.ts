import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { todayInKazakhstan } from '../../shared/domain/trainings';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';
import { carry, langs, ru, shots, signIn, text } from './kit';

test.use({ viewport: { width: 1366, height: 768 } });

const today = todayInKazakhstan();
const year = today.slice(0, 4);

function admin(core: Core): void {
  core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Әлия Сейтова', role: 'administrator', password: 'administrator pass' });
}

/** A first-aid session held today: these people enrolled, each with the result given. */
function session(core: Core, people: [string, string, 'passed' | 'failed'][]): { sessionId: string; ids: string[] } {
  const kind = core.callAs(CLI_ACTOR, 'trainings.kinds.add', { names: { ru: 'Первая помощь', kk: 'Алғашқы көмек' }, validityMonths: 24 }).id;
  const programId = core.callAs(CLI_ACTOR, 'trainings.programs.add', { title: { ru: 'Основы первой помощи', kk: 'Алғашқы көмек негіздері', en: 'First aid basics' }, hours: 8, grants: kind }).id;
  const sessionId = core.callAs(CLI_ACTOR, 'trainings.sessions.add', { programId, start: today, end: today, place: 'Алматы', capacity: 5 }).id;
  core.callAs(CLI_ACTOR, 'trainings.sessions.setStatus', { id: sessionId, status: 'open' });
  const ids = people.map(([lastName, firstName, outcome]) => {
    const volunteerId = core.callAs(CLI_ACTOR, 'volunteers.create', { lastName, firstName, birthDate: '1995-01-01' }).id;
    core.callAs(CLI_ACTOR, 'trainings.enrol', { sessionId, volunteerIds: [volunteerId] });
    core.callAs(CLI_ACTOR, 'trainings.result', { sessionId, volunteerId, outcome });
    return volunteerId;
  });
  return { sessionId, ids };
}

const go = (page: Page, hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);

/**
 * A screenshot in each language, for review (the language is left at Russian). The switch is
 * pressed from the page's script: an open dialog's backdrop covers it (and a click there closes it).
 */
async function shootAll(page: Page, name: string, at?: Locator): Promise<void> {
  for (const lang of ['kk', 'en', 'ru'] as const) {
    await page.getByRole('button', { name: text(langs[lang], `langName.${lang}`) }).evaluate((b: HTMLElement) => b.click());
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await at?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `${name}-${lang}.png`) });
  }
}

test('from a session’s screen: preview, batch-issue, print again, then verify one in the register, revoke it, verify again', async ({ page, office }) => {
  const core = office.core;
  createOffice(core.db, 'KZ-75');
  admin(core);
  const { sessionId } = session(core, [['Жұмабеков', 'Нұрсұлтан', 'passed'], ['Иванова', 'Мария', 'passed'], ['Сейітов', 'Ерлан', 'failed']]);

  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await go(page, `#/trainings/sessions/${sessionId}`);
  const section = page.getByTestId('session-certificates');
  await expect(section).toContainText(text(ru, 'certificates.noneIssued'));
  await section.getByTestId('session-issue-certificates').click();

  const preview = page.getByTestId('issue-preview');
  await expect(preview.locator('[data-outcome=new]')).toHaveCount(2);
  await expect(preview.locator('[data-outcome=left]')).toContainText(['Сейітов Ерлан']);
  await expect(preview.locator('[data-outcome=left]')).toContainText(text(ru, 'certificates.preview.left.notPassed'));
  await expect(preview.getByTestId('issue-preview-counts')).toContainText('Новых: 2');
  await expect(preview).toContainText('Основы первой помощи');
  await shootAll(page, 'certificates-session-preview');
  // Nothing is numbered before the confirmation.
  expect(core.callAs(CLI_ACTOR, 'certificates.list', {}).total).toBe(0);

  const download = page.waitForEvent('download');
  await preview.getByTestId('issue-preview-confirm').click();
  expect((await download).suggestedFilename()).toMatch(/^certificates-.*-2\.pdf$/);
  await expect(preview).toHaveCount(0);
  const issued = section.getByTestId('issued-row');
  await expect(issued).toHaveCount(2);
  await expect(section).toContainText('Жұмабеков Нұрсұлтан');
  await expect(section).not.toContainText('Сейітов');
  await shootAll(page, 'certificates-session', section);

  // Re-printing gives the same certificate, same number.
  const { number, code } = core.callAs(CLI_ACTOR, 'certificates.list', { text: 'Жұмабеков' }).rows[0]!;
  const again = page.waitForEvent('download');
  await issued.filter({ hasText: number }).getByTestId('certificate-print-again').click();
  expect((await again).suggestedFilename()).toBe(`certificate-${number}.pdf`);
  await section.getByTestId('session-issue-certificates').click();
  await expect(preview.locator('[data-outcome=again]')).toHaveCount(2);
  await expect(preview.locator('[data-outcome=again]').first()).toContainText(/KZ-75-\d{4}-00000[12]/);
  await expect(preview.getByTestId('issue-preview-confirm')).toHaveText(text(ru, 'certificates.preview.printAgain').replace('{{count}}', '2'));
  await preview.getByRole('button', { name: text(ru, 'common.cancel') }).click();
  expect(core.callAs(CLI_ACTOR, 'certificates.list', {}).total).toBe(2);

  // The register: verify, revoke, verify again.
  await go(page, '#/certificates');
  await expect(page.getByTestId('certificate-row')).toHaveCount(2);
  const verify = page.getByTestId('certificate-verify');
  await verify.locator('#certificate-text').fill(code);
  await verify.getByRole('button', { name: text(ru, 'certificates.verifyButton') }).click();
  await expect(page.getByTestId('certificate-verdict')).toHaveAttribute('data-status', 'valid');
  const row = page.getByTestId('certificate-row').filter({ hasText: number });
  await row.getByRole('button', { name: text(ru, 'certificates.revoke') }).click();
  await row.locator(`#revoke-${number}`).fill('Выдан по ошибке');
  await row.getByRole('button', { name: text(ru, 'certificates.revokeConfirm') }).click();
  await expect(row).toContainText(text(ru, 'certificates.statusRevoked'));
  await verify.getByRole('button', { name: text(ru, 'certificates.verifyButton') }).click();
  await expect(page.getByTestId('certificate-verdict')).toHaveAttribute('data-status', 'revoked');
  await shootAll(page, 'certificates-register');
});

test('from a volunteer’s profile: a training certificate and a certificate of service for the year, each after a preview', async ({ page, office }) => {
  const core = office.core;
  createOffice(core.db, 'KZ-75');
  admin(core);
  const { ids: [volunteerId] } = session(core, [['Жұмабеков', 'Нұрсұлтан', 'passed']]);
  core.callAs(CLI_ACTOR, 'hours.add', { volunteerId: volunteerId!, date: `${year}-01-15`, hours: 6, category: 'socialSupport', verified: true });
  core.callAs(CLI_ACTOR, 'hours.add', { volunteerId: volunteerId!, date: `${year}-01-16`, hours: 4, category: 'socialSupport', verified: false });

  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await go(page, `#/volunteers/${volunteerId}`);
  const block = page.getByTestId('volunteer-certificates');
  await block.getByTestId('volunteer-issue-certificate').click();
  const form = block.getByTestId('issue-one');
  await form.locator('#issue-one-session').selectOption({ index: 1 });
  await form.getByTestId('issue-one-preview').click();
  const preview = page.getByTestId('issue-preview');
  await expect(preview.locator('[data-outcome=new]')).toContainText('Основы первой помощи');
  let download = page.waitForEvent('download');
  await preview.getByTestId('issue-preview-confirm').click();
  expect((await download).suggestedFilename()).toMatch(/^certificate-KZ-75-\d{4}-000001\.pdf$/);
  await expect(block.getByTestId('issued-row')).toHaveCount(1);

  await block.getByTestId('volunteer-issue-certificate').click();
  await form.getByRole('button', { name: text(ru, 'vocab.certificateKind.service') }).click();
  await expect(form.locator('#issue-one-from')).toHaveValue(`01.01.${year}`);
  await expect(form.locator('#issue-one-to')).toHaveValue(`31.12.${year}`);
  await shootAll(page, 'certificates-profile-form', block);
  await form.getByTestId('issue-one-preview').click();
  // Verified hours only: the 4 unverified do not count.
  await expect(preview.locator('[data-outcome=new]')).toContainText('6');
  await expect(preview.locator('[data-outcome=new]')).not.toContainText('10');
  await shootAll(page, 'certificates-profile-preview');
  download = page.waitForEvent('download');
  await preview.getByTestId('issue-preview-confirm').click();
  expect((await download).suggestedFilename()).toMatch(/000002\.pdf$/);
  await expect(block.getByTestId('issued-row')).toHaveCount(2);
  await expect(block).toContainText(`01.01.${year} – 31.12.${year}`);
  await shootAll(page, 'certificates-profile', block);
});

test('certificate keys: an office replaces its own; the centre sees the offices’ keys it vouched for and revokes one', async ({ page }) => {
  const opened: Office[] = [];
  try {
    const almaty = await openOffice('KZ-75');
    const centre = await openOffice('KZ');
    opened.push(almaty, centre);
    trustEachOther(almaty.core, centre.core);
    for (const o of [almaty, centre]) admin(o.core);
    const { ids: [volunteerId], sessionId } = session(almaty.core, [['Жұмабеков', 'Нұрсұлтан', 'passed']]);
    const { code } = almaty.core.callAs(CLI_ACTOR, 'certificates.issue', { kind: 'training', volunteerId: volunteerId!, sessionId }).certificates[0]!;
    carry(almaty.core, centre.core, 'KZ');

    // The centre: Almaty's key, vouched for; revoke it.
    await page.goto(centre.host.url);
    await signIn(page, 'admin', 'administrator pass');
    await go(page, '#/certificates/keys');
    const others = page.getByTestId('keys-others');
    await expect(others.getByTestId('key-row')).toHaveCount(1);
    await expect(others).toContainText(text(ru, 'certificates.keys.vouchedYes'));
    await shootAll(page, 'certificates-keys-centre');
    await others.getByRole('button', { name: text(ru, 'certificates.keys.revoke') }).click();
    await others.getByRole('button', { name: text(ru, 'common.yes') }).click();
    await expect(others).toContainText(text(ru, 'certificates.keys.ended'));
    expect(centre.core.callAs(CLI_ACTOR, 'certificates.verify', { text: code }).status).not.toBe('valid');

    // Almaty: its key, ended by the centre; the next certificate is signed with a new one, which it may replace.
    carry(centre.core, almaty.core, 'KZ-75');
    await page.goto(almaty.host.url);
    await signIn(page, 'admin', 'administrator pass');
    await go(page, '#/certificates');
    await page.getByTestId('certificates-tab-certificateKeys').click();
    const own = page.getByTestId('keys-own');
    await expect(own.getByTestId('key-row')).toHaveCount(1);
    await expect(own).toContainText(text(ru, 'certificates.keys.ended'));
    await expect(page.getByTestId('certificate-keys')).toContainText(text(ru, 'certificates.keys.noCurrent'));
    const next = session(almaty.core, [['Иванова', 'Мария', 'passed']]);
    almaty.core.callAs(CLI_ACTOR, 'certificates.issue', { kind: 'training', volunteerId: next.ids[0]!, sessionId: next.sessionId });
    await page.reload();
    await expect(own.getByTestId('key-row')).toHaveCount(2);
    await expect(own).toContainText(text(ru, 'certificates.keys.vouchedPending'));
    await expect(own).not.toContainText(/[A-Za-z0-9+/]{40,}/);
    await own.getByRole('button', { name: text(ru, 'certificates.keys.replace') }).click();
    await own.getByRole('button', { name: text(ru, 'common.yes') }).click();
    await expect(own.getByTestId('key-row')).toHaveCount(3);
    await expect(own.getByTestId('key-row').filter({ hasText: text(ru, 'certificates.keys.current') })).toHaveCount(1);
    await expect(own.getByTestId('key-row').filter({ hasText: text(ru, 'certificates.keys.ending') })).toHaveCount(1);
    await shootAll(page, 'certificates-keys-office');
  } finally {
    for (const o of opened) await closeOffice(o);
  }
});


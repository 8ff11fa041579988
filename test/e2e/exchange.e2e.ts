import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLI_ACTOR } from '../../electron/core/app';
import { issueFileToken } from '../../electron/core/exchange/files';
import { AIGERIM, bundle, DANIYAR, langs, ru, shots, signIn, text, type Tree } from './kit';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';

async function chooseBundle(page: Page, bytes: Buffer, name = 'erikti-KZ-75-to-KZ.erikti'): Promise<void> {
  await page.setInputFiles('#exchange-file', { name, mimeType: 'application/octet-stream', buffer: bytes });
}

const offices: Office[] = [];
test.afterEach(async () => {
  for (const office of offices.splice(0)) await closeOffice(office);
});

test('import a regional bundle with preview, then resolve concurrent edits side by side', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  offices.push(almaty, centre);
  trustEachOther(almaty.core, centre.core);

  // Almaty registers a volunteer; both offices register the same person without an IIN.
  const { id } = almaty.core.callAs(AIGERIM, 'volunteers.create', {
    lastName: 'Сәрсенбаева', firstName: 'Әйгерім', middleName: 'Қайратқызы', phone: '+7 701 555 12 34', locality: 'Алматы', region: 'KZ-75',
  });
  almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08', phone: '+7 702 111 22 33' });
  centre.core.callAs(DANIYAR, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08', region: 'KZ-71' });

  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });

  // Staff do not see the exchange at all.
  await page.goto(centre.host.url);
  await signIn(page, 'clerk', 'clerk password');
  await expect(page.locator('nav a[href="#/volunteers"]')).toBeVisible();
  await expect(page.locator('nav a[href="#/exchange"]')).toHaveCount(0);
  await page.getByRole('button', { name: text(ru, 'auth.signOut') }).click();

  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/exchange"]').click();
  await expect(page.getByRole('heading', { name: text(ru, 'exchange.title') })).toBeVisible();

  // A bundle altered on the way is refused with its reason, and nothing is written.
  const good = bundle(almaty.core, 'KZ');
  const tampered = Buffer.from(good);
  tampered[Math.floor(tampered.length / 2)]! ^= 0x55;
  await chooseBundle(page, tampered);
  const refusal = page.getByTestId('exchange-import').getByRole('alert');
  await expect(refusal).toBeVisible();
  const reasons = Object.values(ru.error as Tree).flatMap((v) => (typeof v === 'string' ? [] : Object.values(v)));
  expect(reasons).toContain(await refusal.innerText());
  expect(centre.core.callAs(CLI_ACTOR, 'volunteers.search', {}).total).toBe(1);

  // The real file: a preview first, nothing written yet.
  await chooseBundle(page, good);
  await expect(page.getByTestId('exchange-preview')).toBeVisible();
  await expect(page.getByTestId('exchange-from')).toContainText('KZ-75');
  await expect(page.getByTestId('exchange-count-volunteers-created')).toHaveText('2');
  await expect(page.getByTestId('exchange-count-volunteers-updated')).toHaveText('0');
  await expect(page.getByTestId('exchange-note-review')).toContainText('1');
  expect(centre.core.callAs(CLI_ACTOR, 'volunteers.search', {}).total).toBe(1);
  await page.screenshot({ path: path.join(shots, 'exchange-preview-ru.png'), fullPage: true });

  // Apply: the summary, the history, and the volunteer in the roster.
  await page.getByTestId('exchange-apply').click();
  await expect(page.getByTestId('exchange-applied')).toBeVisible();
  await expect(page.getByTestId('exchange-count-volunteers-created')).toHaveText('2');
  await expect(page.getByTestId('exchange-history-row')).toHaveCount(1);
  await expect(page.getByTestId('exchange-history-row').first()).toContainText('KZ-75');
  await page.screenshot({ path: path.join(shots, 'exchange-applied-ru.png'), fullPage: true });
  await page.locator('nav a[href="#/volunteers"]').click();
  await expect(page.getByTestId('roster-row').filter({ hasText: 'Сәрсенбаева' })).toHaveCount(1);
  expect(centre.core.callAs(CLI_ACTOR, 'volunteers.get', { id })).toMatchObject({ lastName: 'Сәрсенбаева', phone: '+77015551234' });

  // Importing the same file again changes nothing and says so.
  await page.locator('nav a[href="#/exchange"]').click();
  await chooseBundle(page, good);
  await expect(page.getByText(text(ru, 'exchange.import.alreadyImported'))).toBeVisible();
  await expect(page.getByTestId('exchange-apply')).toBeDisabled();

  // The same phone and locality changed at both offices before they exchanged again.
  centre.core.callAs(DANIYAR, 'volunteers.update', { id, patch: { phone: '+7 707 000 00 01', locality: 'Алматы, Бостандық ауданы' } });
  almaty.core.callAs(AIGERIM, 'volunteers.update', { id, patch: { phone: '+7 777 999 88 77', locality: 'Алматы, Медеу ауданы' } });
  centre.core.callAs(CLI_ACTOR, 'exchange.import', { source: { base64: bundle(almaty.core, 'KZ').toString('base64') } });
  const open = centre.core.callAs(CLI_ACTOR, 'conflicts.list', {}).items;
  expect(open.map((c) => c.field).sort()).toEqual(['locality', 'phone']);
  const phone = open.find((c) => c.field === 'phone')!;

  await page.getByTestId('exchange-tab-conflicts').click();
  await expect(page.getByTestId('exchange-tab-conflicts')).toContainText('2');
  const cards = page.getByTestId('conflict');
  await expect(cards).toHaveCount(2);
  const phoneCard = cards.filter({ hasText: text(ru, 'volunteer.phone') });
  await expect(phoneCard.getByTestId('conflict-winner')).toContainText(phone.winner.value === '+77779998877' ? '+7 (777) 999-88-77' : '+7 (707) 000-00-01');
  await expect(phoneCard.getByTestId('conflict-winner')).toContainText(phone.winner.actor.split('@')[0]!);
  await expect(phoneCard.getByTestId('conflict-loser')).toContainText(phone.loser.actor.split('@')[0]!);
  await page.screenshot({ path: path.join(shots, 'conflicts-open-ru.png'), fullPage: true });

  // The phone: keep the set-aside value. The locality: type the right one.
  await phoneCard.getByTestId('conflict-keep-loser').click();
  await expect(cards).toHaveCount(1);
  const localityCard = cards.first();
  await localityCard.getByTestId('conflict-edit').click();
  await localityCard.getByTestId('conflict-value').fill('Алматы, Медеу ауданы, Достық 12');
  await localityCard.getByRole('button', { name: text(ru, 'exchange.conflicts.saveValue') }).click();
  await expect(page.getByText(text(ru, 'exchange.conflicts.empty'))).toBeVisible();
  expect(centre.core.callAs(CLI_ACTOR, 'volunteers.get', { id })).toMatchObject({ phone: phone.loser.value, locality: 'Алматы, Медеу ауданы, Достық 12' });
  expect(centre.core.callAs(CLI_ACTOR, 'conflicts.list', {}).total).toBe(0);

  // The resolution is an ordinary edit: Almaty gets it with the next bundle back.
  almaty.core.callAs(CLI_ACTOR, 'exchange.import', { source: { base64: bundle(centre.core, 'KZ-75').toString('base64') } });
  expect(almaty.core.callAs(CLI_ACTOR, 'volunteers.get', { id })).toMatchObject({ phone: phone.loser.value, locality: 'Алматы, Медеу ауданы, Достық 12' });

  // Resolved conflicts stay on record.
  await page.getByLabel(text(ru, 'exchange.conflicts.showResolved')).check();
  await expect(cards).toHaveCount(2);

  // Every screen in each language, for a look.
  for (const lang of ['ru', 'kk', 'en'] as const) {
    const tree = langs[lang];
    await page.getByRole('button', { name: text(tree, `langName.${lang}`) }).click();
    for (const tab of ['exchange', 'conflicts', 'duplicates', 'trust'] as const) {
      await page.getByTestId(`exchange-tab-${tab}`).click();
      await expect(page.locator('h1')).toHaveText(text(tree, tab === 'exchange' ? 'exchange.title' : `exchange.${tab}.title`));
      if (tab === 'duplicates') await expect(page.getByTestId('duplicate')).toHaveCount(1);
      if (tab === 'trust') await expect(page.getByTestId('trusted-row')).toHaveCount(1);
      if (tab === 'conflicts') await page.getByLabel(text(tree, 'exchange.conflicts.showResolved')).check();
      await page.screenshot({ path: path.join(shots, `${tab}-${lang}.png`), fullPage: true });
    }
  }
});

test('duplicates merge or stay apart; trusted offices show fingerprints; an administrator trusts a key file', async ({ page }) => {
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  const astana = await openOffice('KZ-71');
  offices.push(almaty, centre, astana);
  trustEachOther(almaty.core, centre.core);
  const a = almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08', phone: '+7 702 111 22 33' });
  const b = centre.core.callAs(DANIYAR, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08' });
  almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Ким', firstName: 'Анна', phone: '+7 705 123 45 67' });
  centre.core.callAs(DANIYAR, 'volunteers.create', { lastName: 'Ким', firstName: 'Анна', phone: '+7 705 123 45 67', birthDate: '2001-11-30' });
  centre.core.callAs(CLI_ACTOR, 'exchange.import', { source: { base64: bundle(almaty.core, 'KZ').toString('base64') } });
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin2', displayName: 'Әкімші', role: 'administrator', password: 'administrator pass' });

  await page.goto(centre.host.url);
  await signIn(page, 'admin2', 'administrator pass');
  await page.locator('nav a[href="#/exchange"]').click();
  await page.getByTestId('exchange-tab-duplicates').click();
  const pairs = page.getByTestId('duplicate');
  await expect(pairs).toHaveCount(2);

  // Ким Анна: different people. Оспанов Ерлан: merged, keeping the left record.
  await pairs.filter({ hasText: 'Ким' }).getByTestId('duplicate-distinct').click();
  await expect(pairs).toHaveCount(1);
  await pairs.first().getByRole('button', { name: text(ru, 'exchange.duplicates.keepLeft') }).click();
  await pairs.first().getByRole('button', { name: text(ru, 'common.yes') }).click();
  await expect(page.getByText(text(ru, 'exchange.duplicates.empty'))).toBeVisible();
  const left = [a.id, b.id].sort();
  const live = centre.core.callAs(CLI_ACTOR, 'volunteers.search', { text: 'Оспанов' }).rows.map((r) => r.id);
  expect(live).toHaveLength(1);
  expect(left).toContain(live[0]);

  // Trusted offices: this office's fingerprint in groups, Almaty's key listed.
  await page.getByTestId('exchange-tab-trust').click();
  const own = centre.core.callAs(CLI_ACTOR, 'keys.own', {});
  await expect(page.getByTestId('own-fingerprint').locator('.fp-group')).toHaveCount(own.fingerprint.split(' ').length);
  await expect(page.getByTestId('trusted-row')).toHaveCount(1);
  await expect(page.getByTestId('trusted-row').first()).toContainText('KZ-75');

  // A file that is not a key is refused; Astana's key file is shown with its fingerprint, then trusted.
  await page.setInputFiles('#trust-file', { name: 'notes.pub', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText(text(ru, 'error.keys.invalidFile'))).toBeVisible();
  const astanaKey = astana.core.callAs(CLI_ACTOR, 'keys.own', {});
  await page.setInputFiles('#trust-file', { name: 'erikti-KZ-71.pub', mimeType: 'application/json', buffer: Buffer.from(astanaKey.keyFile) });
  await expect(page.getByTestId('new-fingerprint')).toHaveAttribute('aria-label', astanaKey.fingerprint);
  await page.screenshot({ path: path.join(shots, 'trust-add-ru.png'), fullPage: true });
  await page.getByTestId('trust-confirm').click();
  await expect(page.getByTestId('trusted-row')).toHaveCount(2);
  expect(centre.core.callAs(CLI_ACTOR, 'trust.list', {}).map((k) => k.office).sort()).toEqual(['KZ-71', 'KZ-75']);

  // Export to Astana downloads the bundle file, which Astana (once it trusts the centre) accepts.
  astana.core.callAs(CLI_ACTOR, 'trust.add', { keyFile: own.keyFile, fingerprint: own.fingerprint });
  await page.getByTestId('exchange-tab-exchange').click();
  await page.locator('#exchange-to').selectOption('KZ-71');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('exchange-export-run').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^erikti-KZ-to-KZ-71-.*\.erikti$/);
  await expect(page.getByTestId('exchange-export-done')).toBeVisible();
  const bytes = readFileSync((await file.path())!);
  const summary = astana.core.callAs(CLI_ACTOR, 'exchange.import', { source: { base64: bytes.toString('base64') } });
  expect(summary.tables.volunteers?.created).toBeGreaterThan(0);
  await expect(page.getByTestId('exchange-history-row').first()).toContainText('KZ-71');

  // Removing a trusted office is an administrator's act, confirmed in place.
  await page.getByTestId('exchange-tab-trust').click();
  const astanaRow = page.getByTestId('trusted-row').filter({ hasText: 'KZ-71' });
  await astanaRow.getByRole('button', { name: text(ru, 'exchange.trust.remove') }).click();
  await astanaRow.getByRole('button', { name: text(ru, 'common.yes') }).click();
  await expect(page.getByTestId('trusted-row')).toHaveCount(1);
});

test('desktop app: bundles are chosen in the native dialogs and travel as tokens, never as paths', async ({ page }) => {
  const almaty = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  offices.push(almaty, centre);
  trustEachOther(almaty.core, centre.core);
  almaty.core.callAs(AIGERIM, 'volunteers.create', { lastName: 'Сәрсенбаева', firstName: 'Әйгерім', region: 'KZ-75' });
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });
  const incoming = path.join(centre.dir, 'from almaty.erikti');
  writeFileSync(incoming, bundle(almaty.core, 'KZ'));
  const outgoing = path.join(centre.dir, 'to almaty.erikti');

  // Stands in for the preload's window.eriktiFiles and the main process's dialogs (dialogs.ts):
  // the host runs in this process, so a token issued here is one its core accepts.
  const suggested: string[] = [];
  await page.exposeFunction('standInOpenBundle', () => ({ token: issueFileToken(incoming, 'read'), name: path.basename(incoming) }));
  await page.exposeFunction('standInSaveBundle', (name: string) => {
    suggested.push(name);
    return { token: issueFileToken(outgoing, 'write'), name: path.basename(outgoing) };
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...args: unknown[]) => unknown>;
    Object.defineProperty(window, 'eriktiFiles', {
      value: Object.freeze({ openBundle: () => w.standInOpenBundle!(), saveBundle: (name: string) => w.standInSaveBundle!(name) }),
    });
  });
  const sources: unknown[] = [];
  page.on('request', (request) => {
    if (/\/api\/exchange\.(preview|import|export)$/.test(request.url())) sources.push((request.postDataJSON() as { input: unknown }).input);
  });

  await page.goto(centre.host.url);
  await signIn(page, 'coord', 'coordinator pass');
  await page.locator('nav a[href="#/exchange"]').click();

  // No file input: the button opens the dialog; the preview and the import name the file by token.
  await expect(page.locator('input#exchange-file')).toHaveCount(0);
  await page.getByTestId('exchange-file').click();
  await expect(page.getByTestId('exchange-preview')).toBeVisible();
  await expect(page.getByTestId('exchange-import')).toContainText('from almaty.erikti');
  await expect(page.getByTestId('exchange-count-volunteers-created')).toHaveText('1');
  await page.getByTestId('exchange-apply').click();
  await expect(page.getByTestId('exchange-applied')).toBeVisible();
  expect(centre.core.callAs(CLI_ACTOR, 'volunteers.search', {}).total).toBe(1);

  // Export: the save dialog first (with a plain suggested name), then the core writes the file.
  await page.locator('#exchange-to').selectOption('KZ-75');
  await page.getByTestId('exchange-export-run').click();
  await expect(page.getByTestId('exchange-export-done')).toContainText(text(ru, 'exchange.export.savedAs').replace('{{file}}', 'to almaty.erikti'));
  expect(suggested).toHaveLength(1);
  expect(suggested[0]).toMatch(/^erikti-KZ-to-KZ-75-\d{4}-\d{2}-\d{2}\.erikti$/);
  expect(existsSync(outgoing)).toBe(true);
  expect(almaty.core.callAs(CLI_ACTOR, 'exchange.preview', { source: { base64: readFileSync(outgoing).toString('base64') } }).from.office).toBe('KZ');

  expect(sources).toHaveLength(3);
  for (const input of sources) expect(JSON.stringify(input)).not.toContain(centre.dir);
  expect(sources[0]).toEqual({ source: { token: expect.any(String) } });
  expect(sources[2]).toMatchObject({ to: 'KZ-75', target: { token: expect.any(String) } });
});

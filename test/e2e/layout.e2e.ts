import { CLI_ACTOR } from '../../electron/core/app';
import { closeOffice, expect, openOffice, test } from './fixtures';
import { signIn, speak } from './kit';

// 1366 × 768 is the most common office screen.
test.use({ viewport: { width: 1366, height: 768 } });

test('at 1366 px every section of an administrator at the centre fits the header, in kk, ru and en', async ({ page }) => {
  // The centre has the longest office name, administrators the most sections.
  const office = await openOffice('KZ');
  try {
    office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Айгерім Сапарова', role: 'administrator', password: 'administrator pass' });
    await page.goto(office.host.url);
    await signIn(page, 'admin', 'administrator pass');
    const nav = page.locator('.shell-nav');
    await expect(nav.locator('a')).toHaveCount(7);
    // Events took the place of Roster import, which is a button on the Volunteers screen now.
    await expect(nav.locator('a[href="#/events"]')).toHaveCount(1);
    await expect(nav.locator('a[href="#/roster-import"]')).toHaveCount(0);
    for (const lang of ['kk', 'ru', 'en'] as const) {
      await speak(page, lang);
      // The navigation scrolls sideways when it cannot fit: here it must not need to.
      await expect.poll(() => nav.evaluate((el) => el.scrollWidth - el.clientWidth), { message: lang }).toBeLessThanOrEqual(0);
    }
  } finally {
    await closeOffice(office);
  }
});

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
    // The overview (dashboard and reports as its tabs) is the first entry.
    await expect(nav.locator('a')).toHaveCount(8);
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

test('at 1366 px the roster’s filters sit on one row (two tidy ones with “Registered since” on) and no column header is cut, in kk, ru and en; a new order starts at the top', async ({ page }) => {
  const office = await openOffice('KZ-75');
  try {
    office.core.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Айгерім Сапарова', role: 'administrator', password: 'administrator pass' });
    for (let i = 0; i < 120; i += 1) {
      office.core.callAs(CLI_ACTOR, 'volunteers.create', { lastName: `Оспанов${String.fromCharCode(1040 + (i % 30))}`, firstName: 'Ерлан', birthDate: `19${70 + (i % 30)}-03-08` });
    }
    await page.goto(office.host.url);
    await signIn(page, 'admin', 'administrator pass');
    await page.locator('nav a[href="#/volunteers"]').click(); // the overview is the landing screen
    // With a filter on, the bar also offers to clear it: the widest it gets.
    await page.locator('#filter-status').selectOption('active');
    const filters = page.locator('.filters').first();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      await speak(page, lang);
      // One row: every control's middle at the same height (a link is shorter than a select).
      const middles = await filters.locator('.filter-group > *').evaluateAll((els) => els.map((el) => Math.round((el.getBoundingClientRect().top + el.getBoundingClientRect().bottom) / 2)));
      expect(Math.max(...middles) - Math.min(...middles), `${lang}: filters on one row`).toBeLessThanOrEqual(2);
      const placeholderCut = await page.locator('.filters .search').evaluate((el: HTMLInputElement) => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(el).font;
        probe.textContent = el.placeholder;
        document.body.append(probe);
        const wide = probe.getBoundingClientRect().width;
        probe.remove();
        return wide > el.clientWidth - 16;
      });
      expect(placeholderCut, `${lang}: search placeholder cut`).toBe(false);
      const cut = await page.locator('.roster-table [role=columnheader]').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
      expect(cut, `${lang}: headers cut`).toEqual([]);
    }
    const body = page.locator('.roster-table .table-body');
    await body.evaluate((el) => (el.scrollTop = 2000));
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    await page.locator('.roster-table [role=columnheader] button', { hasText: 'Date of birth' }).click();
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);

    // With "Registered since" on (the overview's "new this month") the bar is wider than 1366 px in
    // some languages: then the toggles move to a second row together, starting at the left edge,
    // and each row's controls stay in line (nothing left alone at the end of a row).
    await page.evaluate(() => void (window.location.hash = '#/volunteers?status=active&createdFrom=2026-01-01'));
    await expect(page.getByTestId('filter-created-from')).toBeVisible();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      await speak(page, lang);
      const groups = await filters.locator('.filter-group').evaluateAll((els) =>
        els.map((g) => {
          const boxes = Array.from(g.children, (el) => el.getBoundingClientRect());
          const middles = boxes.map((b) => Math.round((b.top + b.bottom) / 2));
          return { left: Math.round(g.getBoundingClientRect().left), spread: Math.max(...middles) - Math.min(...middles), middle: middles[0]!, right: Math.max(...boxes.map((b) => b.right)) };
        }),
      );
      expect(groups.length, `${lang}: two groups`).toBe(2);
      const [fields, toggles] = groups as [(typeof groups)[0], (typeof groups)[0]];
      expect(fields.spread, `${lang}: the fields on one row`).toBeLessThanOrEqual(2);
      expect(toggles.spread, `${lang}: the toggles on one row`).toBeLessThanOrEqual(2);
      if (Math.abs(toggles.middle - fields.middle) > 2) expect(toggles.left, `${lang}: a second row starts at the left edge`).toBe(fields.left);
      expect(Math.max(fields.right, toggles.right), `${lang}: nothing beyond the window`).toBeLessThanOrEqual(1366);
    }
  } finally {
    await closeOffice(office);
  }
});

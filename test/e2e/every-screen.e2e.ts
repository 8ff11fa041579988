import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { makeIin } from '../../shared/domain/iin';
import { todayInKazakhstan } from '../../shared/domain/trainings';
import { closeOffice, expect, openOffice, test, trustEachOther, type Office } from './fixtures';
import { AIGERIM, carry, DANIYAR, langs, shots, signIn, speak, text } from './kit';

/**
 * Every screen at 1366 × 768 in kk, ru and en: axe finds nothing serious, nothing overflows or is cut,
 * and a screenshot of each lands in .tmp-scratch/screens/<lang>/<screen>.png for review.
 * The screens come from renderer/app/routes.tsx itself, so a new route is checked (or, if it takes a
 * parameter this file cannot fill, the test says so) without anyone remembering to add it here.
 */

test.use({ viewport: { width: 1366, height: 768 } });
test.setTimeout(900_000);

const here = path.dirname(fileURLToPath(import.meta.url));
const LANGS = ['kk', 'ru', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Name and path of each route, read from the one table of routes. */
function routesTable(): { name: string; path: string }[] {
  const source = readFileSync(path.join(here, '../../renderer/app/routes.tsx'), 'utf8');
  return [...source.matchAll(/\broute\(\s*'([^']+)',\s*'([^']*)'/g)].map(([, name, p]) => ({ name: name!, path: p! }));
}

const dayOffset = (days: number) => {
  const d = new Date(`${todayInKazakhstan()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * A small office with one of each record, and a peer (the centre) it exchanges with: one bundle in,
 * a concurrent edit (a conflict) and a likely duplicate. Returns the ids a route's ':id' takes, by
 * route name: ADD A LINE HERE for a new screen about one record.
 */
function seed(office: Core, centre: Core): Record<string, string> {
  office.callAs(CLI_ACTOR, 'users.add', { login: 'admin', displayName: 'Айгерім Сапарова-Жақсылықова', role: 'administrator', password: 'administrator pass' });
  office.callAs(CLI_ACTOR, 'users.add', { login: 'clerk', displayName: 'Clerk', role: 'staff', password: 'clerk password' });
  trustEachOther(office, centre);

  const volunteer = office.callAs(AIGERIM, 'volunteers.create', {
    lastName: 'Жұмабекова', firstName: 'Гүлназ', middleName: 'Қайратқызы', birthDate: '1998-05-14', iin: makeIin('1998-05-14', 'F', 123),
    phone: '+7 701 555 12 34', email: 'gulnaz@example.kz', region: 'KZ-75', locality: 'Алматы, Бостандық ауданы', languages: ['kk', 'ru'], status: 'active',
  }).id;
  office.callAs(AIGERIM, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08', phone: '+7 702 111 22 33' });
  const organisation = office.callAs(AIGERIM, 'organisations.create', { name: 'Ұлттық еріктілер қауымдастығы', type: 'association' }).id;
  office.callAs(AIGERIM, 'organisations.addMember', { organisationId: organisation, volunteerId: volunteer });

  const kind = office.callAs(CLI_ACTOR, 'trainings.kinds.add', { names: { ru: 'Первая помощь', kk: 'Алғашқы көмек', en: 'First aid' }, validityMonths: 24 }).id;
  const program = office.callAs(CLI_ACTOR, 'trainings.programs.add', { title: { ru: 'Основы первой помощи', kk: 'Алғашқы көмек негіздері', en: 'First aid basics' }, hours: 8, grants: kind }).id;
  const session = office.callAs(CLI_ACTOR, 'trainings.sessions.add', { programId: program, start: todayInKazakhstan(), end: todayInKazakhstan(), place: 'Алматы, Абай даңғылы 10', capacity: 12 }).id;
  office.callAs(CLI_ACTOR, 'trainings.sessions.setStatus', { id: session, status: 'open' });
  office.callAs(CLI_ACTOR, 'trainings.enrol', { sessionId: session, volunteerIds: [volunteer] });
  office.callAs(CLI_ACTOR, 'trainings.result', { sessionId: session, volunteerId: volunteer, outcome: 'passed' });
  office.callAs(CLI_ACTOR, 'certificates.issue', { kind: 'training', volunteerId: volunteer, sessionId: session });

  const event = office.callAs(CLI_ACTOR, 'events.add', {
    title: 'Помощь пожилым: продуктовые наборы', category: 'socialSupport', start: dayOffset(-1), end: dayOffset(1), region: 'KZ-75', place: 'Алматы, ул. Толе би 55',
  }).id;
  const shift = office.callAs(CLI_ACTOR, 'events.shifts.add', {
    eventId: event, title: 'Сборка наборов', start: `${dayOffset(-1)}T08:00`, end: `${dayOffset(1)}T20:00`, needed: 3, meetingPoint: 'Вход со двора',
  }).id;
  office.callAs(CLI_ACTOR, 'events.assign', { shiftId: shift, volunteerIds: [volunteer] });
  office.callAs(CLI_ACTOR, 'hours.add', { volunteerId: volunteer, date: dayOffset(-2), hours: 4, category: 'socialSupport', verified: true });
  // Logistics: radios allocated, one handed out (who holds what), a bus with a trip and its passenger.
  const radios = office.callAs(CLI_ACTOR, 'inventory.add', { name: { ru: 'Рация Motorola', kk: 'Motorola рациясы' }, kind: 'reusable', unit: 'pcs', quantity: 6 }).id;
  office.callAs(CLI_ACTOR, 'logistics.allocate', { eventId: event, itemId: radios, quantity: 2 });
  office.callAs(CLI_ACTOR, 'logistics.issue', { eventId: event, itemId: radios, volunteerId: volunteer, quantity: 1 });
  const driver = office.callAs(AIGERIM, 'volunteers.create', { lastName: 'Серіков', firstName: 'Нұрлан', birthDate: '1985-01-20', region: 'KZ-75', drivingCategories: ['B', 'D'] }).id;
  const bus = office.callAs(CLI_ACTOR, 'vehicles.add', { plate: '777 ABD 02', model: 'Yutong', seats: 18, category: 'D' }).id;
  const trip = office.callAs(CLI_ACTOR, 'trips.add', {
    eventId: event, vehicleId: bus, driverId: driver, departAt: `${dayOffset(-1)}T07:30`, returnAt: `${dayOffset(-1)}T21:00`, departPlace: 'Алматы, офис', destination: 'ул. Толе би 55',
  }).id;
  office.callAs(CLI_ACTOR, 'trips.passengers.add', { tripId: trip, volunteerIds: [volunteer] });
  // A transfer from the centre, to receive (carried below).
  const tents = centre.callAs(DANIYAR, 'inventory.add', { name: { ru: 'Палатка шестиместная', kk: 'Алты орындық шатыр' }, kind: 'reusable', unit: 'pcs', quantity: 10 }).id;
  centre.callAs(DANIYAR, 'inventory.transfer', { itemId: tents, quantity: 4, toOffice: 'KZ-75', reason: 'Паводок' });

  // From the centre: a person this office also registered (a likely duplicate) and a record both edit (a conflict).
  centre.callAs(DANIYAR, 'volunteers.create', { lastName: 'Оспанов', firstName: 'Ерлан', birthDate: '1990-03-08', region: 'KZ-71' });
  const shared = office.callAs(AIGERIM, 'volunteers.create', { lastName: 'Сәрсенбаева', firstName: 'Әйгерім', phone: '+7 701 000 12 34', region: 'KZ-75' }).id;
  carry(office, centre, 'KZ');
  centre.callAs(DANIYAR, 'volunteers.update', { id: shared, patch: { phone: '+7 707 000 00 01' } });
  office.callAs(AIGERIM, 'volunteers.update', { id: shared, patch: { phone: '+7 777 999 88 77' } });
  carry(centre, office, 'KZ-75');

  const ids = { volunteer, organisation, event, session, program, kind };
  return {
    volunteer: ids.volunteer, volunteerEdit: ids.volunteer,
    organisation: ids.organisation, organisationEdit: ids.organisation,
    event: ids.event, eventEdit: ids.event, eventDay: ids.event,
    session: ids.session, sessionEdit: ids.session,
    programEdit: ids.program, kindEdit: ids.kind,
  };
}

/**
 * Views a screen shows after a click (its address stays): checked after the screen itself, then
 * undone. ADD A LINE HERE for a screen with a second view worth checking.
 */
const goTo = (page: Page, hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);
const monthStart = () => `${todayInKazakhstan().slice(0, 7)}-01`;

const MORE_VIEWS: Record<string, { name: string; open: (page: Page, lang: Lang) => Promise<void>; back: (page: Page, lang: Lang) => Promise<void> }[]> = {
  // The lists as the overview's figures open them, filtered by their address.
  volunteers: [{
    name: 'volunteersFromOverview',
    open: (page) => goTo(page, `#/volunteers?status=active&createdFrom=${monthStart()}`),
    back: (page, lang) => page.getByRole('button', { name: text(langs[lang], 'roster.clear'), exact: true }).click(),
  }],
  hours: [{ name: 'hoursWaiting', open: (page) => goTo(page, '#/hours?waiting=1'), back: (page) => goTo(page, '#/hours') }],
  events: [{
    name: 'eventsCalendar',
    open: (page) => page.getByTestId('events-view-calendar').click(),
    back: (page) => page.getByTestId('events-view-list').click(),
  }, {
    name: 'eventsFromOverview',
    open: (page) => goTo(page, '#/events?upcoming=1&understaffed=1&region=KZ-75'),
    back: async (page) => {
      await page.getByTestId('events-upcoming').click();
      await page.getByTestId('events-understaffed').click();
    },
  }],
  // The dialogs: opened by keyboard, closed with Escape.
  session: [
    { name: 'enrolDialog', open: (page) => page.getByTestId('enrol-open').press('Enter'), back: (page) => page.keyboard.press('Escape') },
    { name: 'issuePreviewDialog', open: (page) => page.getByTestId('session-issue-certificates').press('Enter'), back: (page) => page.keyboard.press('Escape') },
  ],
  // A stock action's form and a return's, opened by keyboard, closed with Escape.
  logistics: [{ name: 'stockDialog', open: (page) => page.getByTestId('stock-writeOff').first().press('Enter'), back: (page) => page.keyboard.press('Escape') }],
  event: [{ name: 'returnDialog', open: (page) => page.getByTestId('held-return').first().press('Enter'), back: (page) => page.keyboard.press('Escape') }],
  trainings: [{
    name: 'trainingsCalendar',
    open: (page, lang) => page.getByRole('button', { name: text(langs[lang], 'trainings.sessions.calendarView') }).click(),
    back: (page, lang) => page.getByRole('button', { name: text(langs[lang], 'trainings.sessions.listView') }).click(),
  }, {
    name: 'trainingsFromOverview',
    open: (page) => goTo(page, `#/trainings?heldSince=${todayInKazakhstan().slice(0, 4)}-01-01`),
    back: (page) => page.getByTestId('sessions-held-since').click(),
  }],
};

/** What a screen must not do at this size; run in the page. Each problem is one readable line. */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const viewport = document.documentElement.clientWidth;
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const words = ((el as HTMLElement).innerText || (el as HTMLInputElement).placeholder || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${words.slice(0, 50)}"`;
  };
  // Scrolling sideways is intended only in a table's body and the like; text may end in "…" only
  // when it is in full in its tooltip (data, such as a long name, can be any length). Our own
  // words (labels, headers, buttons, navigation) must fit.
  const scrollsOnPurpose = (el: Element) => el.matches('.table-body, .pick-list, .report-items, .dialog, [data-scrolls]');
  // A canvas measures text without laying the page out again.
  const pen = document.createElement('canvas').getContext('2d')!;
  const measure = (font: string, words: string) => {
    pen.font = font;
    return pen.measureText(words).width;
  };
  const inScroller = (el: Element) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (scrollsOnPurpose(up)) return true;
    return false;
  };
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.display === 'contents') continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || el.closest('.visually-hidden, svg, canvas')) continue;
    if (inScroller(el)) continue;
    if (box.right > viewport + 1 && style.position !== 'fixed') problems.push(`beyond the window's right edge by ${Math.round(box.right - viewport)}px: ${describe(el)}`);
    if (el instanceof HTMLInputElement && el.placeholder && ['text', 'search', 'email', 'tel', ''].includes(el.type)) {
      const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      if (measure(style.font, el.placeholder) > el.clientWidth - pad + 1) problems.push(`placeholder cut: ${describe(el)}`);
      continue;
    }
    if (el instanceof HTMLSelectElement) {
      const shown = el.selectedOptions[0]?.text ?? '';
      // The arrow takes about 20 px beside the padding.
      const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 18;
      if (measure(style.font, shown) > el.clientWidth - pad + 1) problems.push(`choice cut: ${describe(el)} shows "${shown}"`);
      continue;
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || style.display === 'inline') continue;
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    if (scrollsOnPurpose(el)) continue;
    const ellipsis = style.textOverflow === 'ellipsis';
    const words = (el as HTMLElement).innerText.trim();
    if (ellipsis && words && (el.closest('[title]')?.getAttribute('title') ?? '').includes(words)) continue;
    const how = style.overflowX === 'visible' ? 'spills out of' : ellipsis ? 'cut with … in' : style.overflowX === 'hidden' || style.overflowX === 'clip' ? 'cut off in' : 'scrolls sideways in';
    problems.push(`content ${how} ${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
  }
  return [...new Set(problems)];
}

/**
 * Keyboard use; run in the page after a key press (so focus shows as it does for a keyboard user).
 * Everything that takes a click takes the keyboard too, and shows where the focus is.
 */
function keyboardProblems(): string[] {
  const problems: string[] = [];
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> "${((el as HTMLElement).innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  const shown = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
  };
  // WCAG's relative luminance, and the contrast a focus ring needs against what is behind it (3:1).
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const behind = (el: Element) => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      const bg = getComputedStyle(up).backgroundColor;
      if (bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const ring = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.boxShadow !== 'none') return true;
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && contrast(style.outlineColor, behind(el)) >= 3;
  };
  const before = document.activeElement as HTMLElement | null;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(focusable))) {
    if (!shown(el) || (el as HTMLButtonElement).disabled) continue;
    el.focus({ preventScroll: true });
    if (document.activeElement === el && !ring(el)) problems.push(`no visible focus: ${describe(el)}`);
  }
  before?.focus({ preventScroll: true });
  // A pointer cursor promises a click; without anything focusable in or around it, a keyboard cannot.
  // The cursor is inherited: what takes the click is the outermost element showing it (a table's row).
  const pointing = (el: Element | null) => !!el && getComputedStyle(el).cursor === 'pointer';
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!pointing(el) || pointing(el.parentElement) || !shown(el)) continue;
    if (el.closest(focusable) || el.querySelector(focusable) || el.closest('label')?.control) continue;
    problems.push(`click only: ${describe(el)}`);
  }
  return [...new Set(problems)];
}

/** Until the screen stops loading and changing. */
async function settle(page: Page, lang: Lang): Promise<void> {
  const loading = text(langs[lang], 'common.loading');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('#root').innerHTML();
        const still = now === last && !(await page.locator('#root').innerText()).includes(loading);
        last = now;
        return still;
      },
      { intervals: [100, 150, 200], timeout: 10_000 },
    )
    .toBe(true);
}

interface Found {
  screen: string;
  lang: Lang;
  axe: string[];
  minor: string[];
  layout: string[];
  keyboard: string[];
}

async function check(page: Page, screen: string, lang: Lang): Promise<Found> {
  const started = Date.now();
  await settle(page, lang);
  const settled = Date.now();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // Only what fails is wanted: axe then skips gathering every passing node, most of its time.
    .options({ resultTypes: ['violations'] })
    // In the page itself: the screens have no frames, and the default opens a blank page per run.
    .setLegacyMode()
    .analyze();
  const axed = Date.now();
  const line = (v: (typeof results.violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ''}`;
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !serious.includes(v));
  const layout = await page.evaluate(layoutProblems);
  const dir = path.join(shots, 'screens', lang);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${screen}.png`) });
  // Shift (not Tab) tells the browser a keyboard is in use without moving the focus.
  await page.keyboard.press('Shift');
  const keyboard = await page.evaluate(keyboardProblems);
  const f = { screen, lang, axe: serious.map(line), minor: minor.map(line), layout, keyboard };
  if (process.env.SCREENS_LOG) console.log(`${lang} ${screen} ${settled - started} ${axed - settled} ${Date.now() - axed} ms`, JSON.stringify(f, null, 1));
  return f;
}

const opened: Office[] = [];
test.afterAll(async () => {
  for (const office of opened.splice(0)) await closeOffice(office);
});

test('every screen at 1366 × 768 in kk, ru and en: axe finds nothing serious, nothing overflows or is cut, the keyboard reaches everything with a visible focus', async ({ page }) => {
  const office = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  const fresh = await openOffice(null);
  opened.push(office, centre, fresh);
  const idFor = seed(office.core, centre.core);

  const routes = routesTable();
  expect(routes.length, 'routes read from routes.tsx').toBeGreaterThan(30);
  const unfilled = routes.filter((r) => r.path.includes(':') && !idFor[r.name]).map((r) => r.name);
  expect(unfilled, 'screens about one record need an id from seed()').toEqual([]);

  const found: Found[] = [];
  // Before anyone has signed in: the first run's setup, then sign-in.
  await page.goto(fresh.host.url);
  await expect(page.locator('#setup-login')).toBeVisible();
  for (const lang of LANGS) {
    await speak(page, lang);
    found.push(await check(page, 'setup', lang));
  }
  await page.goto(office.host.url);
  await expect(page.locator('#signin-login')).toBeVisible();
  for (const lang of LANGS) {
    await speak(page, lang);
    found.push(await check(page, 'signIn', lang));
  }

  await signIn(page, 'admin', 'administrator pass');
  await expect(page.locator('.shell-nav')).toBeVisible();
  for (const lang of LANGS) {
    await speak(page, lang);
    // SCREENS=logistics,event checks only those (a quick look at the screens one changed).
    const only = process.env.SCREENS?.split(',');
    for (const { name, path: pattern } of routes.filter((r) => !only || only.includes(r.name))) {
      const hash = `#/${pattern.replace(/:id\b/, idFor[name] ?? '')}`;
      await page.evaluate((h) => void (window.location.hash = h), hash);
      await expect(page).toHaveURL(new RegExp(`${hash.replace(/[/#]/g, '\\$&')}$`));
      found.push(await check(page, name, lang));
      for (const view of MORE_VIEWS[name] ?? []) {
        await view.open(page, lang);
        found.push(await check(page, view.name, lang));
        await view.back(page, lang);
      }
    }
  }

  // The whole list, readably, for review; then the verdict.
  const report = found
    .filter((f) => f.axe.length + f.minor.length + f.layout.length + f.keyboard.length > 0)
    .map((f) => [`## ${f.lang} ${f.screen}`, ...[...f.axe, ...f.layout, ...f.keyboard].map((l) => `  ${l}`), ...f.minor.map((l) => `  (minor) ${l}`)].join('\n'))
    .join('\n');
  writeFileSync(path.join(shots, 'screens', 'report.txt'), `${report}\n`);
  const failures = found.flatMap((f) => [...f.axe, ...f.layout, ...f.keyboard].map((l) => `${f.lang} ${f.screen}: ${l}`));
  expect(failures, 'serious accessibility violations and layout problems').toEqual([]);
});

test('a dialog keeps the keyboard inside it, closes with Escape and gives the focus back to its button', async ({ page }) => {
  const office = await openOffice('KZ-75');
  const centre = await openOffice('KZ');
  opened.push(office, centre);
  const idFor = seed(office.core, centre.core);
  await page.goto(office.host.url);
  await signIn(page, 'admin', 'administrator pass');
  await expect(page.locator('.shell-nav')).toBeVisible();
  await page.evaluate((h) => void (window.location.hash = h), `#/trainings/sessions/${idFor.session}`);
  const opener = page.getByTestId('enrol-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('enrol-dialog');
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    expect(await inDialog(), `Tab ${i + 1}`).toBe(true);
  }
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Shift+Tab');
    expect(await inDialog(), `Shift+Tab ${i + 1}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // A dialog without a field to type in takes the focus all the same.
  const issue = page.getByTestId('session-issue-certificates');
  await issue.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('issue-preview')).toBeVisible();
  expect(await inDialog()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(issue).toBeFocused();
});

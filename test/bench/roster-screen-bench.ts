import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../../electron/core/app';
import { startHost } from '../../electron/host/server';
import { launchChromium } from '../helpers/browser';
import { percentile, round } from './search-bench';

/**
 * From navigation (a full page load of the app, signed in) to the first rows of the 200k roster
 * on screen, in Debian's Chromium through the web host. Median and worst of several loads.
 */
export async function benchRosterScreen(core: Core, login: string, password: string, loads = 5): Promise<{ roster_first_rows_ms: number; roster_first_rows_max_ms: number }> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const host = await startHost({ core, rendererDir: path.resolve(here, '../renderer'), port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.locator('#signin-login').fill(login);
    await page.locator('#signin-password').fill(password);
    await page.locator('button[type=submit]').click();
    await page.locator('[data-testid="roster-row"]').first().waitFor({ timeout: 30_000 });
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const start = performance.now();
      await page.reload();
      await page.locator('[data-testid="roster-row"]').first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - start);
    }
    return { roster_first_rows_ms: round(percentile(times, 50), 0), roster_first_rows_max_ms: round(Math.max(...times), 0) };
  } finally {
    await browser.close();
    await host.close();
  }
}

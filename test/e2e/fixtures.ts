import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { startHost, type RunningHost } from '../../electron/host/server';
import { testCore } from '../helpers/core-options';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Office {
  core: Core;
  host: RunningHost;
  dir: string;
}

/** A web host over a fresh office database (optionally already initialised, as `erikti init` would). */
export async function openOffice(code: string | null): Promise<Office> {
  const dir = mkdtempSync(path.join(tmpdir(), 'erikti-e2e-'));
  const core = testCore(path.join(dir, 'office.sqlite'));
  if (code) createOffice(core.db, code);
  const host = await startHost({ core, rendererDir: path.join(root, 'dist/renderer'), port: 0 });
  return { core, host, dir };
}

export async function closeOffice(office: Office): Promise<void> {
  await office.host.close();
  office.core.close();
  rmSync(office.dir, { recursive: true, force: true });
}

export const test = base.extend<{ office: Office }>({
  // eslint-disable-next-line no-empty-pattern
  office: async ({}, use) => {
    const office = await openOffice(null);
    await use(office);
    await closeOffice(office);
  },
});

/** Calls the contract from inside the page, as any script in it could. */
export function callFromPage(page: Page, host: RunningHost, name: string, input: unknown, session: string | null) {
  return page.evaluate(
    async ({ name, input, session, token }) => {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-erikti-token': token },
        body: JSON.stringify({ input, session }),
      });
      return res.json() as Promise<{ ok: boolean; error?: { code: string } }>;
    },
    { name, input, session, token: host.token },
  );
}

export { expect } from '@playwright/test';

/** Two offices that have exchanged key files and checked the fingerprints, as administrators do. */
export function trustEachOther(a: Core, b: Core): void {
  const keyOf = (core: Core) => {
    const { keyFile, fingerprint } = core.callAs(CLI_ACTOR, 'keys.own', {});
    return { keyFile, fingerprint };
  };
  a.callAs(CLI_ACTOR, 'trust.add', keyOf(b));
  b.callAs(CLI_ACTOR, 'trust.add', keyOf(a));
}

/**
 * Almaty and Astana, each trusting the centre and trusted by it, and a coordinator at the centre
 * (`coord` / `coordinator pass`): where every exchange review scenario starts. `opened` collects
 * the offices so the test's teardown closes them.
 */
export async function almatyAstanaCentre(opened: Office[]): Promise<{ almaty: Office; astana: Office; centre: Office }> {
  const almaty = await openOffice('KZ-75');
  const astana = await openOffice('KZ-71');
  const centre = await openOffice('KZ');
  opened.push(almaty, astana, centre);
  trustEachOther(almaty.core, centre.core);
  trustEachOther(astana.core, centre.core);
  centre.core.callAs(CLI_ACTOR, 'users.add', { login: 'coord', displayName: 'Данияр Ахметов', role: 'coordinator', password: 'coordinator pass' });
  return { almaty, astana, centre };
}

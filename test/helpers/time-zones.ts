import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { expect } from 'vitest';
import { tempDir } from './temp-db';

/**
 * Builds `source` (a module path from the repository root) for node and evaluates `values`, a
 * JavaScript array expression over the module as `m`, in a fresh node process once with the
 * machine set to Asia/Almaty and once to UTC: what a module computes must not follow the
 * computer's zone. Checks that the two processes really ran in different zones.
 */
export function answersInBothZones(source: string, values: string): { almaty: unknown[]; utc: unknown[] } {
  const dir = tempDir();
  const bundle = path.join(dir, 'module.cjs');
  buildSync({ entryPoints: [path.resolve(source)], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
  const script = path.join(dir, 'probe.cjs');
  writeFileSync(script, `const m = require(${JSON.stringify(bundle)});
    console.log(JSON.stringify([...${values}, new Date().getTimezoneOffset()]));`);
  const run = (tz: string) => {
    const out = spawnSync(process.execPath, [script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    return JSON.parse(out.stdout) as unknown[];
  };
  const almaty = run('Asia/Almaty');
  const utc = run('UTC');
  expect(almaty.pop()).toBe(-300);
  expect(utc.pop()).toBe(0);
  return { almaty, utc };
}

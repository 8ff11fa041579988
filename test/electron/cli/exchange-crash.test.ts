import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOffice } from '../../../electron/core/office/identity';
import { seedRoster } from '../../../electron/core/seed/seed';
import { databaseState, eriktiJson, eriktiStoppedAfter } from '../../helpers/cli';
import { testCore } from '../../helpers/core-options';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('an import killed at random points', () => {
  it('leaves the database as it was, and importing again gives what an uninterrupted import gives', async () => {
    const dir = tempDir();
    const region = path.join(dir, 'region.sqlite');
    const centre = path.join(dir, 'centre.sqlite');
    initOfficeFile(centre, 'KZ');
    const core = testCore(region);
    createOffice(core.db, 'KZ-35');
    seedRoster(core.db, { volunteers: 20_000, seed: 5 });
    core.close();
    const regionKeys = eriktiJson<{ fingerprint: string }>(['keys', 'export', '--db', region, '--out', path.join(dir, 'r.pub')]);
    const centreKeys = eriktiJson<{ fingerprint: string }>(['keys', 'export', '--db', centre, '--out', path.join(dir, 'c.pub')]);
    eriktiJson(['keys', 'trust', '--db', region, '--fingerprint', centreKeys.fingerprint, path.join(dir, 'c.pub')]);
    eriktiJson(['keys', 'trust', '--db', centre, '--fingerprint', regionKeys.fingerprint, path.join(dir, 'r.pub')]);
    const bundle = path.join(dir, 'big.erikti');
    eriktiJson(['export', '--db', region, '--out', bundle]);
    eriktiJson(['volunteers', 'add', '--db', centre, '--json', '{"lastName":"Центрова","firstName":"Алия"}']);

    // The reference: an uninterrupted import into a copy of the same database.
    const reference = path.join(dir, 'reference.sqlite');
    copyFileSync(centre, reference);
    const started = Date.now();
    eriktiJson(['import', '--db', reference, bundle]);
    const fullImportMs = Date.now() - started;
    const expected = databaseState(reference).dump;
    const before = databaseState(centre);
    expect(before.integrity).toBe('ok');
    // Each attempt starts from the database as it was: an attempt the kill came too late for has
    // imported everything, and every later one would only re-import it.
    const pristine = path.join(dir, 'pristine.sqlite');
    copyFileSync(centre, pristine);
    const restart = () => {
      for (const leftover of ['-wal', '-shm']) rmSync(`${centre}${leftover}`, { force: true });
      copyFileSync(pristine, centre);
    };

    let interrupted = 0;
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    let r = seed;
    const rnd = () => ((r = (r * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Node and the CLI take ~150 ms to start; the transaction runs in the rest of the import's time.
    for (let attempt = 0; attempt < 4 && interrupted === 0; attempt++) {
      restart();
      const ms = 200 + Math.floor(rnd() * Math.max(100, fullImportMs * 0.8 - 200));
      const { killed } = await eriktiStoppedAfter(['import', '--db', centre, bundle], 'SIGKILL', ms);
      const after = databaseState(centre);
      expect(after.integrity, `seed ${seed}, killed after ${ms} ms`).toBe('ok');
      if (killed && after.dump === before.dump) interrupted++;
      else expect(after.dump, `seed ${seed}: a finished import must be complete`).toBe(expected);
    }
    expect(interrupted, `seed ${seed}: no kill landed inside the import (full import takes ${fullImportMs} ms)`).toBeGreaterThan(0);
    eriktiJson(['import', '--db', centre, bundle]);
    expect(databaseState(centre).dump).toBe(expected);
  }, 240_000);
});

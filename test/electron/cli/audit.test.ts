import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app';
import { recordAudit } from '../../../electron/core/audit/log';
import { erikti } from '../../helpers/cli';
import { TEST_CORE_OPTIONS } from '../../helpers/core-options';
import { initOfficeFile, tempDir } from '../../helpers/temp-db';

describe('erikti audit', () => {
  it('prints the trail as JSON lines, newest first, filtered by days and by kind of act or one act', () => {
    const db = initOfficeFile(path.join(tempDir(), 'office.sqlite'), 'KZ-19');
    const core = createCore(db, TEST_CORE_OPTIONS);
    recordAudit(core.db, { at: '2026-03-01T05:00:00.000Z', actor: 'aigerim@KZ-19', action: 'auth.signedIn', subject: 'aigerim' });
    recordAudit(core.db, { at: '2026-03-02T05:00:00.000Z', actor: 'aigerim@KZ-19', action: 'export.roster', subject: 'erikti.xlsx', detail: { rows: '12' } });
    recordAudit(core.db, { at: '2026-03-03T05:00:00.000Z', actor: 'bolat@KZ-19', action: 'export.hours', subject: '…' });
    core.close();
    const lines = (args: string[]) => {
      const r = erikti(['audit', '--db', db, ...args]);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { action: string; at: string; detail: object });
    };
    expect(lines([]).map((l) => l.action)).toEqual(['export.hours', 'export.roster', 'auth.signedIn']);
    expect(lines(['--from', '2026-03-02', '--to', '2026-03-02'])).toEqual([
      { at: '2026-03-02T05:00:00.000Z', actor: 'aigerim@KZ-19', action: 'export.roster', subject: 'erikti.xlsx', detail: { rows: '12' } },
    ]);
    expect(lines(['--action', 'export']).map((l) => l.action)).toEqual(['export.hours', 'export.roster']);
    expect(lines(['--action', 'auth.signedIn']).map((l) => l.action)).toEqual(['auth.signedIn']);
    expect(erikti(['audit', '--db', db, '--action', 'no.such']).status).not.toBe(0);
  });
});

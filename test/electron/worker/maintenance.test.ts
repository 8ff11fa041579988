import { describe, expect, it } from 'vitest';
import { inProcessClient, type CoreClient } from '../../../electron/worker/client';
import { scheduleMaintenance } from '../../../electron/worker/maintenance';
import { ADMIN, officeCore } from '../../helpers/temp-db';
import { volunteer } from '../core/events/helpers';

const waitFor = async (done: () => boolean, ms = 5000) => {
  for (const start = Date.now(); !done(); ) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the runtime’s maintenance timers', () => {
  it('recount every stale month of the hours ledger, a couple per call, until none is left; a stop stops them', async () => {
    const core = officeCore('KZ-19');
    const person = volunteer(core, 'Абаев');
    for (const month of ['01', '02', '03', '04', '05']) core.callAs(ADMIN, 'hours.add', { volunteerId: person, date: `2026-${month}-10`, hours: 2, category: 'socialSupport' });
    const stale = () => core.db.prepare('SELECT count(*) FROM hour_months_stale').pluck().get() as number;
    expect(stale()).toBe(5);
    const calls: string[] = [];
    const client = inProcessClient(core);
    const counting: CoreClient = {
      ...client,
      call: (name, input, session, options) => {
        calls.push(name);
        return client.call(name, input, session, options);
      },
    };
    const stop = scheduleMaintenance(counting, (message, error) => {
      throw new Error(`${message}: ${JSON.stringify(error)}`);
    }, { backupMs: 60_000, totalsMs: 60_000, firstAfterMs: 1 });
    await waitFor(() => stale() === 0);
    stop();
    // Five months, two a call: three calls, each a short write of its own.
    expect(calls.filter((name) => name === 'reports.refreshTotals')).toHaveLength(3);
    expect(calls).toContain('backups.runDue');
    expect(core.db.prepare('SELECT sum(hours) FROM hour_month_totals').pluck().get()).toBe(10);
  });
});

import type { CallResult } from '../../shared/contract';
import type { CoreClient } from './client';

/** How often the runtime asks whether a scheduled backup is due; the core decides (backups/settings.ts). */
export const BACKUP_TICK_MS = 60 * 60_000;
/** How often the runtime recounts the hours ledger's stale monthly sums (reports/hour-months.ts). */
export const TOTALS_TICK_MS = 5 * 60_000;

type Log = (message: string, error: unknown) => void;

/** Runs `tick` shortly after start and then every `tickMs`; neither timer keeps the process alive. Returns a stop. */
function every(tick: () => void, tickMs: number, firstAfterMs: number): () => void {
  const first = setTimeout(tick, firstAfterMs);
  const repeat = setInterval(tick, tickMs);
  first.unref();
  repeat.unref();
  return () => {
    clearTimeout(first);
    clearInterval(repeat);
  };
}

/**
 * The desktop app's and the web host's timers. All the work is the core's: each tick is a call.
 * - Backups: `backups.runDue` (is one due, the backup, the record).
 * - Report sums: `reports.refreshTotals`, a couple of months a call until none is stale, so an
 *   edit waits at most one short call, however many months an import touched.
 */
export function scheduleMaintenance(client: CoreClient, log: Log, ticks = { backupMs: BACKUP_TICK_MS, totalsMs: TOTALS_TICK_MS, firstAfterMs: 30_000 }): () => void {
  const backups = every(() => {
    void client.call('backups.runDue', {}, null).then((envelope) => {
      if (!envelope.ok) log('The scheduled backup check failed', envelope.error);
    });
  }, ticks.backupMs, ticks.firstAfterMs);
  let refreshing = false;
  const totals = every(() => {
    if (refreshing) return;
    refreshing = true;
    const next = (): Promise<void> =>
      client.call('reports.refreshTotals', { months: 2 }, null).then((envelope) => {
        if (!envelope.ok) return log('Recounting the monthly hours failed', envelope.error);
        const { refreshed, stale } = envelope.value as CallResult<'reports.refreshTotals'>;
        if (refreshed > 0 && stale > 0) return next();
      });
    void next().finally(() => {
      refreshing = false;
    });
  }, ticks.totalsMs, ticks.firstAfterMs);
  return () => {
    backups();
    totals();
  };
}

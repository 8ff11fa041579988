import type { CoreClient } from './client';

/** How often the runtime asks whether a scheduled backup is due; the core decides (backups/settings.ts). */
export const BACKUP_TICK_MS = 60 * 60_000;

/**
 * The desktop app's and the web host's backup timer: one tick shortly after start and one an
 * hour, each a `backups.runDue` call. All the work (is one due, the backup, the record) is the core's.
 */
export function scheduleBackups(client: CoreClient, log: (message: string, error: unknown) => void, tickMs = BACKUP_TICK_MS, firstAfterMs = 30_000): () => void {
  const tick = () => {
    void client.call('backups.runDue', {}, null).then((envelope) => {
      if (!envelope.ok) log('The scheduled backup check failed', envelope.error);
    });
  };
  const first = setTimeout(tick, firstAfterMs);
  const every = setInterval(tick, tickMs);
  // Neither keeps the process alive on its own.
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

import path from 'node:path';
import { recordAudit } from '../core/audit/log';
import { backupError } from '../core/backups/errors';
import { applyPendingRestore, previewBackup, stageRestore } from '../core/backups/restore';
import { recordResult } from '../core/backups/settings';
import { takeBackup } from '../core/backups/take';
import { readOffice } from '../core/office/identity';
import { progressReporter } from '../core/progress';
import { MIN_BACKUP_PASSWORD } from '../../shared/contract/backups';
import { DB, integer, json, need, UsageError, withOffice, type Commands } from './helpers';
import { cliCoreOptions } from './passphrase';
import { withProgress } from './progress-line';
import { askHidden } from './prompt';

/**
 * `erikti backup` and `erikti restore`: the same backups as the app's (electron/core/backups), for
 * scripts and for a new computer. The backup password comes from ERIKTI_BACKUP_PASSWORD, else it
 * is asked on the terminal (twice when a backup is made: a mistyped one could not be restored).
 */
async function backupPassword(confirm: boolean): Promise<string> {
  const fromEnv = process.env.ERIKTI_BACKUP_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await askHidden('Backup password: ');
  if (!first) throw new UsageError('set ERIKTI_BACKUP_PASSWORD or run in a terminal to type the backup password');
  if (confirm && (await askHidden('The same backup password again: ')) !== first) throw new UsageError('the two passwords differ; nothing was done');
  return first;
}

export const backupsCommands: Commands = {
  backup: {
    options: { ...DB, to: { type: 'string', value: 'DIR', required: true }, keep: { type: 'string', value: 'N' } },
    note: 'password from ERIKTI_BACKUP_PASSWORD or typed',
    run: async ({ options }, io) => {
      const folder = path.resolve(need(options, 'to'));
      const keep = integer(options, 'keep', 10);
      if (keep < 1) throw new UsageError('--keep needs at least 1');
      const password = await backupPassword(true);
      if ([...password].length < MIN_BACKUP_PASSWORD) throw backupError('weakPassword', `The backup password needs at least ${MIN_BACKUP_PASSWORD} characters`);
      withOffice(options, (core) => {
        const now = new Date();
        const made = withProgress(io, (control) => takeBackup(core.db, { folder, keep, password, now, progress: progressReporter(control) }));
        recordResult(core.db, now, { ok: true, file: made.name });
        const actor = `cli@${readOffice(core.db)?.code ?? '?'}`;
        recordAudit(core.db, { at: now.toISOString(), actor, action: 'backup.made', subject: made.name, detail: { folder, size: String(made.size) } });
        io.out(json({ file: path.join(folder, made.name), size: made.size, createdAt: made.facts.createdAt, counts: made.facts.counts, keysIncluded: made.keysIncluded, removed: made.removed }));
      });
    },
  },

  restore: {
    options: { ...DB, from: { type: 'string', value: 'BACKUP', required: true }, preview: { type: 'boolean' } },
    note: 'stop the app or web host on that database first; password from ERIKTI_BACKUP_PASSWORD or typed',
    run: async ({ options }, io) => {
      const db = path.resolve(need(options, 'db'));
      const backup = path.resolve(need(options, 'from'));
      const password = await backupPassword(false);
      if (options.preview) {
        io.out(json(withProgress(io, (control) => previewBackup(backup, password, path.dirname(db), progressReporter(control)))));
        return;
      }
      const now = new Date();
      const staged = withProgress(io, (control) =>
        stageRestore(db, backup, password, {
          keyProtector: cliCoreOptions().keyProtector,
          progress: progressReporter(control),
          record: (restored, preview) =>
            recordAudit(restored, { at: now.toISOString(), actor: `cli@${preview.office.code}`, action: 'backup.restored', subject: path.basename(backup), detail: { createdAt: preview.createdAt } }),
        }),
      );
      const keptAside = applyPendingRestore(db, now);
      io.out(json({ restored: db, keptAside, ...staged }));
    },
  },
};

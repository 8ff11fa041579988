import { actionsOfKind, AUDIT_KINDS, type AuditAction } from '../../shared/contract/audit';
import { CLI_ACTOR } from '../core/app';
import { DB, withOffice, type Commands, type Parsed } from './helpers';

const text = (options: Parsed['options'], name: string) => (typeof options[name] === 'string' ? options[name] : undefined);

/** `--action` names one act (export.roster) or a kind of act (export): the core validates the names. */
function actionsOf(option: string | undefined): AuditAction[] | undefined {
  if (!option) return undefined;
  return (AUDIT_KINDS as readonly string[]).includes(option) ? actionsOfKind(option as (typeof AUDIT_KINDS)[number]) : [option as AuditAction];
}

const PAGE = 500;

/** `erikti audit`: the office's audit trail, newest first, one JSON object per line (for scripts and log collectors). */
export const auditCommands: Commands = {
  audit: {
    options: {
      ...DB,
      from: { type: 'string', value: 'YYYY-MM-DD' },
      to: { type: 'string', value: 'YYYY-MM-DD' },
      action: { type: 'string', value: 'ACTION|KIND' },
      who: { type: 'string', value: 'TEXT' },
    },
    note: 'JSON lines, newest first',
    run: ({ options }, io) =>
      withOffice(options, (core) => {
        const query = { from: text(options, 'from'), to: text(options, 'to'), who: text(options, 'who'), actions: actionsOf(text(options, 'action')) };
        for (let offset = 0; ; offset += PAGE) {
          const { rows } = core.callAs(CLI_ACTOR, 'audit.log', { ...query, offset, limit: PAGE });
          for (const row of rows) io.out(`${JSON.stringify(row)}\n`);
          if (rows.length < PAGE) break;
        }
      }),
  },
};

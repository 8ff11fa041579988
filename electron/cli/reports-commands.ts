import path from 'node:path';
import { LANGS, type Lang } from '../../shared/i18n/translate';
import { CLI_ACTOR } from '../core/app';
import { DB, json, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { outPath, writeOutFile } from './out-file';

/**
 * `erikti reports` (the names) and `erikti report NAME`: the same figures as the Reports screen,
 * as JSON for scripts, or as the .xlsx / PDF the screen exports.
 */

const FILTERS = {
  from: { type: 'string', value: 'YYYY-MM-DD' },
  to: { type: 'string', value: 'YYYY-MM-DD' },
  region: { type: 'string', value: 'CODE' },
} as const;

const optional = (options: Parsed['options'], name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);

function formatOf(out: string): 'xlsx' | 'pdf' {
  const ext = path.extname(out).toLowerCase();
  if (ext === '.xlsx' || ext === '.pdf') return ext.slice(1) as 'xlsx' | 'pdf';
  throw new UsageError('--out must name a .xlsx or .pdf file');
}

export const reportsCommands: Commands = {
  reports: {
    options: DB,
    note: 'the report names, a JSON array',
    run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'reports.list', {})))),
  },
  report: {
    options: { ...DB, ...FILTERS, out: { type: 'string', value: 'FILE.xlsx|FILE.pdf' }, lang: { type: 'string', value: 'kk|ru|en' } },
    args: 'NAME',
    note: 'without --out: {name, from, to, region, rows, totals, notes} as JSON',
    run: (args, io) => {
      const name = args.positionals[0];
      if (!name) throw new UsageError('report needs the report name (erikti reports lists them)');
      // A region typed as it is spoken (kz-19, " KZ-19") is the office code it names.
      const query = { name, from: optional(args.options, 'from'), to: optional(args.options, 'to'), region: optional(args.options, 'region')?.trim().toUpperCase() };
      const out = optional(args.options, 'out');
      if (out === undefined) {
        withOffice(args.options, (core) => {
          const r = core.callAs(CLI_ACTOR, 'reports.run', query);
          io.out(json({ name: r.name, from: r.from, to: r.to, region: r.region, rows: r.rows, totals: r.totals, notes: r.notes }));
        });
        return;
      }
      const lang = (optional(args.options, 'lang') ?? 'ru') as Lang;
      if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError('--lang must be kk, ru or en');
      const format = formatOf(out);
      const target = outPath(out);
      const file = withOffice(args.options, (core) => core.callAs(CLI_ACTOR, 'reports.export', { ...query, format, lang }));
      writeOutFile(target, Buffer.from(file.base64, 'base64'));
      io.out(json({ out: target, format, rows: file.rows }));
    },
  },
};

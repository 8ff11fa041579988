import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { bestSheet, EXPORT_COLUMNS, ROSTER_LIMITS, type ExportColumn } from '../../shared/contract/roster';
import { CLI_ACTOR } from '../core/app';
import { uploadRoster } from '../core/roster/in-process';
import { DB, json, langOption, need, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { LANGS } from '../../shared/i18n/translate';
import { english } from './messages';
import { withProgress } from './progress-line';
import { outPath, writeOutFile } from './out-file';

/**
 * `erikti roster import|export`: the same calls as the import wizard, with the guessed mapping
 * (no questions asked) and a JSON report on stdout.
 */

function readRoster(positionals: string[]): { bytes: Uint8Array; name: string } {
  const file = positionals[0];
  if (!file) throw new UsageError('roster import needs the file: erikti roster import --db FILE ROSTER.xlsx|ROSTER.csv');
  const full = path.resolve(file);
  if (!existsSync(full)) throw new UsageError(`no file at ${full}`);
  // Refuse before reading a huge file into memory; the core checks again.
  if (statSync(full).size > ROSTER_LIMITS.fileBytes) {
    throw new UsageError(english('error.roster.tooLarge', { limit: Math.round(ROSTER_LIMITS.fileBytes / 1024 / 1024) }));
  }
  return { bytes: new Uint8Array(readFileSync(full)), name: path.basename(full) };
}

const lang = (options: Parsed['options']) => langOption(options, 'en');

function columns(options: Parsed['options']): ExportColumn[] | undefined {
  if (typeof options.columns !== 'string') return undefined;
  const list = options.columns.split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of list) if (!(EXPORT_COLUMNS as string[]).includes(c)) throw new UsageError(`unknown column ${c} (one of: ${EXPORT_COLUMNS.join(', ')})`);
  return list as ExportColumn[];
}

export const rosterCommands: Commands = {
  'roster import': {
    options: { ...DB, 'dry-run': { type: 'boolean' }, sheet: { type: 'string', value: 'NAME|N' } },
    args: 'ROSTER.xlsx|ROSTER.csv',
    run: ({ options, positionals }, io) => {
      const { bytes, name } = readRoster(positionals);
      withOffice(options, (core) => {
        const { inspected, sheet, report, dryRun } = withProgress(io, (control) => {
          const inspected = uploadRoster(core, CLI_ACTOR, bytes, name, control);
          const wanted = options.sheet;
          const sheet =
            typeof wanted === 'string'
              ? inspected.sheets.find((s) => s.name === wanted) ?? inspected.sheets[Number(wanted) - 1]
              : bestSheet(inspected.sheets);
          if (!sheet) throw new UsageError(`no sheet ${String(wanted ?? '')} in ${name} (sheets: ${inspected.sheets.map((s) => s.name).join(', ')})`);
          const choice = { token: inspected.token, sheet: sheet.index, mapping: sheet.mapping };
          const dryRun = options['dry-run'] === true;
          return { inspected, sheet, dryRun, report: core.callAs(CLI_ACTOR, dryRun ? 'roster.preview' : 'roster.import', choice, control) };
        });
        core.callAs(CLI_ACTOR, 'roster.discard', { token: inspected.token });
        io.out(json({
          added: report.added,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected.map((p) => ({ row: p.row, column: p.column, reason: english(p.key, p.params) })),
          warnings: report.warnings.map((p) => ({ row: p.row, column: p.column, reason: english(p.key, p.params) })),
          dryRun,
          sheet: sheet.name,
          rows: report.rows,
          mapping: Object.fromEntries(sheet.columns.flatMap((c) => (sheet.mapping[c.index] ? [[c.header || c.letter, sheet.mapping[c.index]]] : []))),
        }));
      });
    },
  },

  'roster export': {
    options: {
      ...DB,
      out: { type: 'string', value: 'ROSTER.xlsx|ROSTER.csv', required: true },
      lang: { type: 'string', value: LANGS.join('|') },
      columns: { type: 'string', value: 'lastName,firstName,...' },
    },
    run: ({ options }, io) => {
      const ext = path.extname(need(options, 'out')).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError('--out must end in .xlsx or .csv');
      const out = outPath(need(options, 'out'));
      const format = ext === '.csv' ? 'csv' : 'xlsx';
      withOffice(options, (core) => {
        const wanted = columns(options);
        const input = { format, lang: lang(options), ...(wanted ? { columns: wanted } : {}) } as const;
        const result = withProgress(io, (control) => core.callAs(CLI_ACTOR, 'roster.export', input, control));
        writeOutFile(out, Buffer.from(result.base64, 'base64'));
        io.out(json({ out, format, rows: result.rows }));
      });
    },
  },
};

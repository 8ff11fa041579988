import type { RosterChoice, RosterProblem, rosterCalls } from '../../../shared/contract/roster';
import { CallError } from '../../../shared/contract/errors';
import { actorOf, type HandlerMap, type ReadContext } from '../context';
import { auditRead } from '../audit/log';
import { readOffice } from '../office/identity';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated } from '../replication/write';
import { toRow } from '../volunteers/columns';
import { canReadIin, countIinLookups, type IinLookupCall } from '../volunteers/iin-lookups';
import { wholeIins } from '../volunteers/search';
import { selectionText } from '../volunteers/selection';
import { translate, type Lang } from '../../../shared/i18n/translate';
import { generatedFile } from '../documents/file';
import { exportRoster } from './export';
import { planImport, type Plan } from './plan';
import { outCellOf } from '../spreadsheet/sheet';
import { columnName, describeSheet, readTable, type Table } from './table';
import { discardUpload, openUpload, receiveChunk, uploadedWorkbook } from './uploads';
import { writeSheet } from '../spreadsheet/write';
import type { WriteStamp } from '../replication/write';
import type { Progress } from '../progress';

const today = (ctx: ReadContext) => ctx.now().toISOString().slice(0, 10);

function tableOf(ctx: ReadContext, choice: Pick<RosterChoice, 'token' | 'sheet' | 'headerRow'>): Table {
  const workbook = uploadedWorkbook(ctx.db, actorOf(ctx).id, choice.token);
  const sheet = workbook.sheets[choice.sheet];
  if (!sheet) throw new CallError({ code: 'notFound', key: 'error.roster.noSheet' });
  return readTable(sheet, choice.headerRow);
}

/**
 * Matching a row by IIN tells who holds that IIN (the report names them, and the import updates
 * them), so for staff every IIN in the file is a counted lookup; over the limit, no plan is shown.
 */
function plan(ctx: ReadContext, call: IinLookupCall, choice: RosterChoice, table = tableOf(ctx, choice)): Plan {
  const result = planImport(ctx.db, table, choice.mapping, { office: readOffice(ctx.db)?.code ?? null, today: today(ctx), consent: choice.consent }, ctx.progress);
  countIinLookups(ctx, call, result.iins);
  return result;
}

/**
 * Writes a plan's accepted rows through the replicated write path. The dispatcher runs the call
 * in one transaction, so a failure on any row, or a cancel, leaves the database as it was.
 */
function applyPlan(stamp: WriteStamp, entries: Plan['entries'], progress: Progress): void {
  const writes = entries.filter((entry) => entry.kind === 'add' || entry.kind === 'update');
  for (let done = 0; done < writes.length; done++) {
    progress('writing', done, writes.length);
    const entry = writes[done]!;
    if (entry.kind === 'add') insertReplicated(stamp, 'volunteers', newId(), toRow(entry.data));
    else if (entry.kind === 'update') updateReplicated(stamp, 'volunteers', entry.id, entry.changes);
  }
  progress('writing', writes.length, writes.length);
}

/**
 * The rejected rows, and the rows imported with a field left empty, with their original cells and
 * a last column saying what is wrong (and, for the second kind, that the person was imported).
 */
function problemWorkbook(table: Table, rejected: { row: number; problems: RosterProblem[]; imported?: boolean }[], lang: Lang, sheetName: string): Uint8Array {
  const byNumber = new Map(table.rows.map((r) => [r.number, r.cells]));
  const headers = [...table.columns.map((c) => columnName(table, c)), translate(lang, 'rosterImport.problemColumn')];
  const rows = rejected.map(({ row, problems, imported }) => {
    const cells = byNumber.get(row) ?? [];
    const text = problems
      .map((p) => {
        const message = translate(lang, p.key, p.params);
        return p.column ? `${p.column}: ${message}` : message;
      })
      .join('; ');
    const explained = `${translate(lang, 'rosterImport.problemRow', { row })} ${imported ? `${translate(lang, 'rosterImport.importedWithout')} ` : ''}${text}`;
    return [...table.columns.map((c) => outCellOf(cells[c])), { text: explained }];
  });
  return writeSheet({ name: sheetName, headers, rows }, 'xlsx');
}

type RosterCallName = keyof typeof rosterCalls;

export const rosterHandlers: HandlerMap<RosterCallName> = {
  // One chunk is one step of reading (the contract caps it at 8 MB); the file is parsed by roster.inspect.
  'roster.upload': ({ token, chunk }, ctx) => {
    ctx.progress('reading', 0, 1);
    const received = receiveChunk(ctx.db, actorOf(ctx).id, token, chunk);
    ctx.progress('reading', 1, 1);
    return received;
  },

  'roster.inspect': ({ token, fileName }, ctx) => {
    const workbook = openUpload(ctx.db, actorOf(ctx).id, token, fileName);
    return { format: workbook.format, encoding: workbook.encoding, sheets: workbook.sheets.map((sheet, i) => describeSheet(sheet, i)) };
  },

  'roster.preview': (choice, ctx) => plan(ctx, 'roster.preview', choice).report,

  'roster.import': (choice, ctx) => {
    const result = plan(ctx, 'roster.import', choice);
    applyPlan(ctx.stamp(), result.entries, ctx.progress);
    return result.report;
  },

  'roster.problemRows': (choice, ctx) => {
    const table = tableOf(ctx, choice);
    const { entries, warnings } = plan(ctx, 'roster.problemRows', choice, table);
    const rejected = entries.flatMap((e) => {
      if (e.kind === 'rejected') return [{ row: e.row, problems: e.problems }];
      const warned = warnings.get(e.row);
      return warned ? [{ row: e.row, problems: warned, imported: true }] : [];
    });
    const name = translate(choice.lang, 'rosterImport.problemSheet');
    return generatedFile(`erikti-problems-${today(ctx)}.xlsx`, problemWorkbook(table, rejected, choice.lang, name));
  },

  'roster.discard': ({ token }, ctx) => {
    discardUpload(ctx.db, actorOf(ctx).id, token);
    return { ok: true };
  },

  'roster.export': ({ query, selection, columns, format, lang }, ctx) => {
    countIinLookups(ctx, 'roster.export', wholeIins(selection ? selectionText(selection) : query.text));
    const result = exportRoster(ctx.db, { query, selection, columns, format, lang, canReadIin: canReadIin(ctx), today: today(ctx) }, ctx.progress);
    auditRead(ctx, 'export.roster', result.fileName, { rows: String(result.rows), columns: String(columns.length) });
    return { ...generatedFile(result.fileName, result.bytes), rows: result.rows };
  },
};

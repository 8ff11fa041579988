import type { CallName } from '../../../shared/contract';
import { REPORT_NAMES } from '../../../shared/domain/reports';
import { officeName } from '../../../shared/domain/regions';
import { actorOf, type HandlerMap } from '../context';
import { generatedFile } from '../documents/file';
import { readOffice } from '../office/identity';
import { likelyDuplicates } from '../volunteers/duplicates';
import { canReadIin } from '../volunteers/iin-lookups';
import { officeDashboard } from './dashboard';
import { refreshHourMonths } from './hour-months';
import { reportPdf, reportWorkbook } from './export';
import { runReport } from './run';

type ReportCall = 'reports.list' | 'reports.run' | 'reports.export' | 'reports.refreshTotals' | 'dashboard.office' | 'dashboard.duplicates';

export const reportHandlers: HandlerMap<Extract<CallName, ReportCall>> = {
  'reports.list': () => [...REPORT_NAMES],
  'reports.run': (query, ctx) => runReport(ctx.db, query, { readsIin: canReadIin(ctx) }, ctx.now()),
  'reports.export': ({ format, lang, ...query }, ctx) => {
    ctx.progress('collecting', 0, 1);
    const report = runReport(ctx.db, query, { readsIin: canReadIin(ctx) }, ctx.now());
    ctx.progress('rendering', 0, 1);
    const office = readOffice(ctx.db);
    const bytes = format === 'xlsx' ? reportWorkbook(report, lang) : reportPdf(report, lang, office ? officeName(office.code, office.name, lang) : '', ctx.now());
    const region = report.region ? `-${report.region}` : '';
    return { ...generatedFile(`erikti-${report.name}${region}-${report.from}-${report.to}.${format}`, bytes), rows: report.rows.length };
  },
  'reports.refreshTotals': ({ months }, ctx) => {
    const refreshed = refreshHourMonths(ctx.db, months);
    return { refreshed, stale: ctx.db.prepare('SELECT count(*) FROM hour_months_stale').pluck().get() as number };
  },
  'dashboard.office': (_input, ctx) => officeDashboard(ctx.db, actorOf(ctx).role, ctx.now()),
  'dashboard.duplicates': (_input, ctx) => ({ count: likelyDuplicates(ctx.db, { limit: Infinity }).length }),
};

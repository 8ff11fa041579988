import type { ReportResult } from '../../../shared/contract/reports';
import { cellText, columnLabel, formatNumber, percentOf } from '../../../shared/domain/report-format';
import type { Lang } from '../../../shared/i18n/translate';
import type { ChartOption } from './EChart';

/**
 * The chart a report reads better with, or null where the table says it best (rows per person).
 * Dark and light bars with patterns (decals) and value labels, so it prints in black and white.
 */

const DARK = '#2f3b4c';
const LIGHT = '#9aa5b4';
const MAX_BARS = 20;

const base = (lang: Lang, categories: string[], rotate: boolean): ChartOption => ({
  aria: { enabled: true, decal: { show: true } },
  animation: false,
  tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v, lang) : String(v)) },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: rotate ? 30 : 0, width: 120, overflow: 'truncate' } },
  yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
});

/** Hours per month: verified and waiting stacked. */
function hoursByMonth(report: ReportResult, lang: Lang): ChartOption {
  const months = [...new Set(report.rows.map((r) => String(r.month)))].sort();
  const sum = (month: string, key: 'hours' | 'verifiedHours') =>
    report.rows.filter((r) => r.month === month).reduce((s, r) => s + Number(r[key] ?? 0), 0);
  const monthColumn = report.columns.find((c) => c.key === 'month')!;
  return {
    ...base(lang, months.map((m) => cellText(monthColumn, m, lang)), false),
    legend: { top: 0 },
    series: [
      { type: 'bar', stack: 'h', name: columnLabel('verifiedHours', lang), color: DARK, data: months.map((m) => Math.round(sum(m, 'verifiedHours') * 100) / 100) },
      { type: 'bar', stack: 'h', name: columnLabel('waiting', lang), color: LIGHT, data: months.map((m) => Math.round((sum(m, 'hours') - sum(m, 'verifiedHours')) * 100) / 100) },
    ],
  };
}

/** One bar per row of the report's first column, for one value column (a share shown as a percentage). */
function barsOf(report: ReportResult, lang: Lang, valueKey: string): ChartOption {
  const group = report.columns[0]!;
  const value = report.columns.find((c) => c.key === valueKey)!;
  const rows = report.rows.slice(0, MAX_BARS);
  const share = value.type === 'rate';
  const labels = rows.map((r) => cellText(group, r[group.key] ?? null, lang, r));
  return {
    ...base(lang, labels, labels.length > 8),
    legend: { top: 0 },
    series: [{
      type: 'bar', name: share ? `${columnLabel(valueKey, lang)}, %` : columnLabel(valueKey, lang), color: DARK,
      label: { show: true, position: 'top', formatter: ({ value: v }) => formatNumber(Number(v), lang, 1) },
      data: rows.map((r) => (typeof r[valueKey] === 'number' ? (share ? percentOf(r[valueKey]) : r[valueKey]) : 0)),
    }],
  };
}

const VALUE_OF: Partial<Record<ReportResult['name'], string>> = {
  'hours-by-event': 'hours',
  'volunteers-by-region': 'volunteers',
  'volunteers-by-age': 'volunteers',
  'volunteers-by-sex': 'volunteers',
  'volunteers-by-area': 'volunteers',
  'volunteers-by-organisation': 'volunteers',
  'events-by-category': 'fillRate',
  'trainings-by-program': 'passRate',
};

export function chartOf(report: ReportResult, lang: Lang): ChartOption | null {
  if (report.rows.length === 0) return null;
  if (report.name === 'hours') return hoursByMonth(report, lang);
  const valueKey = VALUE_OF[report.name];
  return valueKey ? barsOf(report, lang, valueKey) : null;
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_TYPES } from '../../../shared/contract/files';
import { OFFICE_CODES, regionName } from '../../../shared/domain/regions';
import { cellText, columnLabel, noteText, reportTitle } from '../../../shared/domain/report-format';
import { REPORT_NAMES, type ReportName } from '../../../shared/domain/reports';
import { isoDate } from '../../../shared/domain/text';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDate } from '../../ui/format';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { callFieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useDebounced, useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { EChart } from './EChart';
import { chartOf } from './report-chart';
import { ReportsTabs } from './ReportsTabs';

/** A typed date once it is one; anything still being typed leaves the period's default. */
function typedDate(text: string): string | undefined {
  const iso = dateForInput(text);
  return isoDate.safeParse(iso).success ? iso : undefined;
}

const NUMERIC = new Set(['number', 'hours', 'rate']);
/** Rows shown on screen; the export carries them all. */
const SHOWN = 500;

/** Reports with period and region filters, a chart where one reads better, and .xlsx / PDF export. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const today = todayInKazakhstan();
  const [name, setName] = useState<ReportName>('hours');
  const [fromText, setFrom] = useState(formatDate(`${today.slice(0, 4)}-01-01`));
  const [toText, setTo] = useState(formatDate(today));
  const [region, setRegion] = useState('');
  const from = typedDate(useDebounced(fromText, 300));
  const to = typedDate(useDebounced(toText, 300));
  const query = { name, from, to, ...(region ? { region: region as (typeof OFFICE_CODES)[number] } : {}) };
  const report = useLoad(() => call('reports.run', query), [name, from, to, region]);
  const exporting = useLongCall();
  const r = report.data;
  const chart = useMemo(() => (r ? chartOf(r, lang) : null), [r, lang]);
  // The core's refusal of a period (ends before it starts, a year out of range) is shown under the date it names.
  const problems = callFieldErrors(report.error ?? exporting.error);

  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const file = await exporting.run('reports.export', { ...query, format, lang });
    if (file && (await saveFile({ ...file, mime: FILE_TYPES[format] }))) toastOk('reports.exported', { count: file.rows });
  };

  const reports = REPORT_NAMES.map((n) => ({ value: n, label: reportTitle(n, lang) }));
  const regions = OFFICE_CODES.filter((c) => c !== 'KZ').map((c) => ({ value: c, label: regionName(c, lang) }));
  const totalsLine = r
    ? Object.entries(r.totals)
        .filter(([, v]) => v !== null)
        .map(([key, v]) => `${t(`reports.total.${key}`)}: ${cellText(r.columns.find((c) => c.key === key) ?? { key, type: 'number' }, v, lang)}`)
        .join(' · ')
    : '';

  return (
    <div className="screen" data-testid="reports-screen">
      <ReportsTabs current="reports" />
      <div className="screen-head">
        <h1>{reportTitle(name, lang)}</h1>
        <span className="spacer" />
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={exporting.busy || !r} data-testid="report-export-xlsx">{t('reports.exportXlsx')}</button>
        <button type="button" onClick={() => void exportAs('pdf')} disabled={exporting.busy || !r} data-testid="report-export-pdf">{t('reports.exportPdf')}</button>
      </div>
      <div className="filters">
        <Field id="report-name" label={t('reports.report')}>
          <Select id="report-name" value={name} options={reports} onChange={(v) => setName(v as ReportName)} />
        </Field>
        <Field id="report-from" label={t('reports.from')} problem={problems.from}>
          <TextInput id="report-from" value={fromText} onChange={setFrom} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={(fromText.trim() !== '' && !from) || !!problems.from} />
        </Field>
        <Field id="report-to" label={t('reports.to')} problem={problems.to}>
          <TextInput id="report-to" value={toText} onChange={setTo} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={(toText.trim() !== '' && !to) || !!problems.to} />
        </Field>
        <Field id="report-region" label={t('reports.region')}>
          <Select id="report-region" value={region} options={regions} empty={t('reports.allRegions')} onChange={setRegion} />
        </Field>
      </div>
      <LongCallProgress call={exporting} testId="report-export-progress" />
      <ErrorText error={report.error ?? exporting.error} />
      {r?.notes.map((note) => <p key={note.key} className="notice" role="note">{noteText(note, lang)}</p>)}
      {r && <p className="report-totals" data-testid="report-totals">{totalsLine}</p>}
      {chart && <EChart option={chart} label={reportTitle(name, lang)} />}
      {r && r.rows.length === 0 && <p className="empty">{t('reports.empty')}</p>}
      {r && r.rows.length > 0 && (
        <div className="table-scroll">
          <table className="plain-table compact" data-testid="report-table">
            <thead>
              <tr>{r.columns.map((c) => <th key={c.key} className={NUMERIC.has(c.type) ? 'num' : undefined}>{columnLabel(c.key, lang)}</th>)}</tr>
            </thead>
            <tbody>
              {r.rows.slice(0, SHOWN).map((row, i) => (
                <tr key={String(row.volunteerId ?? row.eventId ?? row.programId ?? i)} data-testid="report-row">
                  {r.columns.map((c) => <td key={c.key} className={NUMERIC.has(c.type) ? 'num' : c.type === 'iin' ? 'mono' : undefined}>{cellText(c, row[c.key] ?? null, lang, row)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          {r.rows.length > SHOWN && <p className="muted">{t('reports.more', { shown: SHOWN, count: r.rows.length })}</p>}
        </div>
      )}
    </div>
  );
}

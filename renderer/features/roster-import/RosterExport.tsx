import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportColumn } from '../../../shared/contract/roster';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { toastOk } from '../../ui/toasts';
import { useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { NO_FILTERS, rosterQuery, useRoster } from '../../app/roster-store';
import { saveFile } from '../../app/files';
import { ExportScope } from './ExportScope';

/**
 * The roster out to Excel or CSV, with the columns the user ticks. It says which of the roster
 * screen's filters apply and how many people will go, and offers everyone in one click: an export
 * that quietly kept a search left on the roster once gave 4 people of 6.
 */
export function RosterExport() {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = useRoster((s) => s.filters);
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_EXPORT_COLUMNS);
  const [everyone, setEveryone] = useState(false);
  const action = useLongCall();

  const filtered = rosterQuery(filters);
  const all = rosterQuery(NO_FILTERS);
  const query = everyone ? all : filtered;
  const key = JSON.stringify(filtered);
  const counts = useLoad(
    async () => ({
      matching: (await call('volunteers.search', { ...filtered, limit: 1 })).total,
      everyone: (await call('volunteers.search', { ...all, limit: 1 })).total,
    }),
    [key],
  );

  const run = async (format: 'xlsx' | 'csv') => {
    const file = await action.run('roster.export', { query, columns, format, lang });
    if (file && (await saveFile(file))) {
      toastOk('rosterImport.exported', { count: file.rows });
    }
  };
  const toggle = (column: ExportColumn, on: boolean) =>
    setColumns(EXPORT_COLUMNS.filter((c) => (c === column ? on : columns.includes(c))));

  return (
    <section className="form-section" aria-labelledby="roster-export-title" data-testid="roster-export">
      <h2 id="roster-export-title">{t('rosterImport.exportTitle')}</h2>
      <ExportScope filters={filters} counts={counts.data} everyone={everyone} onEveryone={setEveryone} />
      <fieldset className="checkbox-group">
        <legend>{t('rosterImport.exportColumns')}</legend>
        {EXPORT_COLUMNS.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" checked={columns.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            {t(`volunteer.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="button" data-testid="roster-export-xlsx" onClick={() => void run('xlsx')} disabled={action.busy || columns.length === 0}>
          {action.busy ? t('rosterImport.exporting') : t('rosterImport.exportXlsx')}
        </button>
        <button type="button" data-testid="roster-export-csv" onClick={() => void run('csv')} disabled={action.busy || columns.length === 0}>
          {t('rosterImport.exportCsv')}
        </button>
      </div>
      <LongCallProgress call={action} testId="roster-export-progress" />
      <p className="muted small">{t('rosterImport.formatHint')}</p>
      <ErrorText error={action.error} />
    </section>
  );
}

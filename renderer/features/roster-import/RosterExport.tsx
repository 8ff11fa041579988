import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportColumn } from '../../../shared/contract/roster';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { toastOk } from '../../ui/toasts';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { rosterQuery, useRoster } from '../../app/roster-store';
import { saveFile } from '../../app/files';

/**
 * The roster out to Excel or CSV, with the roster screen's current search and filters and the
 * columns the user ticks. Headers and list values come out in the user's language.
 */
export function RosterExport() {
  const { t } = useTranslation();
  const lang = useLang();
  const filters = useRoster((s) => s.filters);
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_EXPORT_COLUMNS);
  const action = useLongCall();

  const query = rosterQuery(filters);

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
      <p className="muted small">{t('rosterImport.exportHint')}</p>
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
      <ErrorText error={action.error} />
    </section>
  );
}

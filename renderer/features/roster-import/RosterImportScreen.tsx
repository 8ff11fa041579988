import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/contract';
import { bestSheet, ROSTER_FIELDS, ROSTER_LIMITS, type RosterField, type RosterMapping, type RosterProblem, type RosterReport, type RosterSheet } from '../../../shared/contract/roster';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';
import { HIDDEN_FILE_INPUT, useFilePick } from '../../ui/useFilePick';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { saveFile } from '../../app/files';
import { uploadFile } from './files';
import { RosterExport } from './RosterExport';
import { ConsentChoice, consentOf, type ConsentAnswer } from './ConsentChoice';

type Inspected = CallResult<'roster.inspect'> & { token: string; fileName: string; size: number };

/** How many problem rows the screen lists; the downloaded file has them all. */
const PROBLEMS_SHOWN = 200;
const UPDATES_SHOWN = 50;

/**
 * Bringing a volunteer list in from Excel: choose a file, pick the sheet, check and correct what
 * each column holds, see what will happen, import the good rows, download the rest to fix.
 */
export function RosterImportScreen() {
  const { t } = useTranslation();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [imported, setImported] = useState<RosterReport | null>(null);
  const reset = () => {
    if (inspected) void call('roster.discard', { token: inspected.token }).catch(() => undefined);
    setInspected(null);
    setImported(null);
  };

  return (
    <div className="screen roster-import">
      <div className="screen-head">
        <a className="back" href="#/volunteers">← {t('rosterImport.back')}</a>
      </div>
      <h1>{t('rosterImport.title')}</h1>
      <p className="muted">{t('rosterImport.intro')}</p>
      {inspected === null ? (
        <FileStep onInspected={setInspected} />
      ) : (
        <SheetStep key={inspected.token} inspected={inspected} imported={imported} onImported={setImported} onReset={reset} />
      )}
      <RosterExport />
    </div>
  );
}

function FileStep({ onInspected }: { onInspected(value: Inspected): void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  const choose = useFilePick({
    maxBytes: ROSTER_LIMITS.fileBytes,
    onStart: () => setError(null),
    onTooLarge: () => setError({ key: 'error.roster.tooLarge', params: { limit: Math.round(ROSTER_LIMITS.fileBytes / 1024 / 1024) } }),
    onFile: async (file) => {
      setProgress(0);
      try {
        const token = await uploadFile(file, setProgress);
        const result = await call('roster.inspect', { token, fileName: file.name.slice(0, 255) });
        onInspected({ ...result, token, fileName: file.name, size: file.size });
      } catch (failure) {
        setError(failure);
      } finally {
        setProgress(null);
      }
    },
  });

  return (
    <section className="form-section" aria-labelledby="roster-step-file">
      <h2 id="roster-step-file">{t('rosterImport.step.file')}</h2>
      <div className="inline-form">
        <label className="button primary" htmlFor="roster-file">{t('rosterImport.chooseFile')}</label>
        <input
          ref={input}
          id="roster-file"
          data-testid="roster-file"
          type="file"
          accept=".xlsx,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          style={HIDDEN_FILE_INPUT}
          disabled={progress !== null}
          onChange={choose}
        />
        {progress !== null && (
          <span role="status">
            {t('rosterImport.reading', { percent: Math.round(progress * 100) })} <progress max={1} value={progress} />
          </span>
        )}
      </div>
      <ProblemText error={error} />
    </section>
  );
}

/** A failure that is either a CallError or a plain {key, params} (refused before sending). */
function ProblemText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error && typeof error === 'object' && !(error instanceof Error) && 'key' in error) {
    const { key, params } = error as { key: string; params?: Record<string, string | number> };
    return <div className="error-banner" role="alert">{t(key, params)}</div>;
  }
  return <ErrorText error={error} />;
}

interface SheetStepProps {
  inspected: Inspected;
  imported: RosterReport | null;
  onImported(report: RosterReport | null): void;
  onReset(): void;
}

function SheetStep({ inspected, imported, onImported, onReset }: SheetStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const first = bestSheet(inspected.sheets);
  const [sheetIndex, setSheetIndex] = useState(first?.index ?? 0);
  const sheet = inspected.sheets.find((s) => s.index === sheetIndex) ?? first;
  const [mapping, setMapping] = useState<RosterMapping>(sheet?.mapping ?? []);
  const [report, setReport] = useState<RosterReport | null>(null);
  const [consent, setConsent] = useState<ConsentAnswer>({ given: false, basis: 'written', date: '' });
  const check = useLongCall();
  const run = useLongCall();
  const problems = useAction();

  // A different sheet starts from its own guess; any change to the mapping invalidates the preview.
  useEffect(() => {
    setMapping(sheet?.mapping ?? []);
    setReport(null);
  }, [sheet]);

  const fileConsent = consentOf(consent);
  const choice = { token: inspected.token, sheet: sheetIndex, mapping, ...(fileConsent ? { consent: fileConsent } : {}) };
  const answerConsent = (answer: ConsentAnswer) => {
    setConsent(answer);
    setReport(null);
  };
  const setField = (column: number, field: RosterField | null) => {
    setMapping((m) => {
      const next = [...m];
      while (next.length <= column) next.push(null);
      next[column] = field;
      return next;
    });
    setReport(null);
  };

  const preview = async () => {
    const result = await check.run('roster.preview', choice);
    if (result) setReport(result);
  };
  const importRows = async () => {
    const result = await run.run('roster.import', choice, toastError);
    if (result) {
      onImported(result);
      setReport(result);
      toastOk('rosterImport.done', { added: result.added, updated: result.updated, unchanged: result.unchanged });
    }
  };
  const downloadProblems = async () => {
    const file = await problems.run(() => call('roster.problemRows', { ...choice, lang }), toastError);
    if (file) await saveFile(file);
  };

  const sizeKb = Math.max(1, Math.round(inspected.size / 1024));
  return (
    <>
      <section className="form-section" aria-labelledby="roster-step-mapping">
        <h2 id="roster-step-mapping">{t('rosterImport.step.mapping')}</h2>
        <p className="muted small">
          {t('rosterImport.fileSummary', { name: inspected.fileName, size: sizeKb })}
          {inspected.encoding ? ` · ${t('rosterImport.encoding', { encoding: inspected.encoding })}` : ''}{' '}
          <button type="button" className="link" onClick={onReset}>{t('rosterImport.another')}</button>
        </p>
        {inspected.sheets.length > 1 && (
          <div className="field">
            <label htmlFor="roster-sheet">{t('rosterImport.sheet')}</label>
            <select id="roster-sheet" value={sheetIndex} onChange={(e) => setSheetIndex(Number(e.target.value))} disabled={imported !== null}>
              {inspected.sheets.map((s) => (
                <option key={s.index} value={s.index}>
                  {t('rosterImport.sheetOption', { name: s.name, count: s.rows })}
                  {s.hidden ? ` (${t('rosterImport.hidden')})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {!sheet || sheet.columns.length === 0 ? (
          <p className="empty">{t('rosterImport.emptySheet')}</p>
        ) : (
          <MappingTable sheet={sheet} mapping={mapping} onChange={setField} disabled={imported !== null} />
        )}
        {sheet && sheet.columns.length > 0 && <ConsentChoice answer={consent} onChange={answerConsent} disabled={imported !== null} />}
        {imported === null && sheet && sheet.columns.length > 0 && (
          <div className="form-actions">
            <button type="button" className="primary" data-testid="roster-check" onClick={() => void preview()} disabled={check.busy || (consent.given && !fileConsent)}>
              {check.busy ? t('rosterImport.checking') : t('rosterImport.check')}
            </button>
          </div>
        )}
        <LongCallProgress call={check} testId="roster-check-progress" />
        <ErrorText error={check.error} />
      </section>

      {report && (
        <section className="form-section" aria-labelledby="roster-step-preview" data-testid="roster-report">
          <h2 id="roster-step-preview">{t('rosterImport.step.preview')}</h2>
          <Counts report={report} done={imported !== null} />
          {imported !== null && report.addedPeople.length > 0 && <Added report={report} />}
          {report.updates.length > 0 && <Updates report={report} />}
          {report.rejected.length > 0 && <Problems problems={report.rejected} title={t('rosterImport.problemsTitle')} hint={t('rosterImport.problemsHint')} testId="roster-problem" />}
          {report.warnings.length > 0 && <Problems problems={report.warnings} title={t('rosterImport.warningsTitle')} hint={t('rosterImport.warningsHint')} testId="roster-warning" />}
          <div className="form-actions">
            {imported === null ? (
              <button
                type="button"
                className="primary"
                data-testid="roster-import"
                onClick={() => void importRows()}
                disabled={run.busy || report.added + report.updated === 0}
              >
                {run.busy ? t('rosterImport.importing') : t('rosterImport.import')}
              </button>
            ) : (
              <>
                <a className="button primary" href="#/volunteers">{t('rosterImport.back')}</a>
                <button type="button" onClick={onReset}>{t('rosterImport.another')}</button>
              </>
            )}
            {report.rejectedRows + report.warnedRows > 0 && (
              <button type="button" data-testid="roster-problems-download" onClick={() => void downloadProblems()} disabled={problems.busy}>
                {t('rosterImport.downloadProblems')}
              </button>
            )}
            {imported === null && report.added + report.updated === 0 && <span className="muted">{t('rosterImport.nothingToImport')}</span>}
          </div>
          <LongCallProgress call={run} testId="roster-import-progress" />
          <ErrorText error={run.error} />
        </section>
      )}
    </>
  );
}

function MappingTable({ sheet, mapping, onChange, disabled }: { sheet: RosterSheet; mapping: RosterMapping; onChange(column: number, field: RosterField | null): void; disabled: boolean }) {
  const { t } = useTranslation();
  const label = (field: RosterField) => (field === 'fullName' ? t('rosterImport.fullNameField') : t(`volunteer.${field}`));
  const options = useMemo(() => ROSTER_FIELDS.map((f) => ({ value: f, label: label(f) })), [t]);
  return (
    <>
      <p className="muted small">{t('rosterImport.mappingHint')}</p>
      <table className="plain-table" data-testid="roster-mapping">
        <thead>
          <tr>
            <th>{t('rosterImport.column')}</th>
            <th>{t('rosterImport.field')}</th>
            <th>{t('rosterImport.firstValues')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.columns.map((column) => {
            const id = `roster-map-${column.index}`;
            const values = sheet.sample.map((row) => row[column.index] ?? '').filter(Boolean).slice(0, 3);
            return (
              <tr key={column.index}>
                <td>
                  <label htmlFor={id}>
                    <span className="muted mono">{column.letter}</span> {column.header}
                  </label>
                </td>
                <td>
                  <select
                    id={id}
                    value={mapping[column.index] ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange(column.index, (ROSTER_FIELDS as readonly string[]).includes(e.target.value) ? (e.target.value as RosterField) : null)}
                  >
                    <option value="">{t('rosterImport.skip')}</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>{o.label}</option>
                    ))}
                  </select>
                </td>
                <td className="muted small">{values.join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('rosterImport.headerRow')}: {sheet.headerRow ?? '—'}</p>
    </>
  );
}

function Counts({ report, done }: { report: RosterReport; done: boolean }) {
  const { t } = useTranslation();
  const items: [string, number, string][] = [
    ['added', report.added, t('rosterImport.countAdded')],
    ['updated', report.updated, t('rosterImport.countUpdated')],
    ['unchanged', report.unchanged, t('rosterImport.countUnchanged')],
    ['rejected', report.rejectedRows, t('rosterImport.countRejected')],
    ...(report.warnedRows > 0 ? [['warned', report.warnedRows, t('rosterImport.countWarned')] as [string, number, string]] : []),
    ...(report.consentFromFile > 0 ? [['consentFromFile', report.consentFromFile, t('rosterImport.countConsentFromFile')] as [string, number, string]] : []),
    ...(report.withoutConsent > 0 ? [['withoutConsent', report.withoutConsent, t('rosterImport.countWithoutConsent')] as [string, number, string]] : []),
  ];
  return (
    <>
      {done && <p className="info" role="status">{t('rosterImport.done', { added: report.added, updated: report.updated, unchanged: report.unchanged })}</p>}
      {!done && <h3>{t('rosterImport.previewTitle')}</h3>}
      <dl className="facts" data-testid="roster-counts">
        {items.map(([key, count, text]) => (
          <div key={key} data-testid={`roster-count-${key}`}>
            <dt>{text}</dt>
            <dd className="mono">{count}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Updates({ report }: { report: RosterReport }) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) => t(`volunteer.${field}`, { defaultValue: field });
  return (
    <>
      <h3>{t('rosterImport.updatesTitle')}</h3>
      <table className="plain-table">
        <thead>
          <tr>
            <th>{t('rosterImport.row')}</th>
            <th>{t('volunteer.fullName')}</th>
            <th>{t('rosterImport.changedFields')}</th>
          </tr>
        </thead>
        <tbody>
          {report.updates.slice(0, UPDATES_SHOWN).map((u) => (
            <tr key={u.row}>
              <td className="mono">{u.row}</td>
              <td>
                <a href={`#/volunteers/${encodeURIComponent(u.id)}`}>{u.name}</a> <span className="muted small">({t(`rosterImport.matchBy.${u.by}`)})</span>
              </td>
              <td>{u.fields.map(fieldLabel).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.updated > UPDATES_SHOWN && <p className="muted small">{t('rosterImport.more', { shown: UPDATES_SHOWN, total: report.updated })}</p>}
    </>
  );
}

/** Who the import added, by name and row (the first rows only), so a clerk can see the list went in. */
function Added({ report }: { report: RosterReport }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('rosterImport.addedTitle')}</h3>
      <ul className="added-people" data-testid="roster-added">
        {report.addedPeople.slice(0, UPDATES_SHOWN).map((p) => (
          <li key={p.row}>
            <span className="mono muted small">{p.row}</span> {p.name}
          </li>
        ))}
      </ul>
      {report.added > UPDATES_SHOWN && <p className="muted small">{t('rosterImport.more', { shown: UPDATES_SHOWN, total: report.added })}</p>}
    </>
  );
}

/** Row problems: the rows left out, or the rows imported with a field left empty. */
function Problems({ problems, title, hint, testId }: { problems: RosterProblem[]; title: string; hint: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{title}</h3>
      <p className="muted small">{hint}</p>
      <table className="plain-table" data-testid={`${testId}s`}>
        <thead>
          <tr>
            <th>{t('rosterImport.row')}</th>
            <th>{t('rosterImport.column')}</th>
            <th>{t('rosterImport.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
            <tr key={`${p.row}-${i}`} data-testid={testId}>
              <td className="mono">{p.row}</td>
              <td>{p.column ?? <span className="muted">{t('rosterImport.wholeRow')}</span>}</td>
              <td>{t(p.key, { ...p.params, defaultValue: t('error.invalid') })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > PROBLEMS_SHOWN && <p className="muted small">{t('rosterImport.more', { shown: PROBLEMS_SHOWN, total: problems.length })}</p>}
    </>
  );
}

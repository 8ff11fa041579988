import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_BASE64_MAX, type ImportSummaryView } from '../../../shared/contract/exchange';
import { officeName, regionName } from '../../../shared/domain/regions';
import { desktopFiles, toBase64 } from '../../app/files';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { toastOk } from '../../ui/toasts';
import { useFilePick } from '../../ui/useFilePick';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { ChangeReport } from './ChangeReport';
import { formatBytes, tableLabel } from './values';

interface Chosen {
  fileName: string;
  /** Unknown for a file chosen in the desktop app's dialog (the page never reads it). */
  size: number | null;
  source: { base64: string } | { token: string };
}

/** The largest file the web host can take as base64. */
const MAX_FILE_BYTES = Math.floor((BUNDLE_BASE64_MAX / 4) * 3);

/**
 * Bringing a bundle in: choose the file, see what it would do (nothing is written yet), apply it
 * in one go, see what it did. A bundle the core refuses (altered, unknown signer, not for this
 * office …) shows the reason and changes nothing. In the desktop app the file is chosen in the
 * native dialog and travels as a token; in the browser the page reads it and sends base64.
 */
export function ImportBundle({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportSummaryView | null>(null);
  const [applied, setApplied] = useState<ImportSummaryView | null>(null);
  const [reading, setReading] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const check = useLongCall();
  const apply = useLongCall();
  const files = desktopFiles();

  const reset = () => {
    setChosen(null);
    setPreview(null);
    setApplied(null);
    setTooLarge(false);
    check.setError(null);
    apply.setError(null);
  };

  const checkChosen = async (picked: Chosen) => {
    setChosen(picked);
    const result = await check.run('exchange.preview', { source: picked.source });
    if (result) setPreview(result);
  };

  /** The desktop app: the main process shows the dialog; a cancelled dialog changes nothing. */
  const chooseInDialog = async (open: () => Promise<{ token: string; name: string } | null>) => {
    let picked: { token: string; name: string } | null;
    try {
      picked = await open();
    } catch (error) {
      check.setError(error);
      return;
    }
    if (!picked) return;
    reset();
    await checkChosen({ fileName: picked.name, size: null, source: { token: picked.token } });
  };

  const choose = useFilePick({
    maxBytes: MAX_FILE_BYTES,
    onStart: reset,
    onTooLarge: () => setTooLarge(true),
    onFile: async (file) => {
      setReading(true);
      let base64: string;
      try {
        base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      } finally {
        setReading(false);
      }
      await checkChosen({ fileName: file.name, size: file.size, source: { base64 } });
    },
  });

  const run = async () => {
    if (!chosen) return;
    const result = await apply.run('exchange.import', { source: chosen.source });
    if (!result) return;
    setApplied(result);
    toastOk('exchange.import.done', { rows: result.rows });
    onImported();
  };

  const busy = reading || check.busy || apply.busy;
  const summary = applied ?? preview;
  return (
    <section className="form-section" aria-labelledby="exchange-import-title" data-testid="exchange-import">
      <h2 id="exchange-import-title">{t('exchange.import.title')}</h2>
      <p className="muted small">{t('exchange.import.hint')}</p>
      <div className="inline-form">
        {files ? (
          <button type="button" className={chosen ? undefined : 'primary'} data-testid="exchange-file" disabled={busy} onClick={() => void chooseInDialog(() => files.openBundle())}>
            {chosen ? t('exchange.import.another') : t('exchange.import.chooseFile')}
          </button>
        ) : (
          <>
            <label className={`button${chosen ? '' : ' primary'}`} htmlFor="exchange-file" aria-disabled={busy || undefined}>
              {chosen ? t('exchange.import.another') : t('exchange.import.chooseFile')}
            </label>
            <input
              id="exchange-file"
              data-testid="exchange-file"
              type="file"
              accept=".erikti,application/octet-stream"
              className="visually-hidden"
              disabled={busy}
              onChange={choose}
            />
          </>
        )}
        {chosen && (
          <span className="muted small">
            {chosen.fileName}
            {chosen.size !== null && <> · {formatBytes(chosen.size)}</>}
          </span>
        )}
        {reading && (
          <span role="status">
            {t('exchange.import.reading')} <progress />
          </span>
        )}
      </div>
      <LongCallProgress call={check} testId="exchange-check-progress" />
      <ErrorText error={check.error} />
      {tooLarge && (
        <div className="error-banner" role="alert">{t('exchange.import.tooLarge', { size: formatBytes(MAX_FILE_BYTES) })}</div>
      )}

      {summary && (
        <div className="exchange-summary" data-testid={applied ? 'exchange-applied' : 'exchange-preview'}>
          <Sender summary={summary} />
          {applied ? (
            <p className="info" role="status">
              {applied.alreadyImported || applied.nothingChanged ? t('exchange.import.doneNothing') : t('exchange.import.doneText', { rows: applied.rows })}
            </p>
          ) : (
            <>
              <h3>{t('exchange.import.previewTitle')}</h3>
              {summary.alreadyImported && <p className="notice">{t('exchange.import.alreadyImported')}</p>}
              {!summary.alreadyImported && summary.nothingChanged && <p className="notice">{t('exchange.import.nothingChanged')}</p>}
            </>
          )}
          <ReviewNotes summary={summary} />
          <ChangeReport report={summary.report} fileName={reportFileName(summary)} />
          <Counts summary={summary} />
          <div className="form-actions">
            {applied === null ? (
              <>
                <button type="button" className="primary" data-testid="exchange-apply" onClick={() => void run()} disabled={busy || summary.alreadyImported}>
                  {apply.busy ? t('exchange.import.applying') : t('exchange.import.apply')}
                </button>
                <button type="button" onClick={reset} disabled={apply.busy}>{t('common.cancel')}</button>
              </>
            ) : (
              <button type="button" onClick={reset}>{t('exchange.import.close')}</button>
            )}
          </div>
          {apply.busy && <p className="muted small">{t('exchange.import.applyingHint')}</p>}
          <LongCallProgress call={apply} testId="exchange-apply-progress" />
          <ErrorText error={apply.error} />
        </div>
      )}
    </section>
  );
}

function Sender({ summary }: { summary: ImportSummaryView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <dl className="exchange-facts">
      <dt>{t('exchange.import.from')}</dt>
      <dd data-testid="exchange-from">
        <span className="mono">{summary.from.office}</span> · {officeName(summary.from.office, summary.from.name, lang)}
      </dd>
      <dt>{t('exchange.fingerprint')}</dt>
      <dd className="mono">{summary.from.fingerprint}</dd>
      <dt>{t('exchange.import.created')}</dt>
      <dd>{formatDateTime(summary.createdAt)}</dd>
      <dt>{t('exchange.import.kind')}</dt>
      <dd>{summary.full ? t('exchange.full') : t('exchange.incremental')}</dd>
    </dl>
  );
}

/** The report's CSV file name: the sending office and the bundle's day. */
export const reportFileName = (summary: { from: { office: string }; createdAt: string }) =>
  `erikti-report-${summary.from.office}-${summary.createdAt.slice(0, 10)}.csv`;

const COLUMNS = ['created', 'updated', 'unchanged', 'erased', 'conflicts', 'merged', 'missing'] as const;

/** What the bundle does per kind of record. */
function Counts({ summary }: { summary: ImportSummaryView }) {
  const { t } = useTranslation();
  const tables = Object.entries(summary.tables);
  if (tables.length === 0) return <p className="empty">{t('exchange.import.emptyBundle')}</p>;
  // A column that is zero everywhere says nothing; the first three always show.
  const shown = COLUMNS.filter((c, i) => i < 3 || tables.some(([, s]) => s[c] > 0));
  return (
    <table className="plain-table exchange-counts" data-testid="exchange-counts">
      <thead>
        <tr>
          <th>{t('exchange.import.recordKind')}</th>
          {shown.map((c) => (
            <th key={c} className="num">{t(`exchange.count.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tables.map(([table, s]) => (
          <tr key={table} data-testid={`exchange-count-${table}`}>
            <td>{tableLabel(t, table)}</td>
            {shown.map((c) => (
              <td key={c} className={`num mono${s[c] > 0 && (c === 'conflicts' || c === 'merged') ? ' warning' : ''}`} data-testid={`exchange-count-${table}-${c}`}>
                {s[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Conflicts and likely duplicates the bundle brings, with the way to the lists that settle them. */
function ReviewNotes({ summary }: { summary: ImportSummaryView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notes: { key: string; text: string; href?: string; link?: string; list?: string[] }[] = [];
  if (summary.conflicts > 0) {
    notes.push({ key: 'conflicts', text: t('exchange.import.conflictsNote', { n: summary.conflicts }), href: hrefFor({ name: 'conflicts' }), link: t('exchange.tabs.conflicts') });
  }
  if (summary.duplicates.merged > 0) notes.push({ key: 'merged', text: t('exchange.import.mergedNote', { n: summary.duplicates.merged }) });
  if (summary.duplicates.review > 0) {
    notes.push({ key: 'review', text: t('exchange.import.reviewNote', { n: summary.duplicates.review }), href: hrefFor({ name: 'duplicates' }), link: t('exchange.tabs.duplicates') });
  }
  if (summary.trustAdded > 0) {
    notes.push({
      key: 'trust', text: t('exchange.import.trustNote', { n: summary.trustAdded }), href: hrefFor({ name: 'trust' }), link: t('exchange.tabs.trust'),
      list: summary.trustOffices.map((o) => `${o} · ${regionName(o, lang)}`),
    });
  }
  // Other changes to whom this office trusts, each kind with the offices it concerns.
  for (const change of ['pending', 'revoked', 'rotated'] as const) {
    const offices = summary.trustChanges.filter((c) => c.change === change).map((c) => c.office);
    if (offices.length === 0) continue;
    notes.push({ key: `trust-${change}`, text: t(`exchange.import.trustChange.${change}`, { n: offices.length, offices: [...new Set(offices)].join(', ') }), href: hrefFor({ name: 'trust' }), link: t('exchange.tabs.trust') });
  }
  for (const [office, count] of Object.entries(summary.refused.offices)) {
    notes.push({ key: `refused-${office}`, text: t('exchange.import.refusedNote', { count, office }) });
  }
  if (summary.clockAheadMinutes > 0) {
    notes.push({ key: 'clock', text: t('exchange.import.clockAheadNote', { minutes: summary.clockAheadMinutes, office: summary.from.office }) });
  }
  if (notes.length === 0) return null;
  return (
    <ul className="exchange-notes" data-testid="exchange-notes">
      {notes.map((n) => (
        <li key={n.key} data-testid={`exchange-note-${n.key}`}>
          {n.text}
          {n.href && (
            <>
              {' '}→ <a href={n.href}>{n.link}</a>
            </>
          )}
          {n.list && (
            <ul data-testid={`exchange-note-${n.key}-list`}>
              {n.list.map((item, i) => <li key={i}>{item}</li>)}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
